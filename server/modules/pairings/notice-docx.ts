/**
 * The text of a .docx notice as sent: its body's paragraphs, one per line, and its tables, one row per line
 * with cells separated by tabs (a cell's own paragraphs joined by ；), so the notice reader sees tables as
 * tables. Only word/document.xml is read; headers, footers and comments are not part of the list.
 */
import JSZip from 'jszip';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
        )
      : (ENTITIES[e.toLowerCase()] ?? ''),
  );
}

const TOKEN = /<(\/?)w:(p|tbl|tr|tc|t|tab|br|cr)\b[^>]*?(\/?)>|([^<]+)|<[^>]*>/g;

/** Paragraphs and table rows of word/document.xml, in reading order. */
export function documentXmlToText(xml: string): string {
  const lines: string[] = [];
  let tables = 0;
  let row: string[] | null = null;
  let cell: string[] | null = null;
  let paragraph: string | null = null;
  let inText = false;
  for (const m of xml.matchAll(TOKEN)) {
    const [, close, tag, selfClosing, text] = m;
    if (text !== undefined) {
      if (inText && paragraph !== null) paragraph += decode(text);
      continue;
    }
    if (tag === undefined) continue;
    const opening = !close && !selfClosing;
    switch (tag) {
      case 't':
        inText = opening;
        break;
      case 'tab':
      case 'br':
      case 'cr':
        if (paragraph !== null) paragraph += cell ? ' ' : tag === 'tab' ? '\t' : '\n';
        break;
      case 'p':
        if (opening) paragraph = '';
        else {
          const done = paragraph ?? '';
          if (cell) cell.push(done.trim());
          else lines.push(...done.split('\n'));
          paragraph = null;
        }
        break;
      case 'tbl':
        tables += opening ? 1 : close ? -1 : 0;
        break;
      case 'tr':
        if (tables !== 1) break;
        if (opening) row = [];
        else if (row) {
          lines.push(row.join('\t'));
          row = null;
        }
        break;
      case 'tc':
        if (tables !== 1) break;
        if (opening) cell = [];
        else if (cell) {
          row?.push(cell.filter(Boolean).join('；'));
          cell = null;
        }
        break;
    }
  }
  return lines.join('\n');
}

/** The notice's text, or null when the package has no word/document.xml. The caller checks zip limits first. */
export async function docxText(bytes: Buffer): Promise<string | null> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')?.async('string');
  return xml === undefined ? null : documentXmlToText(xml);
}
