/**
 * The name-matching rule shared by the engine, the importer and the conformance harness: case-insensitive,
 * surrounding quotes stripped, and runs of spaces, underscores, newlines or a literal `\n` (backslash-n text,
 * as Stella writes line breaks in names) count as one separator.
 */
export function normalizeName(name: string): string {
  let s = name.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1);
  return s
    .replace(/\\n/g, ' ')
    .replace(/[\s_]+/g, ' ')
    .trim()
    .toLowerCase();
}
