// Matches marked in text for the browser: <mark>…</mark> around each (case-insensitive) occurrence, every other
// character HTML-escaped, so the client may render the result as HTML without injecting anything.

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matcher(q: string): RegExp {
  return new RegExp(escapeRegExp(q), 'giu');
}

/** The whole text, escaped, with the matches marked. */
export function highlight(text: string, q: string): string {
  if (!q) return escapeHtml(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(matcher(q))) {
    const at = m.index ?? 0;
    out += `${escapeHtml(text.slice(last, at))}<mark>${escapeHtml(m[0])}</mark>`;
    last = at + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * A passage around the first match (`before` characters ahead of it, `after` behind), with ellipses where the
 * text was cut; null when the text does not contain the query.
 */
export function snippet(text: string, q: string, before = 24, after = 60): string | null {
  const first = matcher(q).exec(text);
  if (!first) return null;
  const chars = [...text];
  // index in code points of the match
  const start = [...text.slice(0, first.index)].length;
  const qLen = [...first[0]].length;
  const from = Math.max(0, start - before);
  const to = Math.min(chars.length, start + qLen + after);
  const passage = chars.slice(from, to).join('');
  return `${from > 0 ? '…' : ''}${highlight(passage, q)}${to < chars.length ? '…' : ''}`;
}
