import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { AuditAction } from '../../../common/audit-actions.js';
import { connect } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Database, Region } from '../../db/schema.js';
import { loadSeedPairingList } from '../../seed/bootstrap.js';
import { runCli } from '../../test/cli.js';
import { createTestDatabase } from '../../test/database.js';
import { makeOtherDistrict, seedDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  makeUser,
  type TestApp,
} from '../../test/helper.js';
import { liftTriggers, restoreTriggers } from '../../test/tamper.js';
import { verifyAuditChain } from './audit.verify.js';
import { appendAuditAlone } from './audit.writer.js';

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const HEADER = [
  '序号',
  '时间',
  '操作人',
  'IP',
  '操作',
  '操作代码',
  '对象类型',
  '对象',
  '结果',
  '说明',
  '变更前',
  '变更后',
];

async function auditCount(db: Kysely<Database>, below?: number): Promise<number> {
  let query = db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'));
  if (below !== undefined) query = query.where('id', '<', below);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

function readXlsx(payload: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  return wb.xlsx
    .load(payload.buffer.slice(payload.byteOffset, payload.byteOffset + payload.byteLength) as ArrayBuffer)
    .then(() => wb);
}

interface Entry {
  id: number;
  at: string;
  action: string;
  entityId: string | null;
  outcome: string;
}

describeEachDialect('audit (审计管理员)', (dialect) => {
  let t: TestApp;
  let auditor: Client;
  let district: Region;
  let clerk: { id: number; username: string };

  /** Entries written on past days (the clock is moved back while they are written). */
  async function writeAt(
    iso: string,
    action: AuditAction,
    outcome: 'ok' | 'denied' | 'failed',
    regionId: number,
  ) {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(iso));
    try {
      await appendAuditAlone(
        t.db,
        { actor: { userId: clerk.id, username: clerk.username, regionId }, ip: '10.0.0.7' },
        { action, entityType: 'filing', entityId: 7, outcome, after: { year: 2025 } },
      );
    } finally {
      vi.useRealTimers();
    }
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    auditor = await loginAs(t, 'auditadmin', '区委统战部');
    district = await seedDistrict(t.db);
    const username = await makeUser(t.db, 'tzb', '区委统战部');
    const row = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    clerk = { id: row.id, username };
    const other = await makeOtherDistrict(t.db);
    await writeAt('2025-03-10T02:00:00.000Z', 'filing.submit', 'ok', district.id);
    await writeAt('2025-03-10T04:00:00.000Z', 'filing.submit', 'ok', district.id);
    await writeAt('2025-03-12T04:00:00.000Z', 'filing.return', 'ok', district.id);
    await writeAt('2025-03-12T05:00:00.000Z', 'filing.submit', 'denied', district.id);
    await writeAt('2025-03-14T04:00:00.000Z', 'filing.submit', 'failed', district.id);
    // another district's entry: never part of this audit admin's view
    await writeAt('2025-03-12T06:00:00.000Z', 'filing.submit', 'ok', other.region.id);
  });
  afterAll(async () => t.close());

  const list = async (query: string) => {
    const res = await auditor.get(`/api/v1/audit?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Entry[]; total: number; page: number; pageSize: number };
  };

  it('filters by action prefix, outcome, actor and date range, within its region', async () => {
    const filing = await list('action=filing.');
    expect(filing.total).toBe(5);
    expect(filing.items.map((e) => e.at)).toEqual([
      '2025-03-14T04:00:00.000Z',
      '2025-03-12T05:00:00.000Z',
      '2025-03-12T04:00:00.000Z',
      '2025-03-10T04:00:00.000Z',
      '2025-03-10T02:00:00.000Z',
    ]);
    expect(filing.items[0]).toEqual({
      id: expect.any(Number),
      at: '2025-03-14T04:00:00.000Z',
      actor: clerk.username,
      ip: '10.0.0.7',
      action: 'filing.submit',
      entityType: 'filing',
      entityId: '7',
      outcome: 'failed',
      before: null,
      after: { year: 2025 },
      detail: null,
    });
    expect((await list('action=filing.submit')).total).toBe(4);
    expect((await list('action=filing.re')).items.map((e) => e.action)).toEqual(['filing.return']);
    expect((await list('action=filing.&outcome=denied')).items.map((e) => e.at)).toEqual([
      '2025-03-12T05:00:00.000Z',
    ]);
    expect((await list('action=filing.&outcome=failed')).total).toBe(1);
    expect((await list(`actor=${clerk.username}`)).total).toBe(5);
    expect((await list('actor=nobody-at-all')).total).toBe(0);
    // a date range includes the whole of its last day
    expect((await list('from=2025-03-10&to=2025-03-11')).items.map((e) => e.at)).toEqual([
      '2025-03-10T04:00:00.000Z',
      '2025-03-10T02:00:00.000Z',
    ]);
    expect((await list('from=2025-03-12&to=2025-03-12')).total).toBe(2);
    expect((await list('action=filing.&from=2025-03-13')).total).toBe(1);
    expect((await list('action=filing.&to=2025-03-12')).total).toBe(4);
    // the seed's own entries, counted the same way the database counts them
    const seeded = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', 'like', 'organisation.%')
      .where('region_id', '=', district.id)
      .executeTakeFirstOrThrow();
    expect((await list('action=organisation.')).total).toBe(Number(seeded.n));
    expect(Number(seeded.n)).toBe(33);

    const bad = await auditor.get('/api/v1/audit?outcome=maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('pages with the right total: each entry exactly once, newest first', async () => {
    const pages = [
      await list('action=filing.&pageSize=2&page=1'),
      await list('action=filing.&pageSize=2&page=2'),
    ];
    pages.push(await list('action=filing.&pageSize=2&page=3'));
    expect(pages.map((p) => [p.total, p.page, p.pageSize, p.items.length])).toEqual([
      [5, 1, 2, 2],
      [5, 2, 2, 2],
      [5, 3, 2, 1],
    ]);
    const ids = pages.flatMap((p) => p.items.map((e) => e.id));
    expect(ids).toEqual((await list('action=filing.')).items.map((e) => e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const beyond = await list('action=filing.&pageSize=2&page=4');
    expect([beyond.total, beyond.items]).toEqual([5, []]);
    const all = await list('');
    expect(all.pageSize).toBe(50);
    expect(all.items).toHaveLength(50);
    expect(all.total).toBeGreaterThan(50);
  });

  it('exports the filtered log as .xlsx (header row, one row per entry), and the export is itself audited', async () => {
    const res = await auditor.get('/api/v1/audit/export.xlsx?action=filing.');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('审计日志-')}`,
    );
    const sheet = (await readXlsx(res.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.name).toBe('审计日志');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.rowCount).toBe(1 + 5);
    const filing = await list('action=filing.');
    const exportedIds = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(1).value);
    expect(exportedIds).toEqual(filing.items.map((e) => e.id));
    // the action in words, its code beside it; the entity type and the outcome in words
    expect(sheet.getRow(2).getCell(5).value).toBe('报送登记表');
    expect(sheet.getRow(2).getCell(6).value).toBe('filing.submit');
    const words: Record<string, string> = { ok: '成功', denied: '拒绝', failed: '失败' };
    expect(sheet.getRow(2).getCell(9).value).toBe(words[String(filing.items[0]?.outcome)]);

    const logged = await list(`action=audit.export&actor=${auditor.username}`);
    expect(logged.items).toEqual([
      expect.objectContaining({
        actor: auditor.username,
        action: 'audit.export',
        entityType: 'audit_log',
        outcome: 'ok',
        detail: '5 rows; {"action":"filing."}',
      }),
    ]);

    // unfiltered: as many rows as the list's total at that moment
    const total = (await list('')).total;
    const everything = await auditor.get('/api/v1/audit/export.xlsx');
    const full = (await readXlsx(everything.rawPayload)).worksheets[0] as ExcelJS.Worksheet;
    expect(full.rowCount).toBe(1 + total);
    expect((await list('action=audit.export')).total).toBe(2);
  });

  it('keeps the audit admin out of business records, accounts and settings (403)', async () => {
    const refused = [
      await auditor.get('/api/v1/pairings?year=2019'),
      await auditor.get('/api/v1/organisations'),
      await auditor.get('/api/v1/documents/pairing-list.docx?year=2019'),
      await auditor.get('/api/v1/users'),
      await auditor.post('/api/v1/users', {}),
      await auditor.get('/api/v1/settings/security'),
      await auditor.put('/api/v1/settings/security', {}),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual(FORBIDDEN);
    }
    // and the refusals are on the record it can read
    const denied = await list(`action=access.denied&actor=${auditor.username}`);
    expect(denied.items.map((e) => e.entityId)).toContain('GET /api/v1/pairings');
    expect(denied.items.every((e) => e.outcome === 'denied')).toBe(true);
  });

  it('cannot be changed or deleted: the database itself refuses UPDATE and DELETE on audit_log', async () => {
    const before = await auditCount(t.db);
    const first = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(
      t.db.updateTable('audit_log').set({ detail: 'rewritten' }).where('id', '=', first.id).execute(),
    ).rejects.toThrow(/audit_log is append-only/);
    await expect(t.db.deleteFrom('audit_log').where('id', '=', first.id).execute()).rejects.toThrow(
      /audit_log is append-only/,
    );
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/audit_log is append-only/);
    // PostgreSQL's TRUNCATE bypasses row triggers: a statement trigger refuses it too.
    if (dialect === 'postgres') {
      await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/audit_log is append-only/);
    }
    expect(await auditCount(t.db)).toBe(before);
    expect(
      await t.db.selectFrom('audit_log').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow(),
    ).toEqual(first);
  });

  it('verifies the hash chain, and names the first altered entry after a change or a deletion', async () => {
    const total = await auditCount(t.db);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: true,
      checked: total,
      firstBadId: null,
      reason: null,
    });
    // small pages walk the same chain
    expect(await verifyAuditChain(t.db, 7)).toEqual({
      ok: true,
      checked: total,
      firstBadId: null,
      reason: null,
    });

    const ids = (await t.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
    const victim = ids[20] as number;
    const original = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '=', victim)
      .executeTakeFirstOrThrow();
    await liftTriggers(t.db, dialect);
    try {
      await t.db.updateTable('audit_log').set({ outcome: 'denied' }).where('id', '=', victim).execute();
      expect(await verifyAuditChain(t.db, 7)).toEqual({
        ok: false,
        checked: await auditCount(t.db, victim),
        firstBadId: victim,
        reason: 'content does not match its hash',
      });
      // put it back: the chain is whole again
      await t.db
        .updateTable('audit_log')
        .set({ outcome: original.outcome })
        .where('id', '=', victim)
        .execute();
      expect((await verifyAuditChain(t.db)).ok).toBe(true);

      // a deleted entry breaks the link of the one after it
      const removed = ids[30] as number;
      await t.db.deleteFrom('audit_log').where('id', '=', removed).execute();
      expect(await verifyAuditChain(t.db)).toEqual({
        ok: false,
        checked: await auditCount(t.db, removed),
        firstBadId: ids[31],
        reason: 'prev_hash does not link to the entry before',
      });
    } finally {
      await restoreTriggers(t.db, dialect);
    }
    await expect(
      t.db.updateTable('audit_log').set({ detail: 'x' }).where('id', '=', victim).execute(),
    ).rejects.toThrow(/append-only/);
  });
});

describeEachDialect('liaison audit verify (CLI)', (dialect) => {
  let dir: string;
  let url: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-audit-'));
    const created = await createTestDatabase(dialect, join(dir, 'x.db'));
    url = created.url;
    drop = created.drop;
    const handle = connect(url);
    try {
      await migrateToLatest(handle.db);
      await loadSeedPairingList(handle.db);
    } finally {
      await handle.close();
    }
  });
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 on an intact trail and 1 naming the entry once one is altered', {
    timeout: 120_000,
  }, async () => {
    const handle = connect(url);
    let total: number;
    let victim: number;
    try {
      total = await auditCount(handle.db);
      const ids = (await handle.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map(
        (r) => r.id,
      );
      victim = ids[12] as number;
    } finally {
      await handle.close();
    }
    const intact = await runCli(['audit', 'verify'], url);
    expect(intact.code).toBe(0);
    expect(intact.stderr).toBe('');
    expect(intact.stdout.startsWith(`audit trail intact: ${total} entries\n`)).toBe(true);

    const tamper = connect(url);
    let before: number;
    try {
      await liftTriggers(tamper.db, dialect);
      await tamper.db
        .updateTable('audit_log')
        .set({ detail: '奉政发〔2019〕48号' })
        .where('id', '=', victim)
        .execute();
      await restoreTriggers(tamper.db, dialect);
      before = await auditCount(tamper.db, victim);
    } finally {
      await tamper.close();
    }
    const altered = await runCli(['audit', 'verify'], url);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toBe('');
    expect(altered.stderr).toBe(
      `audit trail ALTERED at entry ${victim}: content does not match its hash (${before} entries before it are intact)\n`,
    );
  });
});
