/**
 * What the district conference brief (全区对口联系工作会议材料) says, as a list of blocks — title, headings,
 * paragraphs, tables, charts — made from the conference response. The .docx (server/documents/
 * conference-pack.docx.ts) and the browser's print view (web/features/print/) lay out the same blocks, so the
 * two never say different things.
 */
import { chineseDate } from './chinese-date.js';
import { REPORT_SECTIONS } from './report-prose.js';
import type { ConferenceResponse } from './schemas/reports.js';

export interface BriefBar {
  label: string;
  value: number;
}

export type BriefBlock =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** a legend printed just above the table it explains, kept on the same page */
  | { kind: 'legend'; text: string }
  | {
      kind: 'table';
      headers: string[];
      rows: (string | number)[][];
      /** relative column widths */
      widths: number[];
    }
  /** a bar chart, its bars numbered; `caption` spells every bar out for the printed page */
  | { kind: 'chart'; title: string; bars: BriefBar[]; caption: string };

export const conferencePackTitle = (year: number): string => `${year}年度全区对口联系工作情况`;

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
  return REPORT_SECTIONS.map((s) => ({
    title: s.title,
    value: values[s.key]?.[0] ?? 0,
    note: values[s.key]?.[1] ?? '',
  }));
}

export const PAIR_HEADERS = [
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
export function counterpartBars(data: ConferenceResponse): BriefBar[] {
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

const chart = (title: string, bars: BriefBar[]): BriefBlock => ({
  kind: 'chart',
  title,
  bars,
  caption: `图：${title}（${bars.map((b, i) => `${i + 1}.${b.label} ${b.value}`).join('；')}）`,
});

/** The brief, block by block. */
export function conferenceBrief(data: ConferenceResponse): BriefBlock[] {
  const sections = sectionTotals(data);
  const c = data.consultation;
  const r = data.reports;
  const blocks: BriefBlock[] = [
    { kind: 'title', text: conferencePackTitle(data.year) },
    {
      kind: 'subtitle',
      text: `（全区对口联系工作会议材料，${chineseDate(data.generatedAt.slice(0, 10))}生成）`,
    },
    { kind: 'heading', text: '一、总体情况' },
    {
      kind: 'paragraph',
      text: `全区共有对口联系关系${data.pairs.length}对，涉及部门${data.plans.departments}个。全年召开对口联系工作座谈会${data.totals.symposia}次，就重大事项开展专题协商${data.totals.consultations}项、收到意见建议${data.totals.suggestions}条，邀请联系对象参加重要会议和活动${data.totals.invitationsDeptToCp}次、应邀参加联系对象活动${data.totals.invitationsCpToDept}次，通报信息、抄送文件资料${data.totals.notices}件，开展调研${data.totals.research}项，共同开展社会服务活动${data.totals.services}次。`,
    },
    {
      kind: 'table',
      headers: ['年度情况', '数量', '说明'],
      rows: sections.map((s) => [s.title, s.value, s.note]),
      widths: [3200, 1000, 4645],
    },
    chart(
      '附件3各项工作全年数量',
      sections.map((s) => ({ label: s.title, value: s.value })),
    ),
    { kind: 'heading', text: '二、各对口联系情况' },
    chart('各联系对象全年工作记录数', counterpartBars(data)),
    {
      kind: 'legend',
      text: '（邀请：部门邀请联系对象；应邀：部门应联系对象邀请；互评：部门得分/联系对象得分，5分制）',
    },
    { kind: 'table', headers: PAIR_HEADERS, rows: pairRows(data), widths: PAIR_WIDTHS },
    { kind: 'heading', text: '三、重大事项协商及答复情况' },
    {
      kind: 'paragraph',
      text: c.available
        ? `全年就${c.matters}项重大事项开展专题协商，收到意见建议${c.suggestions}条，已答复${c.replied}条，其中按期答复${c.repliedOnTime}条，按期答复率${pct(c.onTimeRate)}；采纳${c.adopted}条、部分采纳${c.partly}条、未采纳${c.notAdopted}条，采纳率${pct(c.adoptionRate)}；联系对象对答复满意（含基本满意）${c.satisfied}条、不满意${c.dissatisfied}条，满意率${pct(c.satisfactionRate)}。`
        : '重大事项协商数据暂不可用。',
    },
    { kind: 'heading', text: '四、年度工作计划执行情况' },
    {
      kind: 'paragraph',
      text: `${data.plans.departments}个部门中${data.plans.withPlan}个制定了年度对口联系工作计划，共列工作事项${data.plans.items}项，已完成${data.plans.done}项，逾期未完成${data.plans.overdue}项。`,
    },
    { kind: 'heading', text: '五、年度报告报送情况' },
    {
      kind: 'paragraph',
      text: `应报送年度对口联系工作情况报告表${r.departments}份：已接受${r.counts.accepted ?? 0}份，已提交待审${r.counts.submitted ?? 0}份，已退回${r.counts.returned ?? 0}份，草稿${r.counts.draft ?? 0}份，未开始${r.counts.not_started ?? 0}份；逾期提交${r.submittedLate}份。`,
    },
    { kind: 'heading', text: '六、全年未记录对口联系工作的单位' },
    {
      kind: 'paragraph',
      text: data.unitsWithNothing.length
        ? `${data.unitsWithNothing.length}个单位全年未记录任何对口联系工作：${data.unitsWithNothing.map((u) => u.name).join('、')}。`
        : '各单位全年均有对口联系工作记录。',
    },
    { kind: 'heading', text: '七、相互评价情况' },
    {
      kind: 'paragraph',
      text: data.evaluations.count
        ? `共收到相互评价${data.evaluations.count}份。联系对象对部门评价平均${num(data.evaluations.averageOfDepartments)}分，部门对联系对象评价平均${num(data.evaluations.averageOfCounterparts)}分（5分制）。`
        : '本年度尚未开展相互评价。',
    },
  ];
  if (data.evaluations.items.length) {
    blocks.push({
      kind: 'table',
      headers: ['部门', '联系对象', '评价方', '得分', '评语'],
      rows: data.evaluations.items.map((e) => [
        e.department.name,
        e.counterpart.name,
        e.raterSide === 'department' ? '部门' : '联系对象',
        e.score,
        e.comment ?? '',
      ]),
      widths: [1900, 1700, 1100, 700, 3445],
    });
  }
  return blocks;
}
