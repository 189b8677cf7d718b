// Time is part of the fact: attendance is recorded once an event has begun, never for one still ahead.
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/helper.js';
import { daysFromNow, ledgerWorld, record } from './ledger.fixtures.js';

describeEachDialect('ledger: an event still ahead', (dialect) => {
  const w = ledgerWorld(dialect);

  it('refuses attendance before the event has started (409)', async () => {
    const inv = await record(w.c.dept, {
      ...w.pair,
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'meeting',
      title: '年度工作会议',
      startsAt: daysFromNow(5),
    });
    expect(inv.abilities.canRecordAttendance).toBe(false);
    const res = await w.c.dept.post(`/api/v1/ledger/${inv.id}/attendance`, {
      attendance: [{ organisationId: w.c.ids.minmeng, attended: true }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EVENT_NOT_STARTED');
  });
});
