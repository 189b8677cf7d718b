// 对口联系工作台账 for inspection: the title, then per kind a heading and a bordered table.
import { LineRuleType, Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx';
import type { LedgerTable } from './ledger-tables.js';
import {
  BODY_LINE,
  bodyParagraph,
  FONTS,
  officialDocument,
  packDocx,
  rowFitsPage,
  run,
  SIZE,
  TABLE_BORDERS,
  TEXT_WIDTH,
  tableCell,
  titleParagraph,
} from './official-style.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

// 序号 | 时间 | 事项 | 单位 | 情况
const WIDTHS = [600, 1500, 2300, 2000];
const COLUMN_WIDTHS = [...WIDTHS, TEXT_WIDTH - WIDTHS.reduce((a, b) => a + b, 0)];

function kindTable(t: LedgerTable): Table {
  const cell = (text: string, i: number, align: 'center' | 'left' = 'left') =>
    tableCell(text, { width: COLUMN_WIDTHS[i] as number, size: SIZE.xiaosi, align });
  // The header repeats on each page and stays with the first row; a row breaks only if taller than a page.
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    keepNext: true,
    children: ['序号', '时间', '事项', '单位', '情况'].map((h, i) => cell(h, i, 'center')),
  });
  const rows = t.printed.length
    ? t.printed.map(
        (p, n) =>
          new TableRow({
            cantSplit: rowFitsPage(
              [p.date, p.title, p.units, p.details].map((text, i) => ({
                text,
                width: COLUMN_WIDTHS[i + 1] as number,
              })),
              SIZE.xiaosi,
            ),
            children: [
              cell(String(n + 1), 0, 'center'),
              cell(p.date, 1, 'center'),
              cell(p.title, 2),
              cell(p.units, 3),
              cell(p.details, 4),
            ],
          }),
      )
    : [
        new TableRow({
          children: [tableCell('无', { width: TEXT_WIDTH, columnSpan: 5, size: SIZE.xiaosi })],
        }),
      ];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [header, ...rows],
  });
}

export interface LedgerDocxInput {
  /** e.g. 2026年对口联系工作台账 */
  title: string;
  /** a line under the title: whose ledger it is */
  subtitle: string | null;
  tables: readonly LedgerTable[];
}

export async function renderLedgerDocx(input: LedgerDocxInput): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    titleParagraph(input.title, { after: input.subtitle ? 0 : BODY_LINE }),
  ];
  if (input.subtitle) children.push(bodyParagraph(input.subtitle, { indent: false, alignment: 'center' }));
  input.tables.forEach((t, i) => {
    children.push(
      new Paragraph({
        spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 240 },
        keepNext: true,
        children: [run(`${NUMERALS[i] ?? i + 1}、${t.name}（${t.printed.length}项）`, { font: FONTS.heiti })],
      }),
    );
    children.push(kindTable(t));
  });
  return packDocx(officialDocument(input.title, [children]));
}
