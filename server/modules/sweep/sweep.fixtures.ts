// What the daily sweep has to remind of, made through the API: an invitation in two days the counterpart has not
// answered (RSVP reminder), last year's plan item of January with nothing linked (plan item overdue) and an open
// 附件2 round due tomorrow (filing due soon). Shared by the sweep's own test and the two-instance test.
import { expect } from 'vitest';
import { addDays, shanghaiDate } from '../../../common/shanghai-time.js';
import type { Client } from '../../test/helper.js';
import { record } from '../ledger/ledger.fixtures.js';

export async function dueForReminders(
  ids: { jiaoyu: number; minmeng: number },
  dept: Client,
  tzb: Client,
  title: string,
): Promise<void> {
  const today = shanghaiDate(new Date().toISOString());
  const year = Number(today.slice(0, 4));
  await record(dept, {
    departmentId: ids.jiaoyu,
    counterpartIds: [ids.minmeng],
    kind: 'invitation',
    direction: 'dept_to_cp',
    subtype: 'meeting',
    title,
    startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
  });
  const plan = await dept.post('/api/v1/plans', {
    departmentId: ids.jiaoyu,
    year: year - 1,
    items: [{ kind: 'notice', title: '抄送年度教育工作要点', targetMonth: 1 }],
  });
  expect(plan.statusCode, plan.body).toBe(200);
  const round = await tzb.post('/api/v1/filing-rounds', { year, deadline: addDays(today, 1) });
  expect(round.statusCode, round.body).toBe(200);
}
