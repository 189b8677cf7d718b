// 附件3 年度对口联系工作情况报告表 — one form per department; several departments print as one file, a page each.
import { AlignmentType, HeightRule, type Paragraph, type Table, type TableCell, TableRow } from 'docx';
import { ANNUAL_REPORT_NOTE, annualReportTitle } from '../../common/annual-report-form.js';
import { REPORT_SECTIONS, type ReportSectionKey } from '../../common/report-prose.js';
import { blank, blankChineseDate, chineseDate } from './chinese-date.js';
import {
  attachmentLabel,
  bodyParagraph,
  type CellOptions,
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

/** The seven rows under 年度情况, in the order the form prints them: the sections the draft is written in. */
export const ANNUAL_REPORT_SECTIONS = REPORT_SECTIONS;

export type AnnualReportSectionKey = ReportSectionKey;

export { ANNUAL_REPORT_NOTE } from '../../common/annual-report-form.js';

export interface ContactPerson {
  name: string;
  phone: string;
}

export interface AnnualReportForm {
  year: number;
  department: string;
  /** 'YYYY-MM-DD'; null leaves 年 月 日 blank. */
  date: string | null;
  counterparts: string[];
  leader: ContactPerson | null;
  liaison: ContactPerson | null;
  /** Normally the seven of ANNUAL_REPORT_SECTIONS, in order; `text` may hold several paragraphs split on \n. */
  sections: { key: string; title: string; text: string }[];
}

export interface AnnualReportInput {
  reports: AnnualReportForm[];
  /** Default '附件3'; null prints no label. */
  attachmentLabel?: string | null;
  /** Default ANNUAL_REPORT_NOTE. */
  note?: string;
}

// Grid: [年度情况 (vertical) | row label | name | 联系电话 | phone]. The table is set in 小四 (12pt) so the
// form fits one page when blank: the label column then takes 10 characters a line (重大事项通报协商情况) and
// the phone column a 13-character 0574-88951234 even in a wide fallback font.
const SIZE_TABLE = SIZE.xiaosi;
const W = { vertical: 800, label: 2700, name: 1700, phoneLabel: 1300 } as const;
const PHONE_WIDTH = TEXT_WIDTH - W.vertical - W.label - W.name - W.phoneLabel;
const COLUMN_WIDTHS = [W.vertical, W.label, W.name, W.phoneLabel, PHONE_WIDTH];
const HEAD_WIDTH = W.vertical + W.label;
const VALUE_WIDTH = TEXT_WIDTH - HEAD_WIDTH;

const cell = (content: string | readonly string[], opts: Omit<CellOptions, 'size'>) =>
  tableCell(content, { ...opts, size: SIZE_TABLE });

// The head rows are kept with the next (the form's head never stands alone at a page's foot) and the last row
// keeps the 注 under it; a row prints whole unless it is taller than a page.
const row = (minHeight: number, children: TableCell[], opts: { whole?: boolean; keepNext?: boolean } = {}) =>
  new TableRow({
    height: { value: minHeight, rule: HeightRule.ATLEAST },
    cantSplit: opts.whole ?? true,
    keepNext: opts.keepNext ?? true,
    children,
  });

function personRow(label: string, p: ContactPerson | null): TableRow {
  return row(700, [
    cell(label, { width: HEAD_WIDTH, columnSpan: 2 }),
    cell(p?.name ?? '', { width: W.name }),
    cell('联系电话', { width: W.phoneLabel }),
    cell(p?.phone ?? '', { width: PHONE_WIDTH }),
  ]);
}

/** One paragraph per line of text; blank lines dropped, an empty text gives a blank cell. */
const paragraphsOf = (text: string): string[] => text.split(/\r?\n/).filter((line) => line.trim() !== '');

function sectionRows(sections: AnnualReportForm['sections']): TableRow[] {
  const list = sections.length ? sections : ANNUAL_REPORT_SECTIONS.map((s) => ({ ...s, text: '' }));
  return list.map((s, i) => {
    const cells = [
      cell(s.title, { width: W.label }),
      cell(paragraphsOf(s.text), {
        width: VALUE_WIDTH,
        columnSpan: 3,
        align: 'left',
        indent: true,
      }),
    ];
    // One cell merged down all the rows, with 年度情况 one character a line, as on the printed form. A paragraph
    // per character reads top to bottom in any renderer, without depending on its support for vertical text.
    if (i === 0) cells.unshift(cell([...'年度情况'], { width: W.vertical, rowSpan: list.length }));
    // Room to write a few lines by hand on the blank form; filled rows grow with their text. A long text
    // lets its row break (and the form run over) rather than be cut off.
    const whole = rowFitsPage([{ text: s.text, width: VALUE_WIDTH }], SIZE_TABLE);
    const last = i === list.length - 1;
    return row(950, cells, { whole, keepNext: whole && last });
  });
}

function reportTable(r: AnnualReportForm): Table {
  return ruledTable(COLUMN_WIDTHS, [
    row(800, [
      // Broken where the printed form breaks it, rather than wherever the column runs out.
      cell(['所联系民主党派、工商联', '和无党派人士'], { width: HEAD_WIDTH, columnSpan: 2 }),
      cell(r.counterparts.join('、'), { width: VALUE_WIDTH, columnSpan: 3 }),
    ]),
    personRow('责任领导', r.leader),
    personRow('联络员', r.liaison),
    ...sectionRows(r.sections),
  ]);
}

/** `部  门：<dept>` at the left margin, the date against the right margin. */
function departmentLine(r: AnnualReportForm): Paragraph {
  const dept = r.department === '' ? run(blank(12), { underline: true }) : run(r.department);
  const when = r.date === null ? blankChineseDate(null) : chineseDate(r.date);
  return bodyParagraph([run('部  门：'), dept, run(`\t${when}`)], {
    indent: false,
    alignment: AlignmentType.LEFT,
    tabStops: [{ type: 'right', position: TEXT_WIDTH }],
    keepNext: true,
  });
}

function reportPage(r: AnnualReportForm, label: string | null, note: string): (Paragraph | Table)[] {
  const page: (Paragraph | Table)[] = [];
  if (label) page.push(attachmentLabel(label));
  page.push(
    titleParagraph(annualReportTitle(r.year), { before: label ? undefined : 0, after: 289 }),
    departmentLine(r),
    reportTable(r),
    bodyParagraph(note, { indent: false }),
  );
  return page;
}

export async function renderAnnualReportDocx(input: AnnualReportInput): Promise<Buffer> {
  if (input.reports.length === 0) throw new RangeError('renderAnnualReportDocx: no reports to render');
  const label = input.attachmentLabel === undefined ? '附件3' : input.attachmentLabel;
  const note = input.note ?? ANNUAL_REPORT_NOTE;
  const first = input.reports[0];
  const fileTitle = first ? annualReportTitle(first.year) : '';
  // Each report is a section of its own, so each starts on a new page with the same page setup.
  return packDocx(
    officialDocument(
      fileTitle,
      input.reports.map((r) => reportPage(r, label, note)),
    ),
  );
}
