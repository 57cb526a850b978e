/**
 * A small XML reader for XMILE files: elements, attributes, text, CDATA, comments, processing instructions and a
 * DOCTYPE (skipped). Pure TypeScript, no DOM.
 *
 * - Namespaces are not resolved: an element keeps its qualified name (`isee:prefs`) and `local` is the part after
 *   the colon, so an undeclared `isee:` prefix is harmless.
 * - Only the five predefined entities and character references are expanded. A DOCTYPE is skipped and its entity
 *   declarations are never expanded (no entity-expansion attacks from an untrusted file).
 * - One recovery, the same as libxml2's recover mode (which PySD relies on): when an end tag closes an element that
 *   is still open further up, the unclosed elements in between are closed there and marked `autoClosed`, and a
 *   warning is recorded. Any other malformation (an end tag that matches nothing, an element left open at the end
 *   of the file, a bad attribute, an unknown entity, text outside the root) is an XmlSyntaxError with its line.
 *   The XMILE reader decides whether an auto-closed element can be used safely.
 */

export interface XmlElement {
  /** Qualified name as written, e.g. `isee:prefs`. */
  name: string;
  /** Name without its prefix, e.g. `prefs`. */
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text and CDATA directly inside this element (not its descendants), entities expanded. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
  /** Set when the element had no end tag and was closed by an ancestor's end tag (recovery). */
  autoClosed?: boolean;
  /** For an auto-closed element: the end tag that closed it, e.g. `</variables> at line 45`. */
  closedBy?: string;
}

export interface XmlDocument {
  root: XmlElement;
  warnings: string[];
}

export class XmlSyntaxError extends Error {
  readonly line: number;
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlSyntaxError';
    this.line = line;
  }
}

/** XMILE nests a few levels; a hostile file must not exhaust the stack of the tree walkers. */
const MAX_DEPTH = 256;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isNameStart(c: string): boolean {
  const k = c.charCodeAt(0);
  return (k >= 65 && k <= 90) || (k >= 97 && k <= 122) || k === 95 || k === 58 || k > 127;
}
function isNameChar(c: string): boolean {
  const k = c.charCodeAt(0);
  return isNameStart(c) || (k >= 48 && k <= 57) || k === 46 || k === 45;
}
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

export function parseXml(input: string): XmlDocument {
  // XML 1.0 §2.11: CRLF and lone CR are read as LF.
  const text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, '\n');
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const fail: (message: string, pos: number) => never = (message, pos) => {
    throw new XmlSyntaxError(message, lineAt(pos));
  };

  const decode = (raw: string, pos: number): string => {
    if (raw.indexOf('&') < 0) return raw;
    return raw.replace(/&([^;&\s<]*);?/g, (whole, body: string) => {
      if (!whole.endsWith(';')) fail(`'&' must start an entity such as &amp; (found '${whole.slice(0, 12)}')`, pos);
      if (body.startsWith('#x') || body.startsWith('#X')) {
        const code = Number.parseInt(body.slice(2), 16);
        if (!/^[0-9a-fA-F]+$/.test(body.slice(2)) || code > 0x10ffff) fail(`bad character reference &${body};`, pos);
        return String.fromCodePoint(code);
      }
      if (body.startsWith('#')) {
        const code = Number.parseInt(body.slice(1), 10);
        if (!/^[0-9]+$/.test(body.slice(1)) || code > 0x10ffff) fail(`bad character reference &${body};`, pos);
        return String.fromCodePoint(code);
      }
      const rep = PREDEFINED[body];
      if (rep === undefined) fail(`unknown entity &${body};`, pos);
      return rep;
    });
  };

  const warnings: string[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const n = text.length;

  const appendText = (raw: string, at: number, isCdata: boolean) => {
    const value = isCdata ? raw : decode(raw, at);
    const top = stack[stack.length - 1];
    if (top) top.text += value;
    else if (value.trim() !== '') fail(root ? 'text after the root element' : 'text before the root element', at);
  };

  while (pos < n) {
    const lt = text.indexOf('<', pos);
    if (lt < 0) {
      appendText(text.slice(pos), pos, false);
      break;
    }
    if (lt > pos) appendText(text.slice(pos, lt), pos, false);
    pos = lt;
    if (text.startsWith('<?', pos)) {
      const end = text.indexOf('?>', pos + 2);
      if (end < 0) fail('unterminated processing instruction', pos);
      pos = end + 2;
    } else if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) fail('unterminated comment', pos);
      pos = end + 3;
    } else if (text.startsWith('<![CDATA[', pos)) {
      const end = text.indexOf(']]>', pos + 9);
      if (end < 0) fail('unterminated CDATA section', pos);
      appendText(text.slice(pos + 9, end), pos, true);
      pos = end + 3;
    } else if (text.startsWith('<!', pos)) {
      // DOCTYPE (with an optional internal subset in brackets): skipped, never expanded.
      if (stack.length > 0 || root) fail('a declaration (<!…>) is only allowed before the root element', pos);
      let depth = 0;
      let i = pos + 2;
      for (; i < n; i++) {
        const c = text[i];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (i >= n) fail('unterminated declaration', pos);
      pos = i + 1;
    } else if (text.startsWith('</', pos)) {
      const start = pos;
      let i = pos + 2;
      while (i < n && isNameChar(text[i])) i++;
      const name = text.slice(pos + 2, i);
      while (i < n && isSpace(text[i])) i++;
      if (name === '' || text[i] !== '>') fail(`malformed end tag '${text.slice(start, Math.min(n, start + 30))}'`, start);
      pos = i + 1;
      const top = stack[stack.length - 1];
      if (!top) fail(`end tag </${name}> without a matching start tag`, start);
      if (top.name === name) {
        stack.pop();
        if (stack.length === 0) root = top;
        continue;
      }
      let k = stack.length - 2;
      while (k >= 0 && stack[k].name !== name) k--;
      if (k < 0) fail(`end tag </${name}> does not match the open <${top.name}> (line ${top.line})`, start);
      while (stack.length - 1 > k) {
        const open = stack.pop() as XmlElement;
        open.autoClosed = true;
        open.closedBy = `</${name}> at line ${lineAt(start)}`;
        warnings.push(`line ${lineAt(start)}: </${name}> closes <${open.name}> (line ${open.line}), which had no end tag`);
      }
      const closed = stack.pop() as XmlElement;
      if (stack.length === 0) root = closed;
    } else {
      const start = pos;
      let i = pos + 1;
      if (i >= n || !isNameStart(text[i])) fail(`'<' must start a tag (found '${text.slice(start, start + 12)}')`, start);
      while (i < n && isNameChar(text[i])) i++;
      const name = text.slice(pos + 1, i);
      const attrs: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        const before = i;
        while (i < n && isSpace(text[i])) i++;
        if (i >= n) fail(`unterminated start tag <${name}>`, start);
        if (text[i] === '>') {
          i++;
          break;
        }
        if (text[i] === '/' && text[i + 1] === '>') {
          selfClosing = true;
          i += 2;
          break;
        }
        if (i === before) fail(`expected a space between attributes in <${name}>`, start);
        if (!isNameStart(text[i])) fail(`bad attribute in <${name}> near '${text.slice(i, i + 12)}'`, start);
        const an = i;
        while (i < n && isNameChar(text[i])) i++;
        const attrName = text.slice(an, i);
        while (i < n && isSpace(text[i])) i++;
        if (text[i] !== '=') fail(`attribute ${attrName} in <${name}> has no value`, start);
        i++;
        while (i < n && isSpace(text[i])) i++;
        const quote = text[i];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attrName} in <${name}> must be quoted`, start);
        const close = text.indexOf(quote, i + 1);
        if (close < 0) fail(`unterminated attribute ${attrName} in <${name}>`, start);
        const raw = text.slice(i + 1, close);
        if (raw.includes('<')) fail(`'<' inside attribute ${attrName} of <${name}>`, start);
        if (Object.prototype.hasOwnProperty.call(attrs, attrName)) fail(`duplicate attribute ${attrName} in <${name}>`, start);
        // Attribute-value normalisation: literal tabs and newlines become spaces (character references survive).
        attrs[attrName] = decode(raw.replace(/[\t\n\r]/g, ' '), start);
        i = close + 1;
      }
      pos = i;
      if (root) fail(`a second root element <${name}> after the first one ended`, start);
      const colon = name.indexOf(':');
      const el: XmlElement = {
        name,
        local: colon >= 0 ? name.slice(colon + 1) : name,
        attrs,
        children: [],
        text: '',
        line: lineAt(start),
      };
      const parent = stack[stack.length - 1];
      if (stack.length >= MAX_DEPTH) fail(`elements nested more than ${MAX_DEPTH} deep`, start);
      if (parent) parent.children.push(el);
      if (selfClosing) {
        if (!parent) root = el;
      } else {
        stack.push(el);
      }
    }
  }
  if (stack.length > 0) {
    const open = stack[stack.length - 1];
    fail(`the file ends while <${open.name}> (line ${open.line}) is still open`, n);
  }
  if (!root) fail('no root element', 0);
  return { root: root as XmlElement, warnings };
}
