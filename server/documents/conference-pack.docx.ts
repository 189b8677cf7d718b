// The meeting brief of the district conference (全区对口联系工作会议, 四(三)) as .docx: the blocks of
// common/conference-brief.ts (what it says) laid out per GB/T 9704 — headings in 黑体, tables with their header
// row repeated and rows kept whole, bar charts (documents/chart.ts: an SVG and the same chart as a PNG with its
// Chinese labels, for readers that do not show SVG), each kept with its caption.
import { AlignmentType, ImageRun, LineRuleType, Paragraph, type Table, TableRow } from 'docx';
import { type BriefBlock, conferenceBrief } from '../../common/conference-brief.js';
import type { ConferenceResponse } from '../../common/schemas/reports.js';
import { barChartPng, barChartSvg, CHART } from './chart.js';
import { mergeDocx } from './docx-merge.js';
import {
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

export {
  conferencePackTitle,
  counterpartBars,
  pairRows,
  sectionTotals,
} from '../../common/conference-brief.js';

/** 五号 (10.5pt): dense tables. */
const SIZE_SMALL = 21;

async function chartParagraphs(block: Extract<BriefBlock, { kind: 'chart' }>): Promise<Paragraph[]> {
  const { title, bars } = block;
  const image = new Paragraph({
    alignment: AlignmentType.CENTER,
    // The document's exact line pitch would clip the picture to one line: this paragraph sizes to its content.
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 120 },
    keepNext: true,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(barChartSvg(title, bars), 'utf8'),
        fallback: { type: 'png', data: await barChartPng(title, bars) },
        transformation: { width: CHART.width, height: CHART.height },
        altText: { name: title, title, description: block.caption },
      }),
    ],
  });
  // The legend in words, for a reader of the printed page (labels in the chart may be shortened).
  const caption = bodyParagraph(block.caption, {
    indent: false,
    alignment: AlignmentType.CENTER,
    size: SIZE_SMALL,
  });
  return [image, caption];
}

const heading = (text: string): Paragraph =>
  new Paragraph({
    spacing: { line: 579, lineRule: LineRuleType.EXACT },
    keepNext: true,
    keepLines: true,
    indent: { firstLineChars: 200, firstLine: SIZE.san * 20 },
    children: [run(text, { font: FONTS.heiti })],
  });

/** Relative widths scaled to the type area, in twips. */
const twips = (widths: readonly number[]): number[] => {
  const total = widths.reduce((a, b) => a + b, 0) || 1;
  return widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
};

/**
 * A bordered table: the header row repeats on every page the table runs onto and is kept with the first row;
 * a row is never split across pages unless it is taller than a page.
 */
function grid(headers: string[], rows: (string | number)[][], w: number[], withHeader = true): Table {
  const cell = (v: string | number, i: number) =>
    tableCell(String(v), { width: w[i] ?? 1000, size: SIZE_SMALL });
  const whole = (r: (string | number)[]) =>
    rowFitsPage(
      r.map((v, i) => ({ text: String(v), width: w[i] ?? 1000 })),
      SIZE_SMALL,
    );
  return ruledTable(w, [
    ...(withHeader
      ? [new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: headers.map(cell) })]
      : []),
    ...rows.map((r) => new TableRow({ cantSplit: whole(r), children: r.map(cell) })),
  ]);
}

/** Table rows per separately rendered part: each part renders in a few milliseconds. */
const ROW_CHUNK = 10;

/**
 * The brief, rendered in parts that are joined afterwards (documents/docx-merge.ts): a long table ten rows at a
 * time (joined back into one table), the rest in between; `onPart` runs between parts (a job yields there), so
 * no single synchronous render grows with the number of pairs. The charts come before the first long table, in
 * the first part, which alone may hold pictures.
 */
export async function renderConferencePackDocx(
  data: ConferenceResponse,
  onPart: () => Promise<void> = async () => {},
): Promise<Buffer> {
  const blocks = conferenceBrief(data);
  const title = blocks[0]?.kind === 'title' ? blocks[0].text : '';
  const parts: (Paragraph | Table)[][] = [[]];
  const current = () => parts[parts.length - 1] as (Paragraph | Table)[];
  for (const [i, b] of blocks.entries()) {
    switch (b.kind) {
      case 'title':
        current().push(titleParagraph(b.text, { before: 0 }));
        break;
      case 'subtitle':
        current().push(
          bodyParagraph(b.text, { indent: false, alignment: AlignmentType.CENTER, size: SIZE.si }),
        );
        break;
      case 'heading':
        current().push(heading(b.text));
        break;
      case 'paragraph':
        current().push(bodyParagraph(b.text));
        break;
      case 'legend':
        current().push(bodyParagraph(b.text, { size: SIZE_SMALL, indent: false, keepNext: true }));
        break;
      case 'chart':
        if (parts.length > 1) throw new Error('renderConferencePackDocx: a chart after the first part');
        current().push(...(await chartParagraphs(b)));
        break;
      case 'table': {
        const w = twips(b.widths);
        if (b.rows.length <= ROW_CHUNK) {
          current().push(grid(b.headers, b.rows, w));
          break;
        }
        for (let r = 0; r < b.rows.length; r += ROW_CHUNK) {
          const table = grid(b.headers, b.rows.slice(r, r + ROW_CHUNK), w, r === 0);
          if (r === 0) current().push(table);
          else parts.push([table]);
        }
        if (i < blocks.length - 1) parts.push([]);
        break;
      }
    }
  }
  const files: Buffer[] = [];
  for (const part of parts.filter((p) => p.length)) {
    files.push(await packDocx(officialDocument(title, [part])));
    await onPart();
  }
  return mergeDocx(files, { continuous: true, onEach: onPart });
}
