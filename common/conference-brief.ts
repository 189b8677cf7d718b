/**
 * The district conference brief (全区对口联系工作会议材料) as a list of blocks — title, headings, paragraphs,
 * tables, charts — made from the conference response (its prose comes written, `data.prose`, from the facts). The .docx (server/documents/
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

const num = (n: number | null): string => (n === null ? '—' : String(n));

/** The seven rows of 附件3 with the year's total of each (其他: plan items done). */
export function sectionTotals(data: ConferenceResponse): { title: string; value: number; note: string }[] {
  const t = data.totals;
  const values: Record<string, [number, string]> = {
    meetings: [
      t.symposia,
      `已召开的对口联系工作座谈会（次）${data.ahead.symposia ? `，另有${data.ahead.symposia}次已安排` : ''}`,
    ],
    consultation: [t.consultations, `重大事项专题协商（项），收到意见建议${t.suggestions}条`],
    invitations: [
      t.invitationsDeptToCp + t.invitationsCpToDept,
      `邀请联系对象${t.invitationsDeptToCp}次，应邀参加联系对象活动${t.invitationsCpToDept}次${
        data.ahead.invitationsDeptToCp + data.ahead.invitationsCpToDept
          ? `，另有${data.ahead.invitationsDeptToCp + data.ahead.invitationsCpToDept}次尚未举行`
          : ''
      }`,
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
  const paired = data.pairs.map((p, i) => [
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
  // suggestions from a counterpart not paired with the department: their own rows, so the column adds up
  const others = data.others.map((o, i) => [
    data.pairs.length + i + 1,
    `${o.counterpart.name}（非结对）`,
    o.department.name,
    0,
    0,
    o.suggestions,
    0,
    0,
    0,
    0,
    0,
    '—',
  ]);
  return [...paired, ...others];
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
  const blocks: BriefBlock[] = [
    { kind: 'title', text: conferencePackTitle(data.year) },
    {
      kind: 'subtitle',
      text: `（全区对口联系工作会议材料，${chineseDate(data.generatedAt.slice(0, 10))}生成）`,
    },
    { kind: 'heading', text: '一、总体情况' },
    { kind: 'paragraph', text: data.prose.overview },
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
    { kind: 'paragraph', text: data.prose.consultation },
    ...(data.prose.breaches ? [{ kind: 'paragraph' as const, text: data.prose.breaches }] : []),
    { kind: 'heading', text: '四、年度工作计划执行情况' },
    { kind: 'paragraph', text: data.prose.plans },
    { kind: 'heading', text: '五、年度报告报送情况' },
    { kind: 'paragraph', text: data.prose.reports },
    { kind: 'heading', text: '六、全年未记录对口联系工作的单位' },
    { kind: 'paragraph', text: data.prose.unitsWithNothing },
    { kind: 'heading', text: '七、相互评价情况' },
    { kind: 'paragraph', text: data.prose.evaluations },
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
