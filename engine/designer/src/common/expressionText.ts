import type { ExpressionMember } from '../api';

/** The identifier being typed just before the caret ("Features.Pri"), and where it starts. */
export function tokenBefore(text: string, caret: number): { token: string; start: number } {
  const head = text.slice(0, caret);
  const match = /[A-Za-z_][A-Za-z0-9_.]*$/.exec(head);
  if (!match) return { token: '', start: caret };
  return { token: match[0], start: caret - match[0].length };
}

/** Members matching what is typed: names starting with it first, then names containing it. */
export function suggestMembers(members: readonly ExpressionMember[], token: string, limit = 8): ExpressionMember[] {
  if (!token) return [];
  const needle = token.toLowerCase();
  const last = needle.includes('.') ? needle.slice(needle.lastIndexOf('.') + 1) : needle;
  const scored: { member: ExpressionMember; score: number }[] = [];
  for (const member of members) {
    const name = member.name.toLowerCase();
    if (name === needle) continue;
    const tail = name.slice(name.lastIndexOf('.') + 1);
    let score = -1;
    if (name.startsWith(needle)) score = 0;
    else if (tail.startsWith(last)) score = 1;
    else if (name.includes(needle)) score = 2;
    if (score >= 0) scored.push({ member, score });
  }
  scored.sort((a, b) => a.score - b.score || a.member.name.localeCompare(b.member.name));
  return scored.slice(0, limit).map((s) => s.member);
}

/** Replaces the token before the caret with a member name; returns the new text and caret. */
export function insertMember(text: string, caret: number, name: string): { text: string; caret: number } {
  const { start } = tokenBefore(text, caret);
  let end = caret;
  while (end < text.length && /[A-Za-z0-9_.]/.test(text[end])) end++;
  const next = text.slice(0, start) + name + text.slice(end);
  return { text: next, caret: start + name.length };
}

/** Where a 0-based character position falls: 1-based line and column, and that line's text. */
export function locate(text: string, position: number): { line: number; column: number; lineText: string; offsetInLine: number } {
  const clamped = Math.max(0, Math.min(position, text.length));
  const before = text.slice(0, clamped);
  const lineIndex = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', lineStart);
  const lineText = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\t/g, ' ');
  const offsetInLine = clamped - lineStart;
  return { line: lineIndex + 1, column: offsetInLine + 1, lineText, offsetInLine };
}
