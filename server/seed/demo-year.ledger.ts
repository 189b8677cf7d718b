// 工作台账 and 年度计划 of the demo year: per department its meetings, the symposium, the plan and its records.
import { type LedgerKind, MinutesRequest } from '../../common/schemas/ledger.js';
import { CreatePlanRequest } from '../../common/schemas/plans.js';
import type { RequestContext } from '../context.js';
import { recordMinutes } from '../modules/ledger/index.js';
import { createPlan } from '../modules/plans/index.js';
import { DAY } from './demo-year.clock.js';
import {
  cpInvitation,
  deptInvitation,
  notice,
  record,
  research,
  service,
} from './demo-year.ledger-records.js';
import { attendee, type DemoYear, type Unit } from './demo-year.state.js';
import {
  COUNTERPART_ACTIVITIES,
  COUNTERPART_SPECS,
  DEPARTMENT_SPECS,
  type DeptSpec,
} from './demo-year-content.js';

export async function ledger(y: DemoYear): Promise<void> {
  for (const spec of DEPARTMENT_SPECS) {
    const dept = y.units.get(spec.name);
    const cp = dept ? y.counterpartOf(dept) : undefined;
    if (!dept?.ctx || !cp?.ctx || spec.level === 'empty') continue;
    await department(y, spec, dept, cp);
  }
  for (const a of COUNTERPART_ACTIVITIES) {
    const dept = y.units.get(a.department);
    const cp = y.units.get(a.counterpart);
    if (!dept?.ctx || !cp?.ctx) continue;
    await cpInvitation(
      y,
      cp,
      dept,
      { title: a.title, at: a.at, place: a.place, summary: a.summary },
      'activity',
    );
  }
}

async function department(y: DemoYear, spec: DeptSpec, dept: Unit, cp: Unit): Promise<void> {
  const c = y.clock;
  const deptCtx = dept.ctx as RequestContext;
  const cpSpec = COUNTERPART_SPECS.find((s) => s.name === cp.name);
  const base = { departmentId: dept.id, counterpartIds: [cp.id] };

  // the department's own annual meeting, before the plan
  if (spec.annualMeeting) {
    await deptInvitation(y, dept, cp, {
      kind: 'invitation',
      subtype: 'meeting',
      title: `${dept.name}${c.year}年度工作会议`,
      at: spec.annualMeeting,
      place: '区行政中心1号会议室',
      summary: `总结${c.year - 1}年工作，部署${c.year}年重点任务，${cp.name}负责人应邀出席。`,
    });
  }
  // invited to the counterpart's annual meeting
  if (cpSpec) await cpInvitation(y, cp, dept, cpSpec.meeting, 'meeting', spec.cpMeeting?.decline);

  // the year's plan: the items the records below fulfil, the 工作要点 notice, and what nothing fulfils
  const workPointsAt =
    spec.workPoints === false
      ? null
      : spec.workPoints
        ? c.at(spec.workPoints)
        : spec.symposium
          ? c.onWorkday(c.at(spec.symposium, '10:00') + 8 * DAY)
          : null;
  const workPointsItem = `抄送${c.year}年工作要点等重要文件`;
  const items: { kind: LedgerKind; title: string; month: number }[] = [];
  const monthOf = (t: number) => Number(c.date(t).slice(5, 7));
  if (workPointsAt !== null)
    items.push({ kind: 'notice', title: workPointsItem, month: monthOf(workPointsAt) });
  for (const r of spec.records) {
    if (r.plan) items.push({ kind: r.kind, title: r.plan, month: monthOf(c.at(r.at)) });
  }
  for (const o of spec.open ?? []) items.push(o);
  items.sort((a, b) => a.month - b.month);

  // the 对口联系工作座谈会 that agreed the plan
  let symposiumId: number | null = null;
  let planAt = spec.planOn ? c.at(spec.planOn, '16:00') : null;
  if (spec.symposium) {
    const at = c.onWorkday(c.at(spec.symposium, '14:30'));
    symposiumId = await record(y, at - 7 * DAY, deptCtx, {
      ...base,
      kind: 'symposium',
      title: `${c.year}年度对口联系工作座谈会`,
      startsAt: c.iso(at),
      endsAt: c.iso(at + 2 * 3600_000),
      place: spec.room,
      summary: '交流通报工作情况，研究确定年度对口联系工作计划。',
    });
    if (c.past(at + 3 * 3600_000)) {
      const minutes = symposiumMinutes(y, spec, dept, cp, at, items);
      await y.as(at + 3 * 3600_000, 'ledger', () =>
        recordMinutes(deptCtx, symposiumId as number, MinutesRequest.parse({ minutes })),
      );
    }
    planAt = c.workdaysAfter(at, 2, '16:00');
  }
  const planItemIds = new Map<string, number>();
  if (planAt !== null && c.past(planAt)) {
    const plan = await y.as(planAt, 'plans', () =>
      createPlan(
        deptCtx,
        CreatePlanRequest.parse({
          departmentId: dept.id,
          year: c.year,
          symposiumId,
          note: spec.symposium
            ? `经${c.cn(c.at(spec.symposium)).slice(5)}对口联系工作座谈会研究确定。`
            : `经与${cp.name}沟通商定（未召开座谈会）。`,
          items: items.map((i) => ({ kind: i.kind, title: i.title, targetMonth: i.month })),
        }),
      ),
    );
    for (const i of plan.items) planItemIds.set(i.title, i.id);
    y.summary.ledger.plans += 1;
    y.summary.ledger.planItems += plan.items.length;
  }

  if (workPointsAt !== null) {
    await notice(
      y,
      spec,
      dept,
      cp,
      {
        kind: 'notice',
        subtype: 'policy',
        title: `${dept.name}${c.year}年工作要点`,
        at: c.when(workPointsAt),
        numbered: true,
      },
      planItemIds.get(workPointsItem),
    );
  }

  for (const r of spec.records) {
    const planItemId = r.plan ? planItemIds.get(r.plan) : undefined;
    switch (r.kind) {
      case 'invitation':
        await deptInvitation(y, dept, cp, r, planItemId);
        break;
      case 'notice':
        await notice(y, spec, dept, cp, r, planItemId);
        break;
      case 'research':
        await research(y, dept, cp, r, planItemId);
        break;
      case 'service':
        await service(y, dept, cp, r, planItemId);
        break;
      case 'symposium': {
        const at = c.at(r.at);
        const id = await record(y, c.ahead(at - 7 * DAY), deptCtx, {
          ...base,
          kind: 'symposium',
          title: r.title,
          startsAt: c.iso(at),
          endsAt: c.iso(at + 2 * 3600_000),
          place: r.place ?? spec.room,
          summary: r.summary ?? null,
          planItemId: planItemId ?? null,
        });
        if (r.minutes && c.past(at + 3 * 3600_000)) {
          const minutes = [
            `${r.title}纪要`,
            '',
            `时间：${c.cn(at)}下午`,
            `地点：${r.place ?? spec.room}`,
            `参加人员：${attendee(dept, dept.people.leader)}、${attendee(dept, dept.people.liaison)}；${attendee(cp, cp.people.leader)}、${attendee(cp, cp.people.liaison)}`,
            '',
            `一、${dept.name}通报了年度对口联系工作计划上半年执行情况。`,
            `二、${cp.name}对${spec.focus}等工作提出意见建议，双方商定下半年联合开展的活动。`,
            '三、会议明确对尚未完成的计划事项落实责任人和时间节点。',
          ].join('\n');
          await y.as(at + 3 * 3600_000, 'ledger', () =>
            recordMinutes(deptCtx, id, MinutesRequest.parse({ minutes })),
          );
        }
        break;
      }
    }
  }
}

function symposiumMinutes(
  y: DemoYear,
  spec: DeptSpec,
  dept: Unit,
  cp: Unit,
  at: number,
  items: { title: string; month: number }[],
): string {
  const c = y.clock;
  const p = dept.people;
  const q = cp.people;
  return [
    `${c.year}年度对口联系工作座谈会纪要`,
    '',
    `时间：${c.cn(at)}下午`,
    `地点：${spec.room}`,
    `参加人员：${attendee(dept, p.principal)}、${attendee(dept, p.leader)}、${attendee(dept, p.liaison)}；${attendee(cp, q.principal)}、${attendee(cp, q.leader)}、${attendee(cp, q.liaison)}`,
    `主持：${p.leader.name}`,
    '',
    `一、${dept.name}通报了${c.year - 1}年度对口联系工作开展情况，介绍了${c.year}年${spec.focus}等重点工作安排。`,
    `二、${cp.name}介绍了本年度参政议政重点课题，围绕部门重点工作提出意见建议。`,
    `三、双方研究确定${c.year}年度对口联系工作计划，共${items.length}项：${items.map((i, k) => `（${k + 1}）${i.title}（${i.month}月）`).join('；')}。`,
    '四、双方明确由联络员负责日常联系，重要会议、文件及时互通，重大事项出台前先行协商。',
  ].join('\n');
}
