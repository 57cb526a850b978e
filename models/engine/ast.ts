/**
 * The engine's own whitelisted equation AST. The parser builds it from mathjs's node tree; the compiler switches
 * on `kind` and never sees anything else.
 */
export type Expr =
  | { kind: 'number'; value: number }
  /** A reference by normalized name (see normalizeName); resolved to a variable or a builtin such as TIME later. */
  | { kind: 'ref'; name: string }
  | { kind: 'unary'; op: '-' | '+'; arg: Expr }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^' | 'mod'; left: Expr; right: Expr }
  | { kind: 'compare'; op: '<' | '<=' | '>' | '>=' | '=' | '<>'; left: Expr; right: Expr }
  | { kind: 'logical'; op: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'not'; arg: Expr }
  | { kind: 'if'; cond: Expr; then: Expr; else: Expr }
  /** A call by normalized name: a builtin (ABS, SMTH1, ...) or a graphical function called as `table(x)`. */
  | { kind: 'call'; name: string; args: Expr[] };

/** Every `ref` name in an expression, in order of appearance (call names excluded). */
export function collectRefs(e: Expr, out: string[] = []): string[] {
  switch (e.kind) {
    case 'number':
      break;
    case 'ref':
      out.push(e.name);
      break;
    case 'unary':
    case 'not':
      collectRefs(e.arg, out);
      break;
    case 'binary':
    case 'compare':
    case 'logical':
      collectRefs(e.left, out);
      collectRefs(e.right, out);
      break;
    case 'if':
      collectRefs(e.cond, out);
      collectRefs(e.then, out);
      collectRefs(e.else, out);
      break;
    case 'call':
      for (const a of e.args) collectRefs(a, out);
      break;
  }
  return out;
}
