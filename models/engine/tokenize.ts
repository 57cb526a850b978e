/**
 * The pre-pass before mathjs: splits equation text into our own tokens and writes a string that mathjs's grammar
 * reads the way XMILE means it. Every name (quoted, with spaces or special characters) becomes a placeholder
 * symbol `_sN`, so mathjs never sees model text except numbers the tokenizer has checked. Keywords are
 * case-insensitive: IF/THEN/ELSE becomes a mathjs conditional, `=` equality, `<>` inequality, AND/OR/NOT/MOD
 * their mathjs operators.
 */
import { ModelError } from './api.js';
import { normalizeName } from './names.js';

export interface TokenizedEquation {
  /** Text for mathjs `parse`: placeholders, numbers, operators and parentheses only. */
  text: string;
  /** Placeholder symbol → normalized name (and the text as written, for messages). */
  symbols: Map<string, { name: string; written: string }>;
}

/** The model's names, indexed once per model so unquoted names with spaces can be recognised quickly. */
export interface NameIndex {
  names: ReadonlySet<string>;
  /** Every proper word-prefix of a multi-word name ("room" for "room temperature"). */
  prefixes: ReadonlySet<string>;
}

/** Builds a NameIndex from variable names (normalized here). */
export function createNameIndex(names: Iterable<string>): NameIndex {
  const all = new Set<string>();
  const prefixes = new Set<string>();
  for (const raw of names) {
    const name = normalizeName(raw);
    all.add(name);
    const parts = name.split(' ');
    for (let k = 1; k < parts.length; k++) prefixes.add(parts.slice(0, k).join(' '));
  }
  return { names: all, prefixes };
}

export interface TokenizeContext {
  variable: string;
  equation: string;
  /** The model's names; lets unquoted names with spaces (`Room Temperature`) be recognised. */
  knownNames?: NameIndex;
}

type Tok =
  | { t: 'num'; text: string }
  | { t: 'word'; text: string; spaceBefore: boolean }
  | { t: 'quoted'; text: string }
  | { t: 'op'; text: string };

const KEYWORDS = new Set(['if', 'then', 'else', 'and', 'or', 'not', 'mod']);
const NUMBER_RE = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD_RE = /^[\p{L}_][\p{L}\p{N}_]*/u;

export function equationError(
  code: 'syntax' | 'unsupported' | 'unknown-variable' | 'unknown-function' | 'bad-arguments',
  ctx: { variable: string; equation: string },
  what: string,
): ModelError {
  const text = ctx.equation.trim();
  const shown = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return new ModelError(code, `${ctx.variable}: ${what} in equation "${shown}"`, {
    variable: ctx.variable,
    equation: ctx.equation,
  });
}

function lex(ctx: TokenizeContext): Tok[] {
  const src = ctx.equation;
  const toks: Tok[] = [];
  let i = 0;
  let space = true;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      space = true;
      continue;
    }
    if (ch === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) throw equationError('syntax', ctx, 'unclosed {comment}');
      i = end + 1;
      space = true;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      while (j < src.length && src[j] !== '"') {
        if (src[j] === '\\' && src[j + 1] === '"') {
          text += '"';
          j += 2;
        } else {
          text += src[j++];
        }
      }
      if (j >= src.length) throw equationError('syntax', ctx, 'unclosed quoted name');
      toks.push({ t: 'quoted', text });
      i = j + 1;
      space = false;
      continue;
    }
    const rest = src.slice(i);
    const num = NUMBER_RE.exec(rest);
    if (num) {
      const after = rest[num[0].length];
      if (after !== undefined && /[\p{L}_.]/u.test(after)) {
        throw equationError('syntax', ctx, `malformed number "${rest.slice(0, num[0].length + 1)}"`);
      }
      toks.push({ t: 'num', text: num[0] });
      i += num[0].length;
      space = false;
      continue;
    }
    const word = WORD_RE.exec(rest);
    if (word) {
      toks.push({ t: 'word', text: word[0], spaceBefore: space });
      i += word[0].length;
      space = false;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      toks.push({ t: 'op', text: two });
      i += 2;
      space = false;
      continue;
    }
    if ('+-*/^(),<>='.includes(ch)) {
      toks.push({ t: 'op', text: ch });
      i++;
      space = false;
      continue;
    }
    if (ch === '[' || ch === ']') throw equationError('unsupported', ctx, 'arrays (subscripts in [ ]) are not supported');
    if (ch === '.') throw equationError('unsupported', ctx, 'module-qualified names (a.b) are not supported (modules)');
    throw equationError('syntax', ctx, `unexpected character "${ch}"`);
  }
  return toks;
}

/** Joins runs of words separated by spaces when together they name a known variable (longest match wins). */
function joinWords(toks: Tok[], index: NameIndex | undefined): Tok[] {
  if (!index || index.prefixes.size === 0) return toks;
  const { names: known, prefixes } = index;
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const tok = toks[i];
    if (tok.t !== 'word') {
      out.push(tok);
      continue;
    }
    let joined = normalizeName(tok.text);
    let best = -1;
    let j = i;
    while (prefixes.has(joined) && j + 1 < toks.length) {
      const next = toks[j + 1];
      if (next.t !== 'word') break;
      j++;
      joined = `${joined} ${normalizeName(next.text)}`;
      if (known.has(joined)) best = j;
    }
    if (best > i) {
      out.push({ t: 'quoted', text: toks.slice(i, best + 1).map((w) => (w as { text: string }).text).join(' ') });
      i = best;
    } else {
      out.push(tok);
    }
  }
  return out;
}

type Frame = 'paren' | 'if-cond' | 'if-then' | 'if-else';

/** Vensim's function form `IF THEN ELSE(c, a, b)` becomes one name, so the keywords do not apply to it. */
function mergeIfThenElseCalls(toks: Tok[]): Tok[] {
  const out: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const w = (j: number, text: string): boolean => {
      const tok = toks[j];
      return tok !== undefined && tok.t === 'word' && tok.text.toLowerCase() === text;
    };
    const next = toks[i + 3];
    if (w(i, 'if') && w(i + 1, 'then') && w(i + 2, 'else') && next !== undefined && next.t === 'op' && next.text === '(') {
      out.push({ t: 'quoted', text: 'if then else' });
      i += 2;
    } else {
      out.push(toks[i]);
    }
  }
  return out;
}

export function tokenizeEquation(ctx: TokenizeContext): TokenizedEquation {
  const toks = joinWords(mergeIfThenElseCalls(lex(ctx)), ctx.knownNames);
  if (toks.length === 0) throw equationError('syntax', ctx, 'empty equation');
  const symbols = new Map<string, { name: string; written: string }>();
  const byName = new Map<string, string>();
  const out: string[] = [];
  const stack: Frame[] = [];
  const closeElses = (): void => {
    while (stack.length > 0 && stack[stack.length - 1] === 'if-else') {
      stack.pop();
      out.push('))');
    }
  };
  const placeholder = (written: string): string => {
    const name = normalizeName(written);
    if (name === '') throw equationError('syntax', ctx, 'empty name');
    let sym = byName.get(name);
    if (!sym) {
      sym = `_s${byName.size}`;
      byName.set(name, sym);
      symbols.set(sym, { name, written });
    }
    return sym;
  };
  for (let ti = 0; ti < toks.length; ti++) {
    const tok = toks[ti];
    const next = toks[ti + 1];
    const calledWith = next !== undefined && next.t === 'op' && next.text === '(';
    if (tok.t === 'num') {
      out.push(String(Number(tok.text)));
    } else if (tok.t === 'quoted') {
      out.push(placeholder(tok.text));
    } else if (tok.t === 'word') {
      const kw = tok.text.toLowerCase();
      // MOD is also a function, MOD(a, b); the other keywords are never called.
      if (!KEYWORDS.has(kw) || (kw === 'mod' && calledWith)) {
        out.push(placeholder(tok.text));
      } else if (kw === 'if') {
        stack.push('if-cond');
        out.push('((');
      } else if (kw === 'then') {
        closeElses();
        if (stack[stack.length - 1] !== 'if-cond') throw equationError('syntax', ctx, 'THEN without a matching IF');
        stack[stack.length - 1] = 'if-then';
        out.push(') ? (');
      } else if (kw === 'else') {
        closeElses();
        if (stack[stack.length - 1] !== 'if-then') throw equationError('syntax', ctx, 'ELSE without a matching IF ... THEN');
        stack[stack.length - 1] = 'if-else';
        out.push(') : (');
      } else {
        out.push(kw);
      }
    } else {
      switch (tok.text) {
        case '(':
          stack.push('paren');
          out.push('(');
          break;
        case ')':
          closeElses();
          if (stack.pop() !== 'paren') throw equationError('syntax', ctx, 'unbalanced ")" or IF without THEN/ELSE');
          out.push(')');
          break;
        case ',':
          closeElses();
          if (stack[stack.length - 1] !== 'paren') throw equationError('syntax', ctx, 'misplaced ","');
          out.push(',');
          break;
        case '=':
          out.push('==');
          break;
        case '<>':
          out.push('!=');
          break;
        default:
          out.push(tok.text);
      }
    }
  }
  closeElses();
  if (stack.length > 0) {
    throw equationError('syntax', ctx, stack.includes('paren') ? 'unclosed "("' : 'IF without THEN and ELSE');
  }
  return { text: out.join(' '), symbols };
}
