// The trail's end is anchored (issue 13 item 5): someone with database access who removes the newest audit entries
// (triggers lifted, as only the database owner can) leaves a shorter chain that is still intact — the anchor kept
// outside the database is what finds it: `liaison audit verify`, the sweep's periodic anchor, a restored backup.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeEach, expect, it, vi } from 'vitest';
import { loadConfig } from '../../config.js';
import { configureCryptoMode } from '../../crypto/provider.js';
import { connect, type DatabaseHandle } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import { loadSeedPairingList } from '../../seed/bootstrap.js';
import { runCli } from '../../test/cli.js';
import { createTestDatabase } from '../../test/database.js';
import { describeEachDialect } from '../../test/helper.js';
import { liftTriggers, restoreTriggers } from '../../test/tamper.js';
import { anchorAuditHead, startSweepTimer } from '../sweep/index.js';
import { anchorIncrementally, chainHead, lastAnchor, verifyAndAnchor } from './audit.anchor.js';
import { appendAuditAlone } from './audit.writer.js';

const AUDIT_KEY = randomBytes(32).toString('base64');

describeEachDialect('audit trail anchoring', (dialect) => {
  let dir: string;
  let url: string;
  let drop: () => Promise<void>;
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let anchors: string;

  const write = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await appendAuditAlone(
        db,
        { actor: null, ip: null },
        { action: 'filing.submit', entityType: 'filing', entityId: i },
      );
    }
  };
  /** The attacker: delete the newest `n` entries directly in the database. */
  const removeNewest = async (n: number) => {
    const ids = (await db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(n).execute()).map(
      (r) => r.id,
    );
    await liftTriggers(db, dialect);
    await db.deleteFrom('audit_log').where('id', 'in', ids).execute();
    await restoreTriggers(db, dialect);
    return ids;
  };

  beforeEach(async () => {
    configureCryptoMode('intl', AUDIT_KEY);
    dir = mkdtempSync(join(tmpdir(), 'liaison-anchor-'));
    anchors = join(dir, 'backups', 'audit-anchors.jsonl');
    const created = await createTestDatabase(dialect, join(dir, 'live.db'));
    url = created.url;
    drop = created.drop;
    handle = connect(url);
    db = handle.db;
    await migrateToLatest(db);
    await loadSeedPairingList(db);
  });
  afterEach(async () => {
    await handle.close();
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });
  afterAll(() => configureCryptoMode('intl'));

  it('verify anchors the head; removing the newest entries afterwards fails verify, and the anchor stays put', async () => {
    const first = await verifyAndAnchor(db, anchors);
    expect(first.ok).toBe(true);
    // the first anchor is preceded by an entry saying anchoring begins, so it is part of the anchored head
    const head = await chainHead(db);
    const began = await db
      .selectFrom('audit_log')
      .select(['id', 'after_json'])
      .where('action', '=', 'audit.anchor')
      .execute();
    expect(began).toEqual([{ id: head?.id, after_json: JSON.stringify({ file: anchors }) }]);
    expect(first.anchored).toMatchObject({ id: head?.id, hash: head?.hash, source: 'verify' });
    expect(first.anchored?.mac).toMatch(/^hmac-sha256:[0-9a-f]{8}:[0-9a-f]{64}$/);
    expect(lastAnchor(anchors)).toEqual(first.anchored);

    await write(3);
    const second = await verifyAndAnchor(db, anchors);
    expect(second.ok).toBe(true);
    const anchoredId = second.anchored?.id as number;
    expect(anchoredId).toBe(head ? head.id + 3 : -1);

    // without the anchor, the shortened chain would pass
    const removed = await removeNewest(2);
    expect(removed).toContain(anchoredId);
    const lines = readFileSync(anchors, 'utf8');
    const after = await verifyAndAnchor(db, anchors);
    expect(after.ok).toBe(false);
    expect(after.firstBadId).toBe(anchoredId);
    expect(after.reason).toMatch(/is missing: the newest entries were removed/);
    expect(readFileSync(anchors, 'utf8')).toBe(lines); // a failed check never moves the anchor
    // new entries written after the removal (SQLite may even reuse the ids) do not hide it
    await write(4);
    const again = await verifyAndAnchor(db, anchors);
    expect(again.ok).toBe(false);
    expect(again.reason).toMatch(/newest entries were removed|removed and replaced/);
  });

  it('the periodic anchor checks only what is new, anchors a healthy head, and refuses to anchor after a removal', async () => {
    const first = await anchorIncrementally(db, anchors);
    expect(first.ok).toBe(true);
    await write(2);
    const second = await anchorIncrementally(db, anchors);
    expect(second).toMatchObject({
      ok: true,
      anchored: { id: (first.anchored?.id as number) + 2, source: 'sweep' },
    });
    expect((await anchorIncrementally(db, anchors)).anchored).toBeNull(); // nothing new: no new line
    await removeNewest(1);
    const third = await anchorIncrementally(db, anchors);
    expect(third.ok).toBe(false);
    expect(third.reason).toMatch(/newest entries were removed/);
    expect(lastAnchor(anchors)?.id).toBe(second.anchored?.id);
  });

  it('the sweep timer anchors the head, and logs an error instead of anchoring after a removal', {
    timeout: 60_000,
  }, async () => {
    const config = loadConfig({
      DATABASE_URL: url,
      LIAISON_AUDIT_ANCHOR_FILE: anchors,
      LIAISON_AUDIT_KEY: AUDIT_KEY,
    });
    const logged: { level: string; msg: string }[] = [];
    const log = {
      info: (_o: object, msg: string) => logged.push({ level: 'info', msg }),
      error: (_o: object, msg: string) => logged.push({ level: 'error', msg }),
    };
    const timer = startSweepTimer(db, config, log);
    try {
      await vi.waitFor(() => expect(lastAnchor(anchors)?.source).toBe('sweep'), {
        timeout: 30_000,
        interval: 200,
      });
    } finally {
      await timer.stop();
    }
    expect(lastAnchor(anchors)?.id).toBe((await chainHead(db))?.id);
    await write(1);
    await anchorAuditHead(db, anchors, log);
    await removeNewest(1);
    await anchorAuditHead(db, anchors, log);
    expect(logged.map((l) => `${l.level}: ${l.msg}`)).toContain(
      'error: AUDIT TRAIL CHECK FAILED: not anchored',
    );
  });

  it('an anchor file changed without the audit key is refused', async () => {
    await write(2);
    await verifyAndAnchor(db, anchors);
    await removeNewest(2);
    // the attacker also rewrites the anchor to the shortened head — but cannot make its MAC
    const head = await chainHead(db);
    const forged = { ...lastAnchor(anchors), id: head?.id, hash: head?.hash };
    writeFileSync(anchors, `${JSON.stringify(forged)}\n`, { flag: 'a' });
    const result = await verifyAndAnchor(db, anchors);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/MAC does not match/);
  });

  it('removing the anchor file is found: the trail records that anchoring began', async () => {
    await verifyAndAnchor(db, anchors);
    await write(2);
    expect((await verifyAndAnchor(db, anchors)).ok).toBe(true);
    await removeNewest(2);
    rmSync(anchors);
    const result = await verifyAndAnchor(db, anchors);
    expect(result.ok).toBe(false);
    expect(result.reason).toMatch(/anchoring began in .* holds no anchor: the anchor file was removed/);
    expect(lastAnchor(anchors)).toBeNull();
  });

  it('gm mode: anchors carry HMAC-SM3, and an intl anchor still checks', async () => {
    await verifyAndAnchor(db, anchors);
    configureCryptoMode('gm', AUDIT_KEY);
    await write(1);
    const gm = await verifyAndAnchor(db, anchors);
    expect(gm.ok).toBe(true);
    expect(gm.anchored?.mac).toMatch(/^hmac-sm3:[0-9a-f]{8}:[0-9a-f]{64}$/);
    expect(gm.anchored?.hash).toMatch(/^hmac-sm3:/);
  });

  it('liaison audit verify (the command) exits 1 once the newest entries are removed', {
    timeout: 120_000,
  }, async () => {
    const env = { LIAISON_AUDIT_ANCHOR_FILE: anchors, LIAISON_AUDIT_KEY: AUDIT_KEY };
    const ok = await runCli(['audit', 'verify'], url, env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`chain head anchored: entry ${(await chainHead(db))?.id}`);
    await write(2);
    await removeNewest(3);
    const bad = await runCli(['audit', 'verify'], url, env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/ALTERED at entry \d+: entry \d+, the trail’s end anchored at .* is missing/);
  });
});
