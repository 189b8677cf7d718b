// Time is part of the fact: attendance is recorded once an event has begun, never for one still ahead.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, describeEachDialect, type TestApp } from '../../test/helper.js';
import { daysFromNow, type LedgerCast, ledgerCast, record } from './ledger.fixtures.js';

describeEachDialect('ledger: an event still ahead', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  let pair: { departmentId: number; counterpartIds: number[] };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    pair = { departmentId: c.ids.jiaoyu, counterpartIds: [c.ids.minmeng] };
  });
  afterAll(async () => t.close());

  it('refuses attendance before the event has started (409)', async () => {
    const inv = await record(c.dept, {
      ...pair,
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'meeting',
      title: '年度工作会议',
      startsAt: daysFromNow(5),
    });
    expect(inv.abilities.canRecordAttendance).toBe(false);
    const res = await c.dept.post(`/api/v1/ledger/${inv.id}/attendance`, {
      attendance: [{ organisationId: c.ids.minmeng, attended: true }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EVENT_NOT_STARTED');
  });
});
