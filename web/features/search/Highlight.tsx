import type { ReactNode } from 'react';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** `&lt;b&gt; &#39;` → `<b> '`: the server's escaping undone, as text (never parsed as HTML). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[body.toLowerCase()] ?? match;
  });
}

/**
 * The server's highlighted HTML (`…<mark>word</mark>…`, everything else escaped) as React nodes: split on
 * the mark tags, every piece rendered as text. Nothing is ever handed to the browser as HTML.
 */
export function Highlight({ html }: { html: string }) {
  const nodes: ReactNode[] = [];
  const parts = html.split(/(<mark>[\s\S]*?<\/mark>)/g);
  let offset = 0;
  for (const part of parts) {
    const at = offset;
    offset += part.length;
    if (!part) continue;
    const m = /^<mark>([\s\S]*?)<\/mark>$/.exec(part);
    if (m) nodes.push(<mark key={`m${at}`}>{decodeEntities(m[1] ?? '')}</mark>);
    else nodes.push(decodeEntities(part.replace(/<\/?mark>/g, '')));
  }
  return <>{nodes}</>;
}
