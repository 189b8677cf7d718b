// 对口联系工作台账 for inspection: the title, then per kind a heading and a bordered table.

import { Writable } from 'node:stream';
import { LineRuleType, Paragraph, type Table, TableRow } from 'docx';
import {
  type PreparedSkeleton,
  prepareSkeleton,
  streamDocx,
  templateField,
  templateRow,
} from './docx-stream.js';
import type { LedgerTable } from './ledger-tables.js';
import {
  BODY_LINE,
  bodyParagraph,
  FONTS,
  officialDocument,
  packDocx,
  rowFitsPage,
  ruledTable,
  run,
  SIZE,
  TEXT_WIDTH,
  tableCell,
  titleParagraph,
} from './official-style.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// 序号 | 时间 | 事项 | 单位 | 情况
const WIDTHS = [600, 1500, 2300, 2000];
const COLUMN_WIDTHS = [...WIDTHS, TEXT_WIDTH - WIDTHS.reduce((a, b) => a + b, 0)];

/** A printed row's five cells: 序号, 时间, 事项, 单位, 情况. */
export function ledgerRowCells(p: LedgerTable['printed'][number], n: number): string[] {
  return [String(n + 1), p.date, p.title, p.units, p.details];
}

const ALIGN: ('center' | 'left')[] = ['center', 'center', 'left', 'left', 'left'];

/** A row that would not fit on a page: it must be allowed to break (Word cuts off an unsplittable one). */
const tooTall = (cells: readonly string[]): boolean =>
  !rowFitsPage(
    cells.slice(1).map((text, i) => ({ text, width: COLUMN_WIDTHS[i + 1] as number })),
    SIZE.xiaosi,
  );

function kindTable(rowsCells: readonly (readonly string[])[]): Table {
  const cell = (text: string, i: number, align: 'center' | 'left' = 'left') =>
    tableCell(text.split(/\r?\n/), { width: COLUMN_WIDTHS[i] as number, size: SIZE.xiaosi, align });
  // The header repeats on each page and stays with the first row; a row breaks only if taller than a page.
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    keepNext: true,
    children: ['序号', '时间', '事项', '单位', '情况'].map((h, i) => cell(h, i, 'center')),
  });
  const rows = rowsCells.length
    ? rowsCells.map(
        (cells) =>
          new TableRow({
            // Kept whole on a page unless taller than one; a streamed export's template row (⟦slot:column⟧
            // markers) is kept whole, and the rows that are too tall lose that as they are written (mayBreak).
            cantSplit: !tooTall(cells),
            children: cells.map((text, i) => cell(text, i, ALIGN[i])),
          }),
      )
    : [
        new TableRow({
          children: [tableCell('无', { width: TEXT_WIDTH, columnSpan: 5, size: SIZE.xiaosi })],
        }),
      ];
  return ruledTable(COLUMN_WIDTHS, [header, ...rows]);
}

export interface LedgerDocxInput {
  /** e.g. 2026年对口联系工作台账 */
  title: string;
  /** a line under the title: whose ledger it is */
  subtitle: string | null;
  tables: readonly LedgerTable[];
}

export async function renderLedgerDocx(input: LedgerDocxInput): Promise<Buffer> {
  return renderLedgerSkeleton({
    ...input,
    kinds: input.tables.map((t) => ({
      name: t.name,
      count: String(t.printed.length),
      rows: t.printed.map(ledgerRowCells),
    })),
  });
}

/** The ledger document with each kind's rows given as cells (template rows, for the streamed writer). */
interface LedgerSkeletonInput {
  title: string;
  subtitle: string | null;
  kinds: readonly { name: string; count: string; rows: readonly (readonly string[])[] }[];
}

function renderLedgerSkeleton(input: LedgerSkeletonInput): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    titleParagraph(input.title, { after: input.subtitle ? 0 : BODY_LINE }),
  ];
  if (input.subtitle) children.push(bodyParagraph(input.subtitle, { indent: false, alignment: 'center' }));
  input.kinds.forEach((t, i) => {
    children.push(
      new Paragraph({
        spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 240 },
        keepNext: true,
        children: [run(`${NUMERALS[i] ?? i + 1}、${t.name}（${t.count}项）`, { font: FONTS.heiti })],
      }),
    );
    children.push(kindTable(t.rows));
  });
  return packDocx(officialDocument(input.title, [children]));
}

// Skeletons by shape (which kinds have rows, whether there is a subtitle): drawing one takes the docx library a
// synchronous pack of tens of milliseconds, so each shape is drawn once per process and reused.
const skeletons = new Map<string, Promise<PreparedSkeleton>>();

function skeletonFor(kinds: readonly { name: string; count: number }[], subtitle: boolean) {
  const key = `${kinds.map((k) => (k.count > 0 ? 1 : 0)).join('')}:${subtitle ? 1 : 0}:${kinds.map((k) => k.name).join('|')}`;
  let skeleton = skeletons.get(key);
  if (!skeleton) {
    let slot = 0;
    const drawn = renderLedgerSkeleton({
      title: templateField('title'),
      subtitle: subtitle ? templateField('subtitle') : null,
      kinds: kinds.map((k, i) => ({
        name: k.name,
        count: templateField(`n${i}`),
        rows: k.count > 0 ? [templateRow(slot++, 5)] : [],
      })),
    });
    skeleton = drawn.then((buffer) => prepareSkeleton(buffer, slot));
    skeleton.catch(() => skeletons.delete(key));
    skeletons.set(key, skeleton);
  }
  return skeleton;
}

/**
 * Draw the usual shapes (every kind with records, with and without a subtitle) ahead of the first export, so
 * that the first one after a start does not pay the drawing on a request's time.
 */
export async function warmLedgerDocx(kindNames: readonly string[]): Promise<void> {
  const kinds = kindNames.map((name) => ({ name, count: 1 }));
  await skeletonFor(kinds, true);
  await skeletonFor(kinds, false);
  // and one small document through the whole stream: the zip writer loads its parts on first use (tens of ms)
  const row: LedgerTable['printed'][number] = { date: '', title: '', units: '', details: '' };
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  await streamLedgerDocx(
    {
      title: '',
      subtitle: '',
      kinds: kindNames.map((name) => ({
        name,
        count: 1,
        slices: async function* () {
          yield { printed: [row] } as unknown as LedgerTable;
        },
      })),
    },
    sink,
  );
}

/**
 * The ledger as a streamed .docx (constant memory, short steps): per kind its name, how many records, and its
 * rows a slice at a time. The document is drawn by the same renderer as the in-memory one.
 */
export async function streamLedgerDocx(
  input: {
    title: string;
    subtitle: string | null;
    kinds: readonly { name: string; count: number; slices: () => AsyncIterable<LedgerTable> }[];
  },
  out: Writable,
): Promise<void> {
  const withRows = input.kinds.filter((k) => k.count > 0);
  const skeleton = await skeletonFor(input.kinds, input.subtitle !== null);
  const fields: Record<string, string> = { title: input.title, subtitle: input.subtitle ?? '' };
  input.kinds.forEach((k, i) => {
    fields[`n${i}`] = String(k.count);
  });
  await streamDocx(skeleton, fields, (slot) => numbered(withRows[slot]?.slices), out, { mayBreak: tooTall });
}

async function* numbered(slices: (() => AsyncIterable<LedgerTable>) | undefined): AsyncGenerator<string[][]> {
  if (!slices) return;
  let n = 0;
  for await (const table of slices()) yield table.printed.map((p) => ledgerRowCells(p, n++));
}
