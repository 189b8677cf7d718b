// 共同开展社会服务活动情况: the social services held together, with their summed figures.
import type { ProseService, ReportFacts } from './facts.js';
import type { Sentence } from './form.js';
import {
  breakdown,
  countBy,
  figure,
  ids,
  join,
  ledger,
  monthDay,
  NOTABLE_LIMIT,
  quoted,
  sentence,
} from './wording.js';

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
