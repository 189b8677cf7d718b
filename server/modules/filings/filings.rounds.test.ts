// The round lifecycle: 统战部 opens one round per region and year; who may open one and who sees it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Client, describeEachDialect, loginAs, type TestApp } from '../../test/helper.js';
import { type FilingsCast, FORBIDDEN, filingsCast } from './filings.fixtures.js';

describeEachDialect('filings: rounds', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let other: FilingsCast['other'];
  let deadline: string;
  let year: number;
  let roundId: number;

  beforeAll(async () => {
    ({ t, tzb, other, deadline, year } = await filingsCast(dialect, { round: false }));
  });
  afterAll(async () => t.close());

  it('opens a round with the seed form’s defaults; one open round per region and year; only 统战部', async () => {
    const res = await tzb.post('/api/v1/filing-rounds', { year, deadline });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      year,
      deadline,
      recipient: '区委统战部党派干部科',
      contactPerson: '邬锡明',
      contactPhone: '89294017',
      fax: '88522300',
      status: 'open',
      openedBy: tzb.username,
      closedAt: null,
    });
    roundId = res.json().id;

    const again = await tzb.post('/api/v1/filing-rounds', { year, deadline });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('FILING_ROUND_OPEN');
    // a deadline already past (everyone late the moment it opens) or years ahead is refused
    for (const [date, code] of [
      ['2020-01-01', 'DEADLINE_IN_PAST'],
      [`${year + 10}-06-05`, 'DEADLINE_TOO_FAR'],
    ] as const) {
      const refused = await tzb.post('/api/v1/filing-rounds', { year: year + 1, deadline: date });
      expect(refused.statusCode, date).toBe(400);
      expect(refused.json().error.code).toBe(code);
      const moved = await tzb.patch(`/api/v1/filing-rounds/${roundId}`, { deadline: date });
      expect(moved.json().error?.code, date).toBe(code);
    }
    expect((await tzb.get(`/api/v1/filing-rounds/${roundId}`)).json().deadline).toBe(deadline);
    const badDate = await tzb.post('/api/v1/filing-rounds', { year: 2031, deadline: '2031-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details).toMatchObject([{ field: 'deadline', label: '截止日期' }]);

    const dept = await loginAs(t, 'department', '区教育局');
    const byDept = await dept.post('/api/v1/filing-rounds', { year: 2032, deadline: '2032-06-05' });
    expect(byDept.statusCode).toBe(403);
    expect(byDept.json()).toEqual(FORBIDDEN);
    const mine = (await dept.get('/api/v1/filing-rounds')).json();
    expect(mine.abilities).toEqual({ canManage: false });
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: roundId,
        mine: { status: 'not_started', formStatus: 'not_started', submittedLate: false },
      }),
    ]);
    expect((await tzb.get('/api/v1/filing-rounds')).json().items[0].mine).toBeNull();

    const otherTzb = await loginAs(t, 'tzb', other.oversight.id);
    expect((await otherTzb.get(`/api/v1/filing-rounds/${roundId}`)).statusCode).toBe(404);
    expect((await otherTzb.get('/api/v1/filing-rounds')).json().items).toEqual([]);
  });

  it('asks before a second round of a year opens beside a closed one', async () => {
    const closed = await tzb.post(`/api/v1/filing-rounds/${roundId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    const asked = await tzb.post('/api/v1/filing-rounds', { year, deadline });
    expect(asked.statusCode).toBe(409);
    expect(asked.json().error.code).toBe('FILING_ROUND_EXISTS');
    expect(asked.json().error.message).toContain(`${year}年已有一轮登记报送（已结束）`);
    expect((await tzb.get('/api/v1/filing-rounds')).json().items).toHaveLength(1);
    const confirmed = await tzb.post('/api/v1/filing-rounds', { year, deadline, confirmAnother: true });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await tzb.get('/api/v1/filing-rounds')).json().items).toHaveLength(2);
  });
});
