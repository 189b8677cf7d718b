// The conference pack's paragraphs, written from its figures: each states what took place and what is still
// ahead; an empty year says "本年度未…" in every section; no "0项", no rate of nothing. Pure, so the same
// figures always give the same words (and the tests check them exactly).
import { booked, monthDay, tidy } from '../../../common/report-prose.js';
import type { ConferenceResponse } from '../../../common/schemas/reports.js';

export type PackFigures = Omit<ConferenceResponse, 'prose'>;

const pct = (r: number | null): string => (r === null ? '' : `${Math.round(r * 1000) / 10}%`);
const ROUND = ['', '第一轮', '第二轮', '第三轮', '第四轮', '第五轮'];
const round = (n: number): string => ROUND[n] ?? `第${n}轮`;

/** 'a、b和c' of the non-empty parts. */
const list = (parts: string[]): string => parts.filter(Boolean).join('，');

function overview(d: PackFigures): string {
  const t = d.totals;
  const a = d.ahead;
  const head = d.pairs.length
    ? `全区共有对口联系关系${d.pairs.length}对，涉及部门${d.plans.departments}个、联系对象${d.counterparts}个。`
    : '本年度未确定对口联系关系。';
  const done: string[] = [];
  if (t.symposia) done.push(`召开对口联系工作座谈会${t.symposia}次`);
  if (t.consultations) done.push(`就重大事项开展协商${t.consultations}项`);
  if (t.suggestions) done.push(`收到意见建议${t.suggestions}条`);
  if (t.invitationsDeptToCp) done.push(`邀请联系对象参加重要会议和活动${t.invitationsDeptToCp}次`);
  if (t.invitationsCpToDept) done.push(`应邀参加联系对象活动${t.invitationsCpToDept}次`);
  if (t.notices) done.push(`通报信息、抄送文件资料${t.notices}件`);
  if (t.research) done.push(`开展调研${t.research}项`);
  if (t.services) done.push(`共同开展社会服务活动${t.services}次`);
  const ahead: string[] = [];
  if (a.symposia)
    ahead.push(`对口联系工作座谈会${a.symposia}次已安排于${a.symposiumDates.map(monthDay).join('、')}召开`);
  if (a.consultationSymposia) ahead.push(`专题协商座谈会${a.consultationSymposia}次已安排`);
  const invitationsAhead = a.invitationsDeptToCp + a.invitationsCpToDept;
  if (invitationsAhead) ahead.push(`${invitationsAhead}次邀请的会议和活动尚未举行`);
  let text = head;
  text += done.length ? `全年${list(done)}。` : '本年度未记录对口联系工作。';
  if (ahead.length) text += `另有${list(ahead)}。`;
  return tidy(text);
}

function consultation(d: PackFigures): string {
  const c = d.consultation;
  if (!c.matters && !c.suggestions) return '本年度未就重大事项开展专题协商。';
  const parts: string[] = [];
  let head = c.matters ? `全年就${c.matters}项重大事项与联系对象开展协商` : '本年度未登记重大事项';
  if (c.matters) {
    if (c.symposiaHeld) head += `，召开专题协商座谈会${c.symposiaHeld}次`;
    else head += '，未召开专题协商座谈会';
    if (c.symposiaScheduled) head += `，另有${c.symposiaScheduled}次已安排`;
  }
  parts.push(head);
  const otherCount = d.others.reduce((n, o) => n + o.suggestions, 0);
  if (c.suggestions) {
    parts.push(
      `收到意见建议${c.suggestions}条${otherCount ? `（其中非结对联系对象提出${otherCount}条）` : ''}`,
    );
  } else {
    parts.push('未收到意见建议');
  }
  let text = `${list(parts)}。`;
  if (c.suggestions) {
    const replies: string[] = [];
    if (c.replied) {
      replies.push(
        `已答复${c.replied}条，其中按期答复${c.repliedOnTime}条${c.late ? `、逾期答复${c.late}条` : ''}，按期答复率${pct(c.onTimeRate)}`,
      );
    }
    if (c.open)
      replies.push(`尚有${c.open}条未答复${c.overdue ? `（其中已超过答复期限${c.overdue}条）` : ''}`);
    text += `${list(replies)}。`;
    const classes = [
      ['采纳', c.adopted],
      ['部分采纳', c.partly],
      ['留作参考', c.forReference],
      ['未采纳', c.notAdopted],
      ['研究办理中', c.underStudy],
    ] as const;
    const shown = classes.filter(([, n]) => n > 0).map(([l, n]) => `${l}${n}条`);
    text += `办理结果：${shown.join('、')}`;
    text += c.adoptionRate !== null ? `，采纳率（含部分采纳）${pct(c.adoptionRate)}。` : '。';
    if (c.verdicts.length) {
      const rounds = c.verdicts.map((v) => {
        const xs = [
          ['满意', v.satisfied],
          ['基本满意', v.basicallySatisfied],
          ['不满意', v.notSatisfied],
        ] as const;
        return `对${round(v.round)}答复${xs
          .filter(([, n]) => n > 0)
          .map(([l, n]) => `${l}${n}条`)
          .join('、')}`;
      });
      text += `联系对象${rounds.join('；')}`;
      text += c.satisfactionRate !== null ? `，满意率（含基本满意）${pct(c.satisfactionRate)}。` : '。';
    } else if (c.replied) {
      text += '联系对象尚未对答复作出评价。';
    }
  }
  return tidy(text);
}

function breaches(d: PackFigures): string | null {
  const b = d.consultation.breaches;
  if (!b.length) return null;
  const items = b.map((x) => {
    const decided = x.decidedDate ? `${monthDay(x.decidedDate)}作出决策` : '作出决策';
    const sym =
      x.symposiumHeld && x.symposiumDate
        ? `，专题协商座谈会于${monthDay(x.symposiumDate)}召开`
        : '，决策时尚未召开专题协商座谈会';
    return `${x.department.name}${booked(x.matter.name)}（${decided}${sym}）`;
  });
  return tidy(`${b.length}项重大事项未先协商后决策：${items.join('；')}。`);
}

function plans(d: PackFigures): string {
  const p = d.plans;
  if (!p.departments) return '本年度未确定对口联系关系，未制定年度对口联系工作计划。';
  if (!p.withPlan) return `本年度${p.departments}个部门均未制定年度对口联系工作计划。`;
  let text = `${p.departments}个部门中${p.withPlan}个制定了年度对口联系工作计划`;
  if (!p.items) return tidy(`${text}，计划未列工作事项。`);
  text += `，共列工作事项${p.items}项，已完成${p.done}项`;
  if (p.overdue) text += `，逾期未完成${p.overdue}项`;
  if (p.pending) text += `，正在推进${p.pending}项`;
  return tidy(`${text}。`);
}

function reports(d: PackFigures): string {
  const r = d.reports;
  if (!r.departments) return '本年度未确定对口联系关系，无应报送的年度对口联系工作情况报告表。';
  const states = [
    ['已接受', r.counts.accepted ?? 0],
    ['已提交待审', r.counts.submitted ?? 0],
    ['已退回', r.counts.returned ?? 0],
    ['草稿', r.counts.draft ?? 0],
    ['未开始', r.counts.not_started ?? 0],
  ] as const;
  const shown = states.filter(([, n]) => n > 0).map(([l, n]) => `${l}${n}份`);
  let text = `应报送年度对口联系工作情况报告表${r.departments}份：${shown.join('，')}`;
  if (r.submittedLate) text += `；逾期提交${r.submittedLate}份`;
  return tidy(`${text}。`);
}

function nothing(d: PackFigures): string {
  if (!d.pairs.length) return '本年度未确定对口联系关系。';
  const u = d.unitsWithNothing;
  return u.length
    ? `${u.length}个单位本年度未记录对口联系工作：${u.map((x) => x.name).join('、')}。`
    : '各单位本年度均有对口联系工作记录。';
}

function evaluations(d: PackFigures): string {
  const e = d.evaluations;
  if (!e.count) return '本年度未开展相互评价。';
  const parts: string[] = [];
  if (e.averageOfDepartments !== null) parts.push(`联系对象对部门评价平均${e.averageOfDepartments}分`);
  if (e.averageOfCounterparts !== null) parts.push(`部门对联系对象评价平均${e.averageOfCounterparts}分`);
  return tidy(`共收到相互评价${e.count}份。${parts.join('，')}（5分制）。`);
}

export function packProse(d: PackFigures): ConferenceResponse['prose'] {
  return {
    overview: overview(d),
    consultation: consultation(d),
    breaches: breaches(d),
    plans: plans(d),
    reports: reports(d),
    unitsWithNothing: nothing(d),
    evaluations: evaluations(d),
  };
}
