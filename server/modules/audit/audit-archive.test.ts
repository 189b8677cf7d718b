// 安全审计 (GB/T 22239-2019 8.1.4.3 d: records kept ≥ 6 months, protected from deletion) / ASVS V7:
// `liaison audit archive` is the one way entries leave the trail — old enough, written out with their hashes
// first, recorded, and the chain still verifies afterwards.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { loadSeedPairingList } from '../../seed/bootstrap.js';
import { runCli } from '../../test/cli.js';
import { buildTestApp, describeEachDialect, type TestApp } from '../../test/helper.js';
import { AUDIT_RETENTION_DAYS, archiveAudit, verifyArchiveFile } from './audit.archive.js';
import { archiveAnchor, verifyAuditChain } from './audit.verify.js';
import { appendAuditAlone } from './audit.writer.js';

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describeEachDialect('audit archive', (dialect) => {
  let t: TestApp;
  let dir: string;
  let oldCount: number;
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-archive-'));
    // old entries first (a year and more ago), then the seed's entries of today
    t = await buildTestApp(dialect, { seed: false });
    const now = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (let i = 0; i < 12; i++) {
        vi.setSystemTime(new Date(now - (400 - i * 10) * DAY));
        await appendAuditAlone(
          t.db,
          { actor: { userId: 1, username: 'clerk' }, ip: '10.0.0.1' },
          { action: 'filing.submit', entityType: 'filing', entityId: i, after: { i, text: '附件2 报送' } },
        );
      }
    } finally {
      vi.useRealTimers();
    }
    oldCount = await count();
    await loadSeedPairingList(t.db);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`refuses to archive entries younger than ${AUDIT_RETENTION_DAYS} days`, async () => {
    const before = await count();
    await expect(
      archiveAudit(
        t.db,
        { actor: null, ip: null },
        { before: isoDate(Date.now() - 100 * DAY), out: join(dir, 'x.jsonl') },
      ),
    ).rejects.toThrow(/kept at least 180 days/);
    await expect(
      archiveAudit(
        t.db,
        { actor: null, ip: null },
        { before: isoDate(Date.now() - 178 * DAY), out: join(dir, 'y.jsonl') },
      ),
    ).rejects.toThrow(/kept at least 180 days/);
    expect(await count()).toBe(before);
  });

  it('writes old entries with their hashes to a file, records it, removes them; the chain still verifies', async () => {
    const total = await count();
    const out = join(dir, 'archive-1.jsonl');
    const before = isoDate(Date.now() - 200 * DAY);
    const summary = await archiveAudit(t.db, { actor: null, ip: '127.0.0.1' }, { before, out });
    expect(summary.count).toBe(oldCount);
    const file = readFileSync(out);
    expect(createHash('sha256').update(file).digest('hex')).toBe(summary.sha256);
    const lines = file
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(oldCount);
    expect(lines.every((e) => /^[0-9a-f]{64}$/.test(e.hash) && e.at < before)).toBe(true);
    expect(lines.at(-1).hash).toBe(summary.lastHash);

    // the archive entry: on the trail, with the file's sha256 and count, and the anchor verify starts from
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'audit.archive')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.after_json ?? '{}')).toEqual({
      before,
      file: 'archive-1.jsonl',
      sha256: summary.sha256,
      count: oldCount,
      firstId: summary.firstId,
      lastId: summary.lastId,
      lastHash: summary.lastHash,
    });
    expect(await archiveAnchor(t.db)).toEqual({ lastId: summary.lastId, lastHash: summary.lastHash });
    expect(await count()).toBe(total - oldCount + 1);
    expect(await verifyAuditChain(t.db)).toEqual({
      ok: true,
      checked: total - oldCount + 1,
      firstBadId: null,
      reason: null,
    });
    expect(await verifyArchiveFile(out)).toMatchObject({
      ok: true,
      count: oldCount,
      sha256: summary.sha256,
      lastHash: summary.lastHash,
    });

    // the trigger still refuses any other DELETE, and UPDATE
    const first = await t.db.selectFrom('audit_log').select('id').orderBy('id').executeTakeFirstOrThrow();
    await expect(t.db.deleteFrom('audit_log').where('id', '=', first.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      t.db.updateTable('audit_log').set({ detail: 'x' }).where('id', '=', first.id).execute(),
    ).rejects.toThrow(/append-only/);

    // nothing older left: a second run archives nothing and writes no file
    const again = await archiveAudit(
      t.db,
      { actor: null, ip: null },
      { before, out: join(dir, 'archive-2.jsonl') },
    );
    expect(again.count).toBe(0);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('detects a changed line in an archive file', async () => {
    const out = join(dir, 'archive-1.jsonl');
    const lines = readFileSync(out, 'utf8').split('\n');
    const original = lines[3] ?? '';
    lines[3] = original.replace(/"action":"[^"]*"/, '"action":"filing.unsubmit"');
    expect(lines[3]).not.toBe(original);
    const altered = join(dir, 'altered.jsonl');
    writeFileSync(altered, lines.join('\n'));
    expect(await verifyArchiveFile(altered)).toMatchObject({
      ok: false,
      badLine: 4,
      reason: 'content does not match its hash',
    });
  });

  it('liaison audit archive refuses a recent date on the command line (exit 1)', {
    timeout: 60_000,
  }, async () => {
    const run = await runCli(['audit', 'archive', '--before', isoDate(Date.now() - 30 * DAY)], t.url);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused: audit entries are kept at least 180 days/);
  });
});
