// In the `docs` suite (external tools): the feed is checked with Python's icalendar from Debian
// (python3-icalendar), which `npm test` on a bare machine does not have. CI runs it on both engines.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, monthEnd, shanghaiDate } from '../../../common/shanghai-time.js';
import { buildTestApp, describeEachDialect, type TestApp } from '../../test/helper.js';
import { daysFromNow, type LedgerCast, ledgerCast, record } from '../ledger/ledger.fixtures.js';
import { foldLine, renderIcs } from './ics.js';

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  location: string | null;
}

/** Parse an .ics with Python's icalendar (a real, independent RFC 5545 parser). */
function parseIcs(ics: string): { name: string; events: ParsedEvent[] } {
  const script = [
    'import sys, json, icalendar',
    'cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read().decode("utf-8"))',
    'evs = [{"uid": str(e.get("uid")), "summary": str(e.get("summary")),',
    '        "start": e.decoded("dtstart").isoformat(),',
    '        "location": str(e.get("location")) if e.get("location") is not None else None}',
    '       for e in cal.walk("VEVENT")]',
    'print(json.dumps({"name": str(cal.get("x-wr-calname")), "events": evs}, ensure_ascii=False))',
  ].join('\n');
  const out = spawnSync('/usr/bin/python3', ['-c', script], { input: ics, encoding: 'utf-8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return JSON.parse(out.stdout);
}

describeEachDialect('calendar', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  const today = shanghaiDate(new Date().toISOString());
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const meetingAt = daysFromNow(3);
  const longTitle =
    '关于“十五五”教育发展规划, 征求意见; 座谈\\会（第一次）——请各民主党派、工商联和无党派人士代表出席并发言';
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    const pair = { departmentId: c.ids.jiaoyu, counterpartIds: [c.ids.minmeng] };
    await record(c.dept, {
      ...pair,
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'meeting',
      title: longTitle,
      startsAt: meetingAt,
      place: '区行政中心1号楼, 3楼',
    });
    await record(c.cp, {
      ...pair,
      kind: 'symposium',
      title: '对口联系工作座谈会',
      startsAt: daysFromNow(20),
    });
    await record(c.dept, {
      ...pair,
      kind: 'service',
      subtype: 'medical',
      title: '不在日历中的义诊',
      startsAt: daysFromNow(4),
    });
    const plan = await c.dept.post('/api/v1/plans', {
      departmentId: c.ids.jiaoyu,
      year,
      items: [{ kind: 'research', title: '完成联合调研', targetMonth: month }],
    });
    expect(plan.statusCode).toBe(200);
    // another pair's meeting, which 民盟 must not see
    await record(c.otherDept, {
      departmentId: c.ids.gongan,
      counterpartIds: [c.ids.minge],
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'meeting',
      title: '公安分局的会议',
      startsAt: daysFromNow(3),
    });
  });
  afterAll(async () => t.close());

  it('lists the user’s meetings, symposia and plan deadlines as JSON', async () => {
    const res = await c.cp.get(`/api/v1/calendar?from=${addDays(today, -1)}&to=${addDays(today, 60)}`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { type: string; title: string; start: string; allDay: boolean }[];
    expect(items.map((e) => [e.type, e.title]).sort()).toEqual(
      [
        ['invitation', longTitle],
        ['symposium', '对口联系工作座谈会'],
        ['plan_deadline', '计划截止：完成联合调研'],
      ].sort(),
    );
    expect(items.find((e) => e.type === 'plan_deadline')).toMatchObject({
      start: monthEnd(year, month),
      allDay: true,
    });
    expect(items.find((e) => e.type === 'invitation')?.start).toBe(meetingAt);
    const bad = await c.cp.get(`/api/v1/calendar?from=${today}&to=${addDays(today, -1)}`);
    expect(bad.statusCode).toBe(400);
    const admin = await c.tzb.get(`/api/v1/calendar?from=${today}&to=${addDays(today, 30)}`);
    expect(admin.json().items.map((e: { title: string }) => e.title)).toContain('公安分局的会议');
  });

  it('serves an iCal feed at a secret URL that a real parser reads; a wrong or replaced token is 404', async () => {
    const tokenRes = await c.cp.post('/api/v1/calendar/feed-token');
    expect(tokenRes.statusCode).toBe(200);
    const { url, path } = tokenRes.json();
    expect(path).toMatch(/^\/api\/v1\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(url.endsWith(path)).toBe(true);
    const stored = await t.db.selectFrom('calendar_feed_tokens').select('token_hash').execute();
    expect(stored).toHaveLength(1);
    expect(path).not.toContain(stored[0]?.token_hash);

    // no cookie: a calendar app fetches it
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = feed.body;
    expect(body.endsWith('\r\n')).toBe(true);
    for (const line of body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(body).toContain('\r\n '); // the long title is folded
    const parsed = parseIcs(body);
    expect(parsed.name).toBe('对口联系 — 民盟奉化支部');
    const bySummary = Object.fromEntries(parsed.events.map((e) => [e.summary, e]));
    expect(Object.keys(bySummary).sort()).toEqual(
      [longTitle, '对口联系工作座谈会', '计划截止：完成联合调研'].sort(),
    );
    expect(new Date(bySummary[longTitle]?.start ?? '').toISOString()).toBe(meetingAt);
    expect(bySummary[longTitle]?.location).toBe('区行政中心1号楼, 3楼');
    expect(bySummary['计划截止：完成联合调研']?.start).toBe(monthEnd(year, month));

    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/calendar/feed/not-the-right-token-at-all-xxxxxxxxxxxxxxx.ics',
        })
      ).statusCode,
    ).toBe(404);
    const reset = (await c.cp.post('/api/v1/calendar/feed-token')).json();
    expect(reset.path).not.toBe(path);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: reset.path })).statusCode).toBe(200);
  });

  it('writes RFC 5545 text: escapes , ; \\ and newlines, folds without splitting a character', () => {
    const ics = renderIcs('测试', [
      {
        uid: 'x@liaison',
        start: '2026-03-02T01:00:00.000Z',
        end: null,
        allDay: false,
        summary: 'a,b;c\\d\ne',
        location: null,
        description: null,
        stamp: '2026-01-01T00:00:00.000Z',
      },
    ]);
    expect(ics).toContain('SUMMARY:a\\,b\\;c\\\\d\\ne\r\n');
    expect(ics).toContain('DTSTART:20260302T010000Z\r\n');
    expect(ics).toContain('DTSTAMP:20260101T000000Z\r\n');
    const folded = foldLine(`SUMMARY:${'汉'.repeat(40)}`);
    const lines = folded.split('\r\n ');
    expect(lines.join('')).toBe(`SUMMARY:${'汉'.repeat(40)}`);
    for (const [i, l] of lines.entries()) {
      expect(Buffer.byteLength(l) + (i ? 1 : 0)).toBeLessThanOrEqual(75);
    }
    expect(parseIcs(ics).events[0]?.summary).toBe('a,b;c\\d\ne');
  });
});
