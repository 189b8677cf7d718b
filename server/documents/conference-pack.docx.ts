// The meeting brief of the district conference (全区对口联系工作会议, 四(三)): the year of every pair in one
// document — totals by the seven sections of 附件3, a table per pair, consultations and replies, plans, reports,
// units with nothing recorded, the mutual evaluations — with bar charts (documents/chart.ts: an SVG and the same
// chart as a PNG with its Chinese labels, for readers that do not show SVG), each bar numbered as in its legend.
import {
  AlignmentType,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import type { ConferenceResponse } from '../../common/schemas/reports.js';
import { ANNUAL_REPORT_SECTIONS } from './annual-report.docx.js';
import { type Bar, barChartPng, barChartSvg, CHART } from './chart.js';
import { chineseDate } from './chinese-date.js';
import { mergeDocx } from './docx-merge.js';
import {
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

export const conferencePackTitle = (year: number): string => `${year}年度全区对口联系工作情况`;

/** 五号 (10.5pt): dense tables. */
const SIZE_SMALL = 21;

const pct = (r: number | null): string => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);
const num = (n: number | null): string => (n === null ? '—' : String(n));

/** The seven rows of 附件3 with the year's total of each (其他: plan items done). */
export function sectionTotals(data: ConferenceResponse): { title: string; value: number; note: string }[] {
  const t = data.totals;
  const values: Record<string, [number, string]> = {
    meetings: [t.symposia, '对口联系工作座谈会（次）'],
    consultation: [t.consultations, `重大事项专题协商（项），收到意见建议${t.suggestions}条`],
    invitations: [
      t.invitationsDeptToCp + t.invitationsCpToDept,
      `邀请联系对象${t.invitationsDeptToCp}次，应邀参加联系对象活动${t.invitationsCpToDept}次`,
    ],
    information: [t.notices, '通报信息、抄送文件资料（件）'],
    research: [t.research, '联合调研、委托调研、提供课题（项）'],
    socialService: [t.services, '共同开展社会服务活动（次）'],
    other: [data.plans.done, `年度计划事项完成数（共${data.plans.items}项）`],
  };
  return ANNUAL_REPORT_SECTIONS.map((s) => ({
    title: s.title,
    value: values[s.key]?.[0] ?? 0,
    note: values[s.key]?.[1] ?? '',
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Charts

async function chartParagraphs(title: string, bars: readonly Bar[]): Promise<Paragraph[]> {
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
        altText: { name: title, title, description: legend(bars) },
      }),
    ],
  });
  // The legend in words, for a reader of the printed page (labels in the chart may be shortened).
  const caption = bodyParagraph(`图：${title}（${legend(bars)}）`, {
    indent: false,
    alignment: AlignmentType.CENTER,
    size: SIZE_SMALL,
  });
  return [image, caption];
}

const legend = (bars: readonly Bar[]): string =>
  bars.map((b, i) => `${i + 1}.${b.label} ${b.value}`).join('；');

// ---------------------------------------------------------------------------------------------------------
// Tables and text

const heading = (text: string): Paragraph =>
  new Paragraph({
    spacing: { line: 579, lineRule: LineRuleType.EXACT },
    keepNext: true,
    keepLines: true,
    indent: { firstLineChars: 200, firstLine: SIZE.san * 20 },
    children: [run(text, { font: FONTS.heiti })],
  });

/**
 * A bordered table: the header row repeats on every page the table runs onto and is kept with the first row;
 * a row is never split across pages unless it is taller than a page.
 */
function grid(headers: string[], rows: (string | number)[][], widths?: number[], withHeader = true): Table {
  const w = widths ?? headers.map(() => Math.floor(TEXT_WIDTH / headers.length));
  const cell = (v: string | number, i: number) =>
    tableCell(String(v), { width: w[i] ?? 1000, size: SIZE_SMALL });
  const whole = (r: (string | number)[]) =>
    rowFitsPage(
      r.map((v, i) => ({ text: String(v), width: w[i] ?? 1000 })),
      SIZE_SMALL,
    );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [
      ...(withHeader
        ? [new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: headers.map(cell) })]
        : []),
      ...rows.map((r) => new TableRow({ cantSplit: whole(r), children: r.map(cell) })),
    ],
  });
}

const PAIR_HEADERS = [
  '序号',
  '联系对象',
  '部门',
  '座谈会',
  '协商事项',
  '意见建议',
  '邀请',
  '应邀',
  '通报',
  '调研',
  '服务',
  '互评',
];
const PAIR_WIDTHS = [520, 1400, 1500, 640, 640, 640, 600, 600, 600, 600, 600, 700];

export function pairRows(data: ConferenceResponse): (string | number)[][] {
  return data.pairs.map((p, i) => [
    i + 1,
    p.counterpart.name,
    p.department.name,
    p.counts.symposia,
    p.counts.consultations,
    p.counts.suggestions,
    p.counts.invitationsDeptToCp,
    p.counts.invitationsCpToDept,
    p.counts.notices,
    p.counts.research,
    p.counts.services,
    `${num(p.departmentScore)}/${num(p.counterpartScore)}`,
  ]);
}

/** Records per counterpart (all kinds, all its pairs): the second chart. */
export function counterpartBars(data: ConferenceResponse): Bar[] {
  const m = new Map<string, number>();
  for (const p of data.pairs) {
    const c = p.counts;
    const n =
      c.symposia +
      c.consultations +
      c.invitationsDeptToCp +
      c.invitationsCpToDept +
      c.notices +
      c.research +
      c.services;
    m.set(p.counterpart.name, (m.get(p.counterpart.name) ?? 0) + n);
  }
  return [...m].map(([label, value]) => ({ label, value }));
}

/** Pair rows per separately rendered part: each part renders in a few milliseconds. */
const PAIR_CHUNK = 10;

/**
 * The brief, rendered in parts that are joined afterwards (documents/docx-merge.ts): the first with the charts,
 * then the pair table ten rows at a time, then the rest; `onPart` runs between parts (a job yields there), so no
 * single synchronous render grows with the number of pairs.
 */
export async function renderConferencePackDocx(
  data: ConferenceResponse,
  onPart: () => Promise<void> = async () => {},
): Promise<Buffer> {
  const sections = sectionTotals(data);
  const c = data.consultation;
  const r = data.reports;
  const head: (Paragraph | Table)[] = [
    titleParagraph(conferencePackTitle(data.year), { before: 0 }),
    bodyParagraph(`（全区对口联系工作会议材料，${chineseDate(data.generatedAt.slice(0, 10))}生成）`, {
      indent: false,
      alignment: AlignmentType.CENTER,
      size: SIZE.si,
    }),
    heading('一、总体情况'),
    bodyParagraph(
      `全区共有对口联系关系${data.pairs.length}对，涉及部门${data.plans.departments}个。全年召开对口联系工作座谈会${data.totals.symposia}次，就重大事项开展专题协商${data.totals.consultations}项、收到意见建议${data.totals.suggestions}条，邀请联系对象参加重要会议和活动${data.totals.invitationsDeptToCp}次、应邀参加联系对象活动${data.totals.invitationsCpToDept}次，通报信息、抄送文件资料${data.totals.notices}件，开展调研${data.totals.research}项，共同开展社会服务活动${data.totals.services}次。`,
    ),
    grid(
      ['年度情况', '数量', '说明'],
      sections.map((s) => [s.title, s.value, s.note]),
      [3200, 1000, TEXT_WIDTH - 4200],
    ),
    ...(await chartParagraphs(
      '附件3各项工作全年数量',
      sections.map((s) => ({ label: s.title, value: s.value })),
    )),
    heading('二、各对口联系情况'),
    ...(await chartParagraphs('各联系对象全年工作记录数', counterpartBars(data))),
    bodyParagraph(
      '（邀请：部门邀请联系对象；应邀：部门应联系对象邀请；互评：部门得分/联系对象得分，5分制）',
      {
        size: SIZE_SMALL,
        indent: false,
        keepNext: true,
      },
    ),
  ];
  const rows = pairRows(data);
  const tables: Table[] = [];
  for (let i = 0; i < Math.max(1, rows.length); i += PAIR_CHUNK) {
    tables.push(grid(PAIR_HEADERS, rows.slice(i, i + PAIR_CHUNK), PAIR_WIDTHS, i === 0));
  }
  const tail: (Paragraph | Table)[] = [
    heading('三、重大事项协商及答复情况'),
    bodyParagraph(
      c.available
        ? `全年就${c.matters}项重大事项开展专题协商，收到意见建议${c.suggestions}条，已答复${c.replied}条，其中按期答复${c.repliedOnTime}条，按期答复率${pct(c.onTimeRate)}；采纳${c.adopted}条、部分采纳${c.partly}条、未采纳${c.notAdopted}条，采纳率${pct(c.adoptionRate)}；联系对象对答复满意（含基本满意）${c.satisfied}条、不满意${c.dissatisfied}条，满意率${pct(c.satisfactionRate)}。`
        : '重大事项协商数据暂不可用。',
    ),
    heading('四、年度工作计划执行情况'),
    bodyParagraph(
      `${data.plans.departments}个部门中${data.plans.withPlan}个制定了年度对口联系工作计划，共列工作事项${data.plans.items}项，已完成${data.plans.done}项，逾期未完成${data.plans.overdue}项。`,
    ),
    heading('五、年度报告报送情况'),
    bodyParagraph(
      `应报送年度对口联系工作情况报告表${r.departments}份：已接受${r.counts.accepted ?? 0}份，已提交待审${r.counts.submitted ?? 0}份，已退回${r.counts.returned ?? 0}份，草稿${r.counts.draft ?? 0}份，未开始${r.counts.not_started ?? 0}份；逾期提交${r.submittedLate}份。`,
    ),
    heading('六、全年未记录对口联系工作的单位'),
    bodyParagraph(
      data.unitsWithNothing.length
        ? `${data.unitsWithNothing.length}个单位全年未记录任何对口联系工作：${data.unitsWithNothing.map((u) => u.name).join('、')}。`
        : '各单位全年均有对口联系工作记录。',
    ),
    heading('七、相互评价情况'),
    bodyParagraph(
      data.evaluations.count
        ? `共收到相互评价${data.evaluations.count}份。联系对象对部门评价平均${num(data.evaluations.averageOfDepartments)}分，部门对联系对象评价平均${num(data.evaluations.averageOfCounterparts)}分（5分制）。`
        : '本年度尚未开展相互评价。',
    ),
  ];
  if (data.evaluations.items.length) {
    tail.push(
      grid(
        ['部门', '联系对象', '评价方', '得分', '评语'],
        data.evaluations.items.map((e) => [
          e.department.name,
          e.counterpart.name,
          e.raterSide === 'department' ? '部门' : '联系对象',
          e.score,
          e.comment ?? '',
        ]),
        [1900, 1700, 1100, 700, TEXT_WIDTH - 5400],
      ),
    );
  }
  const title = conferencePackTitle(data.year);
  const files: Buffer[] = [];
  for (const part of [head, ...tables.map((x) => [x]), tail]) {
    files.push(await packDocx(officialDocument(title, [part])));
    await onPart();
  }
  return mergeDocx(files, { continuous: true, onEach: onPart });
}
