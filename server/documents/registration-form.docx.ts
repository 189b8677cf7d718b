// 附件2 对口联系工作分管领导、联络员登记表 — filled from the database, or blank for printing and filling by hand.
import { AlignmentType, HeightRule, type Paragraph, type Table, TableRow } from 'docx';
import { blank, blankChineseDate, chineseDate } from './chinese-date.js';
import {
  attachmentLabel,
  bodyParagraph,
  officialDocument,
  packDocx,
  ruledTable,
  run,
  TEXT_WIDTH,
  tableCell,
  titleParagraph,
} from './official-style.js';

export const REGISTRATION_FORM_TITLE = '对口联系工作分管领导、联络员登记表';

export interface Person {
  name: string;
  position: string;
  phone: string;
}

export interface RegistrationFormInput {
  year: number;
  /** null leaves a line to write on (the unit stamps over it). */
  organisationName: string | null;
  /** 'YYYY-MM-DD'; null prints '2019年　　月　　日' with the form's year. */
  date: string | null;
  leader: Person | null;
  liaison: Person | null;
  /** 'YYYY-MM-DD' — the 注 says to hand the form in before this day; null (no round that year): left blank. */
  deadline: string | null;
  /** e.g. '区委统战部党派干部科'; null: left blank */
  recipient: string | null;
  contactPerson: string | null;
  contactPhone: string | null;
  fax: string | null;
  /** Default '附件2'; null prints no label. */
  attachmentLabel?: string | null;
}

// Label column wide enough for 分管领导 at 4号; the phone column for 0574-88951234 even in a wide fallback font.
const COLUMN_WIDTHS = [1700, 1900, 2500, TEXT_WIDTH - 1700 - 1900 - 2500];

function personRow(label: string, p: Person | null): TableRow {
  const values = p ? [p.name, p.position, p.phone] : ['', '', ''];
  return new TableRow({
    // Tall enough to write in by hand on the blank form.
    height: { value: 1000, rule: HeightRule.ATLEAST },
    cantSplit: true,
    // The small table, with the 注 below it, stays on one page.
    keepNext: true,
    children: [label, ...values].map((text, i) => tableCell(text, { width: COLUMN_WIDTHS[i] ?? 0 })),
  });
}

function personTable(leader: Person | null, liaison: Person | null): Table {
  return ruledTable(COLUMN_WIDTHS, [
    new TableRow({
      height: { value: 700, rule: HeightRule.ATLEAST },
      cantSplit: true,
      tableHeader: true,
      keepNext: true,
      children: ['', '姓名', '职务', '联系电话'].map((text, i) =>
        tableCell(text, { width: COLUMN_WIDTHS[i] ?? 0 }),
      ),
    }),
    personRow('分管领导', leader),
    personRow('联络员', liaison),
  ]);
}

/** `单位名称（盖章）：…` at the left margin and the date against the right margin, via a right tab stop. */
function headerLine(organisationName: string | null, date: string | null, year: number): Paragraph {
  const name = organisationName === null ? run(blank(8), { underline: true }) : run(organisationName);
  const when = date === null ? blankChineseDate(year) : chineseDate(date);
  return bodyParagraph([run('单位名称（盖章）：'), name, run(`\t${when}`)], {
    indent: false,
    alignment: AlignmentType.LEFT,
    tabStops: [{ type: 'right', position: TEXT_WIDTH }],
    keepNext: true,
  });
}

/** A value, or room to write it in. */
const or = (v: string | null): string => v ?? blank(6);

export async function renderRegistrationFormDocx(input: RegistrationFormInput): Promise<Buffer> {
  const label = input.attachmentLabel === undefined ? '附件2' : input.attachmentLabel;
  const children: (Paragraph | Table)[] = [];
  if (label) children.push(attachmentLabel(label));
  children.push(
    titleParagraph(REGISTRATION_FORM_TITLE),
    headerLine(input.organisationName, input.date, input.year),
    personTable(input.leader, input.liaison),
    bodyParagraph(
      `注：此表请于${input.deadline === null ? blankChineseDate(input.year) : chineseDate(input.deadline)}前报${input.recipient ?? blank(8)}`,
      { indent: false },
    ),
    bodyParagraph(
      `联系人：${or(input.contactPerson)}；联系电话：${or(input.contactPhone)}；传真：${or(input.fax)}`,
      {
        indent: false,
      },
    ),
  );
  const fileTitle = `${input.year}年${REGISTRATION_FORM_TITLE}`;
  return packDocx(officialDocument(fileTitle, [children]));
}
