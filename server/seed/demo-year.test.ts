import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ItemListQuery, MatterListQuery } from '../../common/schemas/consultations.js';
import { LEDGER_KINDS, LedgerListQuery } from '../../common/schemas/ledger.js';
import { shanghaiDate } from '../../common/shanghai-time.js';
import type { RequestContext } from '../context.js';
import { verifyAuditChain } from '../modules/audit/index.js';
import { loadActor } from '../modules/auth/index.js';
import { figuresFor, listItems, listMatters } from '../modules/consultations/index.js';
import { dashboard } from '../modules/dashboard/index.js';
import { ledgerSummary } from '../modules/facts/index.js';
import { filingBoard } from '../modules/filings/index.js';
import { listLedger } from '../modules/ledger/index.js';
import { listPlansFor } from '../modules/plans/index.js';
import { buildTestApp, describeEachDialect, orgId, type TestApp } from '../test/helper.js';
import { type DemoResult, seedDemo } from './demo.js';
import { STAMPED } from './demo-year.js';

const PASSWORD = 'Demo-pass-2026';

// The story of the demo year ends in late November (demo-year.ts AS_OF). Run earlier in a year, the generator
// squeezes it into the days passed; these tests pin the clock to the end of the story then, so what they count
// (overdue replies, the filing round's deadline) is the same whenever they run.
function pinClockIfEarly(): void {
  const year = Number(shanghaiDate(new Date().toISOString()).slice(0, 4));
  if (Date.now() < Date.parse(`${year}-11-26T18:30:00+08:00`)) {
    vi.useFakeTimers({
      toFake: ['Date'],
      now: Date.parse(`${year}-11-27T10:00:00+08:00`),
      shouldAdvanceTime: true,
    });
  }
}

async function as(t: TestApp, username: string): Promise<RequestContext> {
  const user = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(t.db, user.id);
  if (!actor) throw new Error(username);
  return { db: t.db, actor, ip: null, lang: 'zh-CN' };
}

async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of [...Object.keys(STAMPED), 'audit_log', 'users'] as (keyof typeof STAMPED)[]) {
    const row = await t.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

describeEachDialect('liaison seed-demo: a year of liaison records', (dialect) => {
  let t: TestApp;
  let result: DemoResult;
  let started: string;
  let year: number;
  let tzb: RequestContext;

  beforeAll(async () => {
    pinClockIfEarly();
    t = await buildTestApp(dialect);
    started = new Date().toISOString();
    const t0 = performance.now();
    result = await seedDemo(t.db, PASSWORD);
    const ms = Math.round(performance.now() - t0);
    year = result.year.year;
    tzb = await as(t, 'tzb');
    console.log(`[${dialect}] seedDemo: ${ms} ms, of which the demo year ${result.year.ms} ms`);
  }, 180_000);

  afterAll(async () => {
    vi.useRealTimers();
    await t?.close();
  });

  it('writes the current year, not squeezed', () => {
    expect(year).toBe(Number(shanghaiDate(new Date().toISOString()).slice(0, 4)));
    expect(result.year.skipped).toBe(false);
    expect(result.year.compressed).toBe(false);
    expect(result.created).toContain('weijian');
  });

  it('names 统战部 and 区府办 accounts as their staff, never 联络员; a unit’s account is its 联络员', async () => {
    const users = await t.db.selectFrom('users').select(['username', 'role', 'display_name']).execute();
    const name = (username: string) => users.find((u) => u.username === username)?.display_name;
    expect(name('tzb')).toBe('区委统战部工作人员');
    expect(name('qfb')).toBe('区府办工作人员');
    expect(name('weijian')).toBe('区卫生健康局联络员');
    expect(name('minge')).toBe('民革奉化区委会联络员');
    const oversight = users.filter((u) => u.role === 'tzb' || u.role === 'qfb');
    expect(oversight.length).toBeGreaterThanOrEqual(2);
    expect(oversight.filter((u) => u.display_name.includes('联络员'))).toEqual([]);
  });

  it('gives every pair of the year a record, except the department that did nothing', async () => {
    const idle = await orgId(t.db, result.year.idleDepartment);
    expect(result.year.idleDepartment).toBe('区发改局');
    const pairs = await t.db
      .selectFrom('pairings')
      .select(['department_id', 'counterpart_id'])
      .where('valid_from', '<=', year)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', year)]))
      .execute();
    expect(pairs).toHaveLength(26);
    const summary = await ledgerSummary(tzb, year);
    const counted = new Map(
      summary.pairs.map((p) => [
        `${p.department.id}:${p.counterpart.id}`,
        p.invitationsDeptToCp + p.invitationsCpToDept + p.notices + p.research + p.services + p.symposia,
      ]),
    );
    for (const p of pairs) {
      const n = counted.get(`${p.department_id}:${p.counterpart_id}`) ?? 0;
      if (p.department_id === idle) expect(n).toBe(0);
      else expect(n, `pair ${p.department_id}:${p.counterpart_id}`).toBeGreaterThan(0);
    }
    // plans of 4–6 items, agreed at the spring symposium; a few items overdue, the idle department has none
    const plans = (await listPlansFor(tzb, { year })).items;
    expect(plans).toHaveLength(result.year.ledger.plans);
    expect(plans.some((p) => p.department.id === idle)).toBe(false);
    for (const p of plans) expect(p.items.length, p.department.name).toBeGreaterThanOrEqual(4);
    for (const p of plans) expect(p.items.length, p.department.name).toBeLessThanOrEqual(6);
    const overdue = plans.reduce((n, p) => n + p.counts.overdue, 0);
    expect(overdue).toBeGreaterThanOrEqual(3);
    // the dashboard has red: the idle department's missing plan among it
    const board = await dashboard(tzb, { year });
    const idleRow = board.units.find((u) => u.organisation.id === idle);
    expect(idleRow?.cells.plan.state).toBe('bad');
    expect(board.totals.consultation.bad).toBe(1);
  });

  it('gives 区卫生健康局 every kind of record and a consultation with suggestions and replies', async () => {
    const weijian = await as(t, 'weijian');
    const records = (
      await listLedger(weijian, LedgerListQuery.parse({ year, departmentId: weijian.actor.organisationId }))
    ).items;
    for (const kind of LEDGER_KINDS)
      expect(
        records.some((r) => r.kind === kind),
        kind,
      ).toBe(true);
    expect(records.some((r) => r.direction === 'dept_to_cp')).toBe(true);
    expect(records.some((r) => r.direction === 'cp_to_dept')).toBe(true);
    expect(records.some((r) => r.kind === 'symposium' && r.symposium?.minutes)).toBe(true);
    expect(records.some((r) => r.research?.adoption === 'adopted')).toBe(true);
    const matters = (await listMatters(weijian, MatterListQuery.parse({ year }))).items;
    expect(matters.length).toBeGreaterThanOrEqual(1);
    expect(matters[0]?.itemCounts.total).toBeGreaterThanOrEqual(2);
    const figures = await figuresFor(weijian, { year });
    expect(figures.totals.replied).toBeGreaterThanOrEqual(3);
    expect(figures.totals.satisfaction.not_satisfied).toBe(0); // re-handled, then satisfied
  });

  it('fills the filing board as generated: most filed, two returned, two late, one never started', async () => {
    const round = await t.db
      .selectFrom('filing_rounds')
      .select(['id', 'deadline', 'status'])
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    expect(round.deadline).toBe(`${year}-06-05`);
    const board = await filingBoard(tzb, round.id);
    const f = result.year.filing;
    expect(board.total).toBe(31);
    expect(f).toMatchObject({
      units: 31,
      filed: 30,
      returnedThenFiled: 2,
      submittedLate: 2,
      notStarted: ['区税务局'],
    });
    expect(board.filed).toBe(f.filed);
    expect(new Set(board.units.filter((u) => u.submittedLate).map((u) => u.organisation.name))).toEqual(
      new Set(['区综合执法局', '区统计局']),
    );
    // not started after the deadline: shown as late
    expect(board.late.map((u) => u.name)).toEqual(f.notStarted);
    const returned = await t.db
      .selectFrom('filing_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'returned')
      .executeTakeFirstOrThrow();
    expect(Number(returned.n)).toBe(f.returnedThenFiled);
    expect(board.changedSinceFiling.map((u) => u.name)).toEqual(['区教育局']);
    expect(round.status).toBe('closed');
  });

  it('has exactly one 先协商后决策 violation, replies of every class, and overdue suggestions', async () => {
    const violations = await listMatters(tzb, MatterListQuery.parse({ year, violation: '1' }));
    expect(violations.total).toBe(1);
    expect(violations.items[0]?.department.name).toBe('区交通局');
    const all = await listMatters(tzb, MatterListQuery.parse({ year }));
    expect(all.total).toBeGreaterThanOrEqual(8);
    expect(all.total).toBeLessThanOrEqual(12);
    const overdue = await listItems(tzb, ItemListQuery.parse({ status: 'overdue' }));
    expect(overdue.total).toBeGreaterThanOrEqual(1);
    const figures = await figuresFor(tzb, { year });
    for (const c of ['adopted', 'partly_adopted', 'not_adopted', 'for_reference'] as const) {
      expect(figures.totals.adoption[c], c).toBeGreaterThan(0);
    }
    expect(figures.totals.repliedOnTime).toBeLessThan(figures.totals.replied); // some came late
    expect(figures.totals.repliedOnTime).toBeGreaterThan(figures.totals.replied / 2); // most on time
    const verdicts = await t.db
      .selectFrom('consultation_replies')
      .select(['verdict'])
      .where('verdict', 'is not', null)
      .execute();
    expect(verdicts.filter((v) => v.verdict === 'not_satisfied')).toHaveLength(1);
    expect(verdicts.filter((v) => v.verdict === 'satisfied').length).toBeGreaterThan(verdicts.length / 2);
  });

  it('backdates every stamp it wrote; only the audit trail says when the data was entered', async () => {
    for (const [table, columns] of Object.entries(STAMPED)) {
      for (const column of columns as readonly string[]) {
        const row = await t.db
          .selectFrom(table as keyof typeof STAMPED)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(column as never, '>=', started as never)
          .executeTakeFirstOrThrow();
        expect(Number(row.n), `${table}.${column}`).toBe(0);
      }
    }
    const audit = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.min('at').as('first'))
      .where('action', '=', 'ledger.create')
      .executeTakeFirstOrThrow();
    expect(String(audit.first) >= started).toBe(true);
  });

  it('creates nothing the second time', async () => {
    const before = await rowCounts(t);
    const again = await seedDemo(t.db, PASSWORD);
    expect(again.created).toEqual([]);
    expect(again.year.skipped).toBe(true);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('leaves an audit trail that verifies', async () => {
    const verified = await verifyAuditChain(t.db);
    expect(verified).toMatchObject({ ok: true, firstBadId: null });
    expect(verified.checked).toBeGreaterThan(500);
  });
});

describe('the demo year outside late November', () => {
  it('is refused for a year other than the current one', async () => {
    const { seedDemoYear } = await import('./demo-year.js');
    const year = Number(shanghaiDate(new Date().toISOString()).slice(0, 4));
    await expect(seedDemoYear({} as never, year - 1)).rejects.toThrow(/current year/);
  });
});
