// 其他: how the year's 对口联系工作计划 stands.
import type { ProsePlan, ReportFacts } from './facts.js';
import type { Sentence, SentenceSource } from './form.js';
import { join, quoted, sentence } from './wording.js';

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
