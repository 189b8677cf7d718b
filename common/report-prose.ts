/**
 * The annual report's draft (附件3, 年度对口联系工作情况报告表) written from a year's records: pure functions over
 * plain data, so the same facts always give the same words. Every sentence carries the records it is made of
 * (`sources`), so a reader can go from a sentence to the records behind it; a section with nothing behind it
 * says so plainly instead of inventing text.
 */

/** The seven rows under 年度情况, in the order the form prints them (as server/documents/annual-report.docx.ts). */
export const REPORT_SECTIONS = [
  { key: 'meetings', title: '对口联系会议情况' },
  { key: 'consultation', title: '重大事项通报协商情况' },
  { key: 'invitations', title: '相互邀请参加重要会议和重大活动情况' },
  { key: 'information', title: '文件信息交流情况' },
  { key: 'research', title: '联合调研情况' },
  { key: 'socialService', title: '共同开展社会服务活动情况' },
  { key: 'other', title: '其他' },
] as const;

export type ReportSectionKey = (typeof REPORT_SECTIONS)[number]['key'];
export const REPORT_SECTION_KEYS = REPORT_SECTIONS.map((s) => s.key) as [
  ReportSectionKey,
  ...ReportSectionKey[],
];

/** What a sentence can point at: a ledger record, a consultation (matter) or one of its suggestions, a plan or an item. */
export const SOURCE_TYPES = ['ledger', 'consultation', 'suggestion', 'plan', 'plan_item'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export interface SentenceSource {
  type: SourceType;
  id: number;
}

export interface Sentence {
  text: string;
  sources: SentenceSource[];
}

export interface DraftSection {
  key: ReportSectionKey;
  title: string;
  sentences: Sentence[];
}

// ---------------------------------------------------------------------------------------------------------
// The facts a draft is written from (dates 'YYYY-MM-DD', Asia/Shanghai)

/** A dated event as of the day the draft is written: held (its time has come), scheduled (ahead), cancelled. */
export type ProseMeetingState = 'held' | 'scheduled' | 'cancelled';
/** An invitee as of that day: attended, declined, awaiting the host's record, or ahead (not yet held). */
export type ProseAttendance = 'attended' | 'declined' | 'awaiting' | 'ahead';

export interface ProseSymposium {
  id: number;
  date: string;
  title: string;
  counterparts: string[];
  state: ProseMeetingState;
  /** minutes recorded */
  minutes: boolean;
}

export interface ProseInvitation {
  id: number;
  date: string;
  title: string;
  /** dept_to_cp: the department invited its counterparts; cp_to_dept: a counterpart invited the department */
  direction: 'dept_to_cp' | 'cp_to_dept';
  subtype: string;
  host: string;
  invitees: { name: string; state: ProseAttendance }[];
}

export interface ProseNotice {
  id: number;
  date: string;
  title: string;
  subtype: string;
  docNumber: string | null;
  recipients: { name: string; received: boolean; read: boolean }[];
}

export interface ProseResearch {
  id: number;
  date: string;
  title: string;
  subtype: 'joint' | 'commissioned' | 'offered' | string;
  counterparts: string[];
  adoption: 'none' | 'adopted' | 'partly' | 'implemented' | string;
  /** a leader's written instruction (领导批示) is recorded */
  instruction: boolean;
  takenUpBy: string | null;
}

export interface ProseService {
  id: number;
  date: string;
  title: string;
  subtype: string;
  counterparts: string[];
  fundsWan: number | null;
  peopleServed: number | null;
  projectsLanded: number | null;
}

/** How a suggestion was answered: the classes of 三(二)'s 认真分析研究，及时给予反馈和答复. */
export const SUGGESTION_CLASSES = ['adopted', 'partly', 'not_adopted', 'reference', 'under_study'] as const;
export type SuggestionClass = (typeof SUGGESTION_CLASSES)[number];
export const SUGGESTION_CLASS_LABELS: Record<SuggestionClass, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  not_adopted: '未采纳',
  reference: '留作参考',
  under_study: '研究办理中',
};

/** A major matter (重大事项) the department consulted its counterparts on, with its symposium and suggestions. */
export interface ProseConsultation {
  id: number;
  title: string;
  /** its 专题协商座谈会: held, scheduled (ahead), cancelled or none */
  symposium: ProseMeetingState | 'none';
  /** the symposium's date (held, or as scheduled) */
  symposiumDate: string | null;
  /** when the matter was decided, if it was */
  decidedDate: string | null;
  /** 先协商后决策 not kept: decided before its symposium was held (or with none held) */
  breach: boolean;
  suggestions: {
    id: number;
    class: SuggestionClass;
    reply: 'on_time' | 'late' | 'open';
    overdue: boolean;
  }[];
}

export interface ProsePlan {
  id: number;
  items: { id: number; title: string; status: 'done' | 'pending' | 'overdue' }[];
}

export interface ReportFacts {
  year: number;
  department: string;
  counterparts: string[];
  symposia: ProseSymposium[];
  consultations: ProseConsultation[];
  invitations: ProseInvitation[];
  notices: ProseNotice[];
  research: ProseResearch[];
  services: ProseService[];
  plan: ProsePlan | null;
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

/** At most this many items are named one by one; the counts cover them all. */
export const NOTABLE_LIMIT = 5;

const ledger = (...ids: number[]): SentenceSource[] => ids.map((id) => ({ type: 'ledger' as const, id }));
const ids = <T extends { id: number }>(xs: readonly T[]): number[] => xs.map((x) => x.id);
const join = (names: readonly string[]): string => names.join('、');
const unique = (names: readonly string[]): string[] => [...new Set(names)];

/**
 * A title in quotation marks, nested the Chinese way: quotation marks inside become single ones (“…‘…’…”);
 * a title already wholly in quotation marks is not wrapped twice.
 */
export function quoted(title: string): string {
  let t = title.trim().replace(/[。；，、]+$/u, '');
  if (/^[“"].*[”"]$/u.test(t)) t = t.slice(1, -1);
  t = t
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"([^"]*)"/g, '‘$1’');
  return `“${t}”`;
}

/** A document or topic title in 书名号, nested the Chinese way (《…〈…〉…》); never wrapped twice. */
export function booked(title: string): string {
  let t = title.trim().replace(/[。；，、]+$/u, '');
  if (/^《.*》$/u.test(t) && !t.slice(1, -1).includes('》')) t = t.slice(1, -1);
  t = t.replace(/《/g, '〈').replace(/》/g, '〉');
  return `《${t}》`;
}

/** Punctuation as printed: no doubled marks, no comma or enumeration mark before the full stop. */
export function tidy(text: string): string {
  return text
    .replace(/([。，、；：])\1+/g, '$1')
    .replace(/[，、；：]+。/g, '。')
    .replace(/。([，、；])/g, '$1')
    .replace(/([！？])。/g, '$1');
}

/** '2025-03-05' → '3月5日' */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** '12月15日' or '12月15日、12月20日' — the dates of things ahead. */
const dates = (xs: readonly { date: string }[]): string => join(unique(xs.map((x) => monthDay(x.date))));

/** A figure as printed: integers as they are, fractions to two places without trailing zeros. */
export function figure(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** 'a次、b次' of the non-zero counts, in the order of `labels`. */
function breakdown(counts: Map<string, number>, labels: Record<string, string>, unit: string): string {
  const order = Object.keys(labels);
  const keys = [...counts.keys()].sort((a, b) => rank(order, a) - rank(order, b));
  return join(
    keys.filter((k) => (counts.get(k) ?? 0) > 0).map((k) => `${labels[k] ?? k}${counts.get(k)}${unit}`),
  );
}
const rank = (order: string[], k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);

function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

const sentence = (text: string, sources: SentenceSource[]): Sentence => ({ text: tidy(text), sources });

// ---------------------------------------------------------------------------------------------------------
// The seven sections

export function meetingsSection(f: Pick<ReportFacts, 'symposia'>): Sentence[] {
  const held = f.symposia.filter((s) => s.state === 'held');
  const ahead = f.symposia.filter((s) => s.state === 'scheduled');
  const cancelled = f.symposia.filter((s) => s.state === 'cancelled');
  const out: Sentence[] = [];
  if (held.length) {
    out.push(sentence(`全年召开对口联系工作座谈会${held.length}次。`, ledger(...ids(held))));
    for (const s of held.slice(0, NOTABLE_LIMIT)) {
      out.push(
        sentence(`${monthDay(s.date)}，与${join(s.counterparts)}召开${quoted(s.title)}。`, ledger(s.id)),
      );
    }
    const noMinutes = held.filter((s) => !s.minutes);
    if (noMinutes.length) {
      out.push(sentence(`其中${noMinutes.length}次尚未录入会议纪要。`, ledger(...ids(noMinutes))));
    }
  }
  if (ahead.length) {
    out.push(
      sentence(
        held.length
          ? `另有${ahead.length}次已安排于${dates(ahead)}召开。`
          : `本年度尚未召开对口联系工作座谈会，已安排${ahead.length}次，于${dates(ahead)}召开。`,
        ledger(...ids(ahead)),
      ),
    );
  }
  if (cancelled.length) {
    out.push(sentence(`另有${cancelled.length}次已取消。`, ledger(...ids(cancelled))));
  }
  if (!out.length) return [sentence('本年度未召开对口联系工作座谈会。', [])];
  return out;
}

/** '采纳3条、部分采纳1条' — the classes with suggestions in them. */
function classes(suggestions: ProseConsultation['suggestions']): string {
  const counts = countBy(suggestions, (s) => s.class);
  return breakdown(counts, SUGGESTION_CLASS_LABELS, '条');
}

/** How a matter's 专题协商座谈会 stands, as a clause. */
function symposiumClause(c: ProseConsultation): string {
  const when = c.symposiumDate ? monthDay(c.symposiumDate) : '';
  switch (c.symposium) {
    case 'held':
      return `${when ? `${when}，` : ''}就${booked(c.title)}召开专题协商座谈会`;
    case 'scheduled':
      return `${booked(c.title)}的专题协商座谈会已安排${when ? `于${when}` : ''}召开`;
    case 'cancelled':
      return `${booked(c.title)}的专题协商座谈会已取消`;
    default:
      return `就${booked(c.title)}征求联系对象意见，未召开专题协商座谈会`;
  }
}

/** A breach of 先协商后决策, stated plainly. */
function breachText(c: ProseConsultation): string {
  const decided = c.decidedDate ? `于${monthDay(c.decidedDate)}` : '';
  if (c.symposium === 'held' && c.symposiumDate) {
    return `${booked(c.title)}${decided}作出决策，早于${monthDay(c.symposiumDate)}召开的专题协商座谈会，未先协商后决策。`;
  }
  return `${booked(c.title)}${decided}作出决策时尚未召开专题协商座谈会，未先协商后决策。`;
}

export function consultationSection(f: Pick<ReportFacts, 'consultations'>): Sentence[] {
  const all = f.consultations;
  if (!all.length) return [sentence('本年度未就重大事项开展专题协商。', [])];
  const suggestions = all.flatMap((c) => c.suggestions);
  const held = all.filter((c) => c.symposium === 'held');
  const ahead = all.filter((c) => c.symposium === 'scheduled');
  const matterSources = (xs: readonly ProseConsultation[]) =>
    xs.map((c) => ({ type: 'consultation' as const, id: c.id }));
  const suggestionSources = (xs: ProseConsultation['suggestions']) =>
    xs.map((s) => ({ type: 'suggestion' as const, id: s.id }));
  let text = `全年就${all.length}项重大事项与联系对象开展协商`;
  if (held.length) {
    text += `，召开专题协商座谈会${held.length}次`;
    if (ahead.length)
      text += `，另有${ahead.length}次已安排于${dates(ahead.map((c) => ({ date: c.symposiumDate ?? '' })))}召开`;
  } else if (ahead.length) {
    text += `，专题协商座谈会尚未召开，已安排${ahead.length}次，于${dates(ahead.map((c) => ({ date: c.symposiumDate ?? '' })))}召开`;
  } else {
    text += '，未召开专题协商座谈会';
  }
  text += suggestions.length
    ? `，收到意见建议${suggestions.length}条，其中${classes(suggestions)}`
    : '，未收到意见建议';
  const out = [sentence(`${text}。`, [...matterSources(all), ...suggestionSources(suggestions)])];
  for (const c of all.slice(0, NOTABLE_LIMIT)) {
    let t = symposiumClause(c);
    if (c.suggestions.length) t += `，收到意见建议${c.suggestions.length}条，${classes(c.suggestions)}`;
    out.push(sentence(`${t}。`, [{ type: 'consultation', id: c.id }, ...suggestionSources(c.suggestions)]));
  }
  for (const c of all.filter((x) => x.breach)) {
    out.push(sentence(breachText(c), [{ type: 'consultation', id: c.id }]));
  }
  if (suggestions.length) {
    const replied = suggestions.filter((s) => s.reply !== 'open');
    const onTime = replied.filter((s) => s.reply === 'on_time');
    const open = suggestions.filter((s) => s.reply === 'open');
    const overdue = open.filter((s) => s.overdue);
    const parts: string[] = [];
    if (replied.length) parts.push(`已答复意见建议${replied.length}条，其中按期答复${onTime.length}条`);
    if (open.length) {
      parts.push(
        `尚有${open.length}条未答复${overdue.length ? `（其中已超过答复期限${overdue.length}条）` : ''}`,
      );
    }
    out.push(sentence(`${parts.join('，')}。`, suggestionSources(suggestions)));
  }
  return out;
}

const DEPT_INVITATION_LABELS: Record<string, string> = {
  meeting: '重要会议',
  affairs: '重大内外事活动',
  inspection: '专项检查视察',
};
const CP_INVITATION_LABELS: Record<string, string> = { meeting: '重要会议', activity: '重大活动' };

const took = (i: ProseInvitation): boolean => !i.invitees.some((x) => x.state === 'ahead');
const anyone = (i: ProseInvitation, state: ProseAttendance): boolean =>
  i.invitees.some((x) => x.state === state);
const attendedAny = (i: ProseInvitation): boolean => anyone(i, 'attended');
const declinedAll = (i: ProseInvitation): boolean =>
  i.invitees.length > 0 && i.invitees.every((x) => x.state === 'declined');

/** '，未出席1次，1次出席情况待登记' — what else became of invitations that took place. */
function otherOutcomes(past: readonly ProseInvitation[]): string {
  const declined = past.filter((i) => !attendedAny(i) && declinedAll(i)).length;
  const awaiting = past.filter((i) => !attendedAny(i) && !declinedAll(i)).length;
  let t = '';
  if (declined) t += `，未出席${declined}次`;
  if (awaiting) t += `，${awaiting}次出席情况待登记`;
  return t;
}

export function invitationsSection(f: Pick<ReportFacts, 'invitations'>): Sentence[] {
  const out: Sentence[] = [];
  const outgoing = f.invitations.filter((i) => i.direction === 'dept_to_cp');
  const incoming = f.invitations.filter((i) => i.direction === 'cp_to_dept');
  if (!outgoing.length && !incoming.length) return [sentence('本年度未相互邀请参加重要会议和重大活动。', [])];
  const pastOut = outgoing.filter(took);
  const aheadOut = outgoing.filter((i) => !took(i));
  if (pastOut.length) {
    const attended = pastOut.filter(attendedAny);
    const kinds = breakdown(
      countBy(pastOut, (i) => i.subtype),
      DEPT_INVITATION_LABELS,
      '次',
    );
    out.push(
      sentence(
        `邀请联系对象负责人参加本部门重要会议和活动${pastOut.length}次（${kinds}），联系对象出席${attended.length}次${otherOutcomes(pastOut)}。`,
        ledger(...ids(pastOut)),
      ),
    );
    for (const i of pastOut.slice(0, NOTABLE_LIMIT)) {
      const came = i.invitees.filter((x) => x.state === 'attended').map((x) => x.name);
      const tail = came.length ? `，${join(came)}出席` : '';
      out.push(
        sentence(
          `${monthDay(i.date)}，邀请${join(i.invitees.map((x) => x.name))}参加${quoted(i.title)}${tail}。`,
          ledger(i.id),
        ),
      );
    }
  } else if (!aheadOut.length) {
    out.push(sentence('本年度未邀请联系对象参加本部门重要会议和活动。', []));
  }
  if (aheadOut.length) {
    out.push(
      sentence(
        pastOut.length
          ? `另有${aheadOut.length}次已发出邀请，将于${dates(aheadOut)}举行。`
          : `已邀请联系对象负责人参加本部门重要会议和活动${aheadOut.length}次，将于${dates(aheadOut)}举行。`,
        ledger(...ids(aheadOut)),
      ),
    );
  }
  const pastIn = incoming.filter(took);
  const aheadIn = incoming.filter((i) => !took(i));
  if (pastIn.length) {
    const attended = pastIn.filter(attendedAny);
    const kinds = breakdown(
      countBy(pastIn, (i) => i.subtype),
      CP_INVITATION_LABELS,
      '次',
    );
    out.push(
      sentence(
        `应邀参加${join(unique(pastIn.map((i) => i.host)))}重要会议和重大活动${pastIn.length}次（${kinds}），实际出席${attended.length}次${otherOutcomes(pastIn)}。`,
        ledger(...ids(pastIn)),
      ),
    );
    for (const i of pastIn.slice(0, NOTABLE_LIMIT)) {
      const text = attendedAny(i)
        ? `${monthDay(i.date)}，应${i.host}邀请参加${quoted(i.title)}。`
        : declinedAll(i)
          ? `${monthDay(i.date)}，${i.host}邀请参加${quoted(i.title)}，未出席。`
          : `${monthDay(i.date)}，${i.host}邀请参加${quoted(i.title)}，出席情况待登记。`;
      out.push(sentence(text, ledger(i.id)));
    }
  } else if (!aheadIn.length) {
    out.push(sentence('本年度未收到联系对象的会议和活动邀请。', []));
  }
  for (const i of aheadIn.slice(0, NOTABLE_LIMIT)) {
    out.push(sentence(`${i.host}邀请参加${quoted(i.title)}，将于${monthDay(i.date)}举行。`, ledger(i.id)));
  }
  if (aheadIn.length > NOTABLE_LIMIT) {
    out.push(
      sentence(
        `另有${aheadIn.length - NOTABLE_LIMIT}次联系对象的邀请尚未举行。`,
        ledger(...ids(aheadIn.slice(NOTABLE_LIMIT))),
      ),
    );
  }
  return out;
}

const NOTICE_LABELS: Record<string, string> = { policy: '政策文件', material: '资料', periodical: '刊物' };

export function informationSection(f: Pick<ReportFacts, 'notices'>): Sentence[] {
  const all = f.notices;
  if (!all.length) return [sentence('本年度未向联系对象通报信息、抄送文件资料。', [])];
  const recipients = all.flatMap((n) => n.recipients);
  const received = recipients.filter((r) => r.received).length;
  const read = recipients.filter((r) => r.read).length;
  const kinds = breakdown(
    countBy(all, (n) => n.subtype),
    NOTICE_LABELS,
    '件',
  );
  const out = [
    sentence(
      `向联系对象通报信息、抄送文件资料${all.length}件（${kinds}），送达${recipients.length}家次，已签收${received}家次、已阅读${read}家次。`,
      ledger(...ids(all)),
    ),
  ];
  const notable = all.slice(0, NOTABLE_LIMIT);
  const names = notable.map((n) => `${booked(n.title)}${n.docNumber ? `（${n.docNumber}）` : ''}`);
  out.push(
    sentence(`主要有${join(names)}${all.length > notable.length ? '等' : ''}。`, ledger(...ids(notable))),
  );
  return out;
}

export function researchSection(f: Pick<ReportFacts, 'research'>): Sentence[] {
  const joint = f.research.filter((r) => r.subtype === 'joint');
  const commissioned = f.research.filter((r) => r.subtype === 'commissioned');
  const offered = f.research.filter((r) => r.subtype === 'offered');
  const titles = (xs: ProseResearch[]) => {
    const shown = xs.slice(0, NOTABLE_LIMIT);
    return `${join(shown.map((r) => booked(r.title)))}${xs.length > shown.length ? '等' : ''}`;
  };
  const out: Sentence[] = [];
  if (joint.length) {
    const cps = unique(joint.flatMap((r) => r.counterparts));
    out.push(
      sentence(`与${join(cps)}开展联合调研${joint.length}项：${titles(joint)}。`, ledger(...ids(joint))),
    );
  } else {
    out.push(sentence('本年度未开展联合调研。', []));
  }
  if (commissioned.length) {
    out.push(
      sentence(
        `委托联系对象开展调研${commissioned.length}项：${titles(commissioned)}。`,
        ledger(...ids(commissioned)),
      ),
    );
  }
  if (offered.length) {
    const taken = offered.filter((r) => r.takenUpBy !== null);
    out.push(
      sentence(
        `向联系对象提供研究课题${offered.length}个，已承接${taken.length}个。`,
        ledger(...ids(offered)),
      ),
    );
  }
  const adopted = f.research.filter((r) => r.adoption !== 'none');
  const instructed = f.research.filter((r) => r.instruction);
  if (adopted.length || instructed.length) {
    const parts: string[] = [];
    if (adopted.length) {
      parts.push(
        breakdown(
          countBy(adopted, (r) => r.adoption),
          { adopted: '采纳', partly: '部分采纳', implemented: '采纳并落实' },
          '项',
        ),
      );
    }
    if (instructed.length) parts.push(`获领导批示${instructed.length}项`);
    out.push(
      sentence(
        `调研成果${parts.join('，')}。`,
        ledger(...ids(f.research.filter((r) => r.adoption !== 'none' || r.instruction))),
      ),
    );
  }
  return out;
}

const SERVICE_LABELS: Record<string, string> = {
  investment: '引资引智',
  agriculture: '科技支农',
  medical: '医疗义诊',
  poverty: '扶贫帮困',
  other: '其他',
};

export function socialServiceSection(f: Pick<ReportFacts, 'services'>): Sentence[] {
  const all = f.services;
  if (!all.length) return [sentence('本年度未共同开展社会服务活动。', [])];
  const sum = (pick: (s: ProseService) => number | null) => {
    const known = all.map(pick).filter((v): v is number => v !== null);
    return known.length ? known.reduce((a, b) => a + b, 0) : null;
  };
  const people = sum((s) => s.peopleServed);
  const funds = sum((s) => s.fundsWan);
  const projects = sum((s) => s.projectsLanded);
  let text = `共同开展社会服务活动${all.length}次（${breakdown(
    countBy(all, (s) => s.subtype),
    SERVICE_LABELS,
    '次',
  )}）`;
  if (people) text += `，服务群众${figure(people)}人次`;
  if (funds) text += `，引进资金${figure(funds)}万元`;
  if (projects) text += `，落地项目${figure(projects)}个`;
  const out = [sentence(`${text}。`, ledger(...ids(all)))];
  for (const s of all.slice(0, NOTABLE_LIMIT)) {
    out.push(
      sentence(`${monthDay(s.date)}，与${join(s.counterparts)}开展${quoted(s.title)}。`, ledger(s.id)),
    );
  }
  return out;
}

export function otherSection(f: Pick<ReportFacts, 'plan'>): Sentence[] {
  const plan = f.plan;
  if (!plan) return [sentence('本年度未制定年度对口联系工作计划。', [])];
  const planSource: SentenceSource = { type: 'plan', id: plan.id };
  if (!plan.items.length) return [sentence('年度对口联系工作计划未列工作事项。', [planSource])];
  const item = (xs: ProsePlan['items']) => xs.map((i) => ({ type: 'plan_item' as const, id: i.id }));
  const done = plan.items.filter((i) => i.status === 'done');
  const overdue = plan.items.filter((i) => i.status === 'overdue');
  const pending = plan.items.filter((i) => i.status === 'pending');
  let text = `年度对口联系工作计划共列工作事项${plan.items.length}项，已完成${done.length}项`;
  if (overdue.length) text += `，逾期未完成${overdue.length}项`;
  if (pending.length) text += `，正在推进${pending.length}项`;
  const out = [sentence(`${text}。`, [planSource, ...item(plan.items)])];
  if (overdue.length) {
    out.push(sentence(`逾期未完成的事项：${join(overdue.map((i) => quoted(i.title)))}。`, item(overdue)));
  }
  return out;
}

/** The whole draft: the seven sections in the form's order. */
export function buildReportDraft(facts: ReportFacts): DraftSection[] {
  const build: Record<ReportSectionKey, (f: ReportFacts) => Sentence[]> = {
    meetings: meetingsSection,
    consultation: consultationSection,
    invitations: invitationsSection,
    information: informationSection,
    research: researchSection,
    socialService: socialServiceSection,
    other: otherSection,
  };
  return REPORT_SECTIONS.map((s) => ({ key: s.key, title: s.title, sentences: build[s.key](facts) }));
}

/** A section's sentences as the running text the form prints. */
export const sectionText = (sentences: readonly Sentence[]): string => sentences.map((s) => s.text).join('');
