/**
 * Equation text → our whitelisted AST. The tokenizer pre-pass (tokenize.ts) makes the text safe for mathjs;
 * mathjs `parse` supplies the grammar (precedence, associativity, `-2^2 = -4`); this file walks mathjs's node
 * tree and converts only the node types we allow. mathjs never evaluates anything.
 */
import { create, parseDependencies } from 'mathjs/number';
import type { MathNode } from 'mathjs';
import type { Expr } from './ast.js';
import { equationError, tokenizeEquation, type TokenizeContext } from './tokenize.js';

// A mathjs instance holding only the parser. It is never configured after creation, so it is shared state
// without being mutable state.
const math = create({ parseDependencies });

const BINARY: Record<string, '+' | '-' | '*' | '/' | '^' | 'mod'> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  pow: '^',
  mod: 'mod',
};
const COMPARE: Record<string, '<' | '<=' | '>' | '>=' | '=' | '<>'> = {
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '=',
  unequal: '<>',
};

/** Deeper expressions are refused: every later stage walks the tree recursively. */
const MAX_DEPTH = 1000;

/** Parses one equation. `ctx.variable` and `ctx.equation` name the equation in every error. */
export function parseEquation(ctx: TokenizeContext): Expr {
  const tokenized = tokenizeEquation(ctx);
  let root: MathNode;
  try {
    root = math.parse(tokenized.text);
  } catch (err) {
    if (err instanceof RangeError) throw equationError('syntax', ctx, 'expression nested too deeply');
    const detail = err instanceof Error ? err.message.replace(/\(char \d+\)/, '').trim() : String(err);
    throw equationError('syntax', ctx, `syntax error (${detail.replace(/_s\d+/g, 'name')})`);
  }
  const symbol = (name: string): { name: string; written: string } => {
    const s = tokenized.symbols.get(name);
    if (!s) throw equationError('syntax', ctx, `unexpected symbol`);
    return s;
  };
  let depth = 0;
  const convert = (n: MathNode): Expr => {
    if (++depth > MAX_DEPTH) throw equationError('syntax', ctx, `expression nested too deeply (more than ${MAX_DEPTH} levels)`);
    try {
      return convertNode(n);
    } finally {
      depth--;
    }
  };
  const convertNode = (n: MathNode): Expr => {
    const node = n as MathNode & Record<string, unknown>;
    switch (n.type) {
      case 'ConstantNode': {
        const value = node.value;
        if (typeof value !== 'number') throw equationError('syntax', ctx, 'non-numeric value');
        return { kind: 'number', value };
      }
      case 'SymbolNode':
        return { kind: 'ref', name: symbol(node.name as string).name };
      case 'ParenthesisNode':
        return convert(node.content as MathNode);
      case 'ConditionalNode':
        return {
          kind: 'if',
          cond: convert(node.condition as MathNode),
          then: convert(node.trueExpr as MathNode),
          else: convert(node.falseExpr as MathNode),
        };
      case 'OperatorNode': {
        const fn = node.fn as string;
        const args = (node.args as MathNode[]).map(convert);
        if (node.implicit) throw equationError('syntax', ctx, 'missing operator between two terms');
        if (args.length === 1) {
          if (fn === 'unaryMinus') return { kind: 'unary', op: '-', arg: args[0] };
          if (fn === 'unaryPlus') return { kind: 'unary', op: '+', arg: args[0] };
          if (fn === 'not') return { kind: 'not', arg: args[0] };
        } else if (args.length === 2) {
          const [left, right] = args;
          if (fn in BINARY) return { kind: 'binary', op: BINARY[fn], left, right };
          if (fn in COMPARE) return { kind: 'compare', op: COMPARE[fn], left, right };
          if (fn === 'and' || fn === 'or') return { kind: 'logical', op: fn, left, right };
        }
        throw equationError('syntax', ctx, `the operator "${String(node.op)}" is not allowed`);
      }
      case 'FunctionNode': {
        const fnNode = node.fn as MathNode & { name?: string };
        if (fnNode.type !== 'SymbolNode' || typeof fnNode.name !== 'string') {
          throw equationError('syntax', ctx, 'call of something that is not a function');
        }
        const args = (node.args as MathNode[]).map(convert);
        return { kind: 'call', name: symbol(fnNode.name).name, args };
      }
      case 'RelationalNode':
        throw equationError('syntax', ctx, 'chained comparison (add parentheses)');
      case 'AssignmentNode':
      case 'FunctionAssignmentNode':
        throw equationError('syntax', ctx, 'assignments are not allowed');
      case 'ArrayNode':
      case 'IndexNode':
      case 'AccessorNode':
        throw equationError('unsupported', ctx, 'arrays are not supported');
      default:
        throw equationError('syntax', ctx, `expression of a kind that is not allowed (${n.type})`);
    }
  };
  return convert(root);
}
