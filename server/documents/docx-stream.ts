// A long table document written as a stream, in constant memory and in short synchronous steps.
//
// The `docx` library builds the whole document in memory and serialises it in one synchronous call: a year's
// ledger of a province (tens of thousands of rows) took seconds of blocked event loop and most of a gigabyte.
// Here the renderer still draws the document — title, headings, tables with their header row, page setup — but
// each table holds a single *template row* whose cells read ⟦<slot>:<column>⟧. That skeleton is rendered once
// (small, fast); its document.xml is cut at the template rows, and the real rows are written in their place, a
// slice at a time, as copies of the template with the cell texts filled in. So a row printed here looks exactly
// like a row the renderer would have drawn (borders, fonts, cantSplit…), with no second copy of the styling.
import { Readable, type Writable } from 'node:stream';
import archiver from 'archiver';
import JSZip from 'jszip';

/** The text a template row's cell holds: slot (which table) and column. */
export const templateCell = (slot: number, column: number): string => `⟦${slot}:${column}⟧`;

/** A template row's cells, for a table of `columns` columns in slot `slot`. */
export const templateRow = (slot: number, columns: number): string[] =>
  Array.from({ length: columns }, (_, c) => templateCell(slot, c));

const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (ch) =>
    ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;',
  );

// Characters XML 1.0 forbids (control characters other than tab and line breaks) would make Word refuse the file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to drop
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * A cell's text as it goes into a <w:t>: escaped; a line break closes the paragraph and opens another like it
 * (`paragraphBreak`, as the renderer draws a cell of several lines), or is a <w:br/> where none is given.
 */
export function cellXml(text: string, paragraphBreak = '</w:t><w:br/><w:t xml:space="preserve">'): string {
  return escapeXml(text.replace(FORBIDDEN, '')).replace(/\r\n?/g, '\n').replace(/\n/g, paragraphBreak);
}

interface Template {
  /** the row's XML cut at its cells' texts: parts[0] text0 parts[1] text1 … */
  parts: string[];
  /** which column each gap between parts is */
  columns: number[];
  /** per gap: the XML that ends the cell's paragraph and starts an identical one (a line break in the text) */
  breaks: string[];
}

/** The skeleton's document.xml cut into fixed pieces and, between them, the slots' template rows. */
export interface Skeleton {
  /** pieces.length === slots.length + 1 */
  pieces: string[];
  slots: Template[];
}

const ROW = /<w:tr[ >][\s\S]*?<\/w:tr>/g;
const CELL_TEXT = /⟦(\d+):(\d+)⟧/g;

/** A named field of a skeleton, filled per document (a title, a count). */
export const templateField = (name: string): string => `⟦${name}⟧`;

/** Cut a rendered document.xml at its template rows (one per slot, in slot order). */
export function cutSkeleton(xml: string, slotCount: number): Skeleton {
  const pieces: string[] = [];
  const slots: Template[] = [];
  let from = 0;
  for (let slot = 0; slot < slotCount; slot++) {
    ROW.lastIndex = from;
    let match: RegExpExecArray | null = ROW.exec(xml);
    while (match && !match[0].includes(`⟦${slot}:`)) match = ROW.exec(xml);
    if (!match) throw new Error(`docx-stream: no template row for slot ${slot}`);
    pieces.push(xml.slice(from, match.index));
    const parts: string[] = [];
    const columns: number[] = [];
    const breaks: string[] = [];
    const row = match[0];
    let at = 0;
    for (const cell of row.matchAll(CELL_TEXT)) {
      if (Number(cell[1]) !== slot) throw new Error(`docx-stream: slot ${cell[1]} inside slot ${slot}'s row`);
      const start = cell.index ?? 0;
      const end = start + cell[0].length;
      parts.push(row.slice(at, start));
      columns.push(Number(cell[2]));
      // the paragraph around the placeholder: from its <w:p> to the text, and from the text to its </w:p>
      const open = Math.max(row.lastIndexOf('<w:p>', start), row.lastIndexOf('<w:p ', start));
      const close = row.indexOf('</w:p>', end);
      breaks.push(open >= 0 && close >= 0 ? row.slice(end, close + 6) + row.slice(open, start) : '');
      at = end;
    }
    parts.push(match[0].slice(at));
    slots.push({ parts, columns, breaks });
    from = match.index + match[0].length;
  }
  pieces.push(xml.slice(from));
  return { pieces, slots };
}

/** One row of a slot's table, from its template and the cells' plain texts. */
export function rowXml(template: Template, cells: readonly string[]): string {
  let out = template.parts[0] ?? '';
  template.columns.forEach((column, i) => {
    out += cellXml(cells[column] ?? '', template.breaks[i] || undefined) + (template.parts[i + 1] ?? '');
  });
  return out;
}

/** The rows of each slot, in slot order, a slice at a time (each slice read when asked for). */
export type RowSource = (slot: number) => AsyncIterable<readonly (readonly string[])[]>;

/** A rendered skeleton, unpacked and cut once: reusable for any number of documents of the same shape. */
export interface PreparedSkeleton {
  parts: readonly { name: string; text: string | null; bytes: Buffer }[];
  cut: Skeleton;
}

const TEXT_PART = /\.(xml|rels)$/;

/** Unpack a skeleton .docx (whose tables each hold one template row) and cut its document.xml. */
export async function prepareSkeleton(skeleton: Buffer, slotCount: number): Promise<PreparedSkeleton> {
  const source = await JSZip.loadAsync(skeleton);
  const names = Object.keys(source.files).filter((n) => !source.files[n]?.dir);
  // [Content_Types].xml first, as Word writes it
  names.sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  const parts = [];
  let cut: Skeleton | null = null;
  for (const name of names) {
    const bytes = (await source.file(name)?.async('nodebuffer')) ?? Buffer.alloc(0);
    const text = TEXT_PART.test(name) ? bytes.toString('utf8') : null;
    if (name === 'word/document.xml') cut = cutSkeleton(bytes.toString('utf8'), slotCount);
    parts.push({ name, text, bytes });
  }
  if (!cut) throw new Error('docx-stream: word/document.xml missing');
  return { parts, cut };
}

/** ⟦name⟧ fields of a skeleton (a title, a count) filled in every text part. */
const fillFields = (text: string, fields: Readonly<Record<string, string>>) =>
  text.replace(/⟦([a-z][\w-]*)⟧/g, (all, key: string) => (key in fields ? cellXml(fields[key] ?? '') : all));

/**
 * Write a prepared skeleton to `out` as a zip stream: its ⟦field⟧s filled, its template rows replaced by the
 * rows `rows` yields. Waits for the socket between chunks (backpressure) and yields to the event loop, so no
 * step holds it for more than a few dozen rows' string building.
 */
export async function streamDocx(
  skeleton: PreparedSkeleton,
  fields: Readonly<Record<string, string>>,
  rows: RowSource,
  out: Writable,
  options: StreamOptions = {},
): Promise<void> {
  // zlib level 1, as the streamed .xlsx: deflate is the CPU cost of a large file; it runs on libuv's pool
  const zip = archiver('zip', { zlib: { level: 1 } });
  const done = new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    out.on('error', reject);
    out.on('finish', resolve);
    out.on('close', resolve);
  });
  zip.pipe(out);
  for (const part of skeleton.parts) {
    if (part.name === 'word/document.xml')
      zip.append(Readable.from(documentBody(skeleton.cut, fields, rows, options)), { name: part.name });
    else
      zip.append(part.text === null ? part.bytes : Buffer.from(fillFields(part.text, fields)), {
        name: part.name,
      });
  }
  await zip.finalize();
  await done;
}

export interface StreamOptions {
  /**
   * Rows that may break across pages although their template keeps rows whole (`cantSplit`): one taller than a
   * page, which Word would otherwise cut off at the page's foot.
   */
  mayBreak?: (cells: readonly string[]) => boolean;
}

const CANT_SPLIT = '<w:cantSplit/>';

const ROWS_PER_CHUNK = 50;

async function* documentBody(
  cut: Skeleton,
  fields: Readonly<Record<string, string>>,
  rows: RowSource,
  options: StreamOptions,
): AsyncGenerator<string> {
  for (const [slot, template] of cut.slots.entries()) {
    yield fillFields(cut.pieces[slot] ?? '', fields);
    for await (const slice of rows(slot)) {
      // a row is ~4 KB of XML: chunks of ROWS_PER_CHUNK keep each step (encode, CRC, hand to zlib) short
      for (let i = 0; i < slice.length; i += ROWS_PER_CHUNK) {
        let chunk = '';
        for (const cells of slice.slice(i, i + ROWS_PER_CHUNK)) {
          const xml = rowXml(template, cells);
          chunk += options.mayBreak?.(cells) ? xml.replace(CANT_SPLIT, '') : xml;
        }
        yield chunk;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }
  yield fillFields(cut.pieces[cut.slots.length] ?? '', fields);
}
