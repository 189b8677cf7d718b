// LIAISON_CRYPTO=gm on a running app, on both engines: an intl database switched to 商用密码 in resumable batches,
// sessions and passwords carried over, a tampered SM4 value refused without losing anything else, a key rotation,
// and a gm database backed up, restored and verified (audit chain and its anchor).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backup } from '../cli/backup.js';
import { cryptoStatus, reencryptAudited } from '../cli/crypto-commands.js';
import { connect, type DatabaseHandle } from '../db/connect.js';
import { configureDataKey, decryptField } from '../db/field-crypto.js';
import { appendAuditAlone, verifyAuditChain } from '../modules/audit/index.js';
import { totpCode } from '../modules/auth/index.js';
import { runCli } from '../test/cli.js';
import { createTestDatabase } from '../test/database.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  login,
  makeUser,
  orgId,
  type TestApp,
} from '../test/helper.js';
import { liftTriggers, restoreTriggers } from '../test/tamper.js';
import { configureCrypto } from './configure.js';
import { configureCryptoMode } from './provider.js';

const KEY = randomBytes(32).toString('base64');
const NEXT_KEY = randomBytes(32).toString('base64');
const AUDIT_KEY = randomBytes(32).toString('base64');
const MOBILE = '13912345678';
const OTHER_MOBILE = '13587654321';

const gmConfig = (dataKey: string, previous?: string) => ({
  LIAISON_CRYPTO: 'gm' as const,
  LIAISON_AUDIT_KEY: AUDIT_KEY,
  LIAISON_PASSWORD_HASH: 'auto' as const,
  LIAISON_DATA_KEY: dataKey,
  LIAISON_DATA_KEY_PREVIOUS: previous,
});

describeEachDialect('LIAISON_CRYPTO=gm', (dialect) => {
  let t: TestApp;
  let dir: string;
  let tzb: Client;
  let deptSession: Client;
  let deptUser: string;
  let jiaoyu: number;
  let gongan: number;

  const rawMobile = async (organisationId: number) =>
    await t.db
      .selectFrom('responsible_persons')
      .select(['id', 'mobile', 'name', 'position'])
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'liaison')
      .orderBy('id', 'desc') // the one in force: a change adds a row
      .executeTakeFirstOrThrow();
  const reveal = (organisationId: number) =>
    tzb.post(`/api/v1/roster/${organisationId}/reveal`, { reason: '核对联系方式' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-gm-'));
    // the database starts in intl mode, with data, sessions and scrypt passwords
    t = await buildTestApp(dialect, { env: { LIAISON_DATA_KEY: KEY, LIAISON_AUDIT_KEY: AUDIT_KEY } });
    jiaoyu = await orgId(t.db, '区教育局');
    gongan = await orgId(t.db, '区公安分局');
    tzb = await login(t.app, await makeUser(t.db, 'tzb', '区委统战部'));
    deptUser = await makeUser(t.db, 'department', jiaoyu);
    deptSession = await login(t.app, deptUser);
    const gonganDept = await login(t.app, await makeUser(t.db, 'department', gongan));
    for (const [client, org, mobile] of [
      [deptSession, jiaoyu, MOBILE],
      [gonganDept, gongan, OTHER_MOBILE],
    ] as const) {
      const res = await client.put(`/api/v1/roster/${org}/liaison`, {
        name: '周丽华',
        position: '办公室主任',
        mobile,
        servedFrom: '2026-01-05',
      });
      expect(res.statusCode).toBe(200);
    }
    const setup = (await gonganDept.post('/api/v1/auth/totp/setup')).json();
    await gonganDept.post('/api/v1/auth/totp/enable', { code: totpCode(setup.secret) });
    expect((await rawMobile(jiaoyu)).mobile).toMatch(/^enc:v1:/);
  });
  afterAll(async () => {
    configureCryptoMode('intl');
    configureDataKey(null);
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('switches an intl database to gm in batches, resuming after an interruption, audited', async () => {
    configureCrypto(gmConfig(KEY));
    // the first run dies after its first batch of one row
    let batches = 0;
    await expect(
      reencryptAudited(t.db, 'crypto.switch', 1, () => {
        if (++batches === 1) throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    const midway = await cryptoStatus(t.db);
    expect(midway.values?.['enc:v2 (SM4)']).toBe(1);
    expect(midway.values?.['enc:v1 (AES-256-GCM)']).toBe(2);
    // running it again finishes the rest and skips what was done
    const counts = await reencryptAudited(t.db, 'crypto.switch', 1);
    expect(counts).toEqual({ responsible_persons: 1, filings: 0, user_totp: 1 });
    expect((await cryptoStatus(t.db)).values).toEqual({ 'enc:v1 (AES-256-GCM)': 0, 'enc:v2 (SM4)': 3 });
    expect((await rawMobile(jiaoyu)).mobile).toMatch(/^enc:v2:[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);

    const switches = await t.db
      .selectFrom('audit_log')
      .select(['detail', 'hash'])
      .where('action', '=', 'crypto.switch')
      .orderBy('id')
      .execute();
    expect(switches.map((s) => s.detail)).toEqual([
      'started: re-encrypting stored values with SM4-CTR/HMAC-SM3',
      'started: re-encrypting stored values with SM4-CTR/HMAC-SM3',
      'completed',
    ]);
    // the trail goes on under HMAC-SM3 after its SHA-256 part, and verifies as one chain
    expect(switches.every((s) => s.hash.startsWith('hmac-sm3:'))).toBe(true);
    const first = await t.db.selectFrom('audit_log').select('hash').orderBy('id').executeTakeFirstOrThrow();
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, firstBadId: null });

    // the data reads as before
    expect((await reveal(jiaoyu)).json().inForce.liaison.mobile).toBe(MOBILE);
  });

  it('keeps sessions issued before the switch; a sign-in gets SM3 tokens and upgrades the password hash', async () => {
    expect((await deptSession.get(`/api/v1/roster/${jiaoyu}`)).statusCode).toBe(200);
    const fresh = await login(t.app, deptUser);
    const sessions = await t.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 'u.password_hash'])
      .where('u.username', '=', deptUser)
      .orderBy('s.created_at')
      .execute();
    expect(sessions.map((s) => s.id.startsWith('sm3:'))).toEqual([false, true]);
    expect(sessions[1]?.password_hash).toMatch(/^pbkdf2-sm3\$/);
    const entry = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'auth.login')
      .where('actor_username', '=', deptUser)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.detail).toBe('password; password hash upgraded to pbkdf2-sm3');
    // the gm session writes (its CSRF token is HMAC-SM3 of the session) and signs in again with the new hash
    const saved = await fresh.put(`/api/v1/roster/${jiaoyu}/liaison`, {
      name: '周丽华',
      position: '办公室副主任',
      mobile: MOBILE,
      servedFrom: '2026-01-05',
    });
    expect(saved.statusCode).toBe(200);
    const wrongCsrf = await fresh.request({
      method: 'PUT',
      url: `/api/v1/roster/${jiaoyu}/liaison`,
      payload: { name: '周丽华', position: '主任', mobile: MOBILE, servedFrom: '2026-01-05' },
      headers: { 'x-csrf-token': deptSession.csrfToken },
    });
    expect(wrongCsrf.statusCode).toBe(403);
    expect((await login(t.app, deptUser)).username).toBe(deptUser);
  });

  it('refuses a tampered SM4 value with DATA_INTEGRITY; the rest of the row, other units and the trail are intact', async () => {
    const row = await rawMobile(jiaoyu);
    const sealed = row.mobile as string;
    const cut = sealed.lastIndexOf(':') + 1;
    const bytes = Buffer.from(sealed.slice(cut), 'base64');
    bytes[20] = (bytes[20] as number) ^ 0x04;
    await t.db
      .updateTable('responsible_persons')
      .set({ mobile: `${sealed.slice(0, cut)}${bytes.toString('base64')}` })
      .where('id', '=', row.id)
      .execute();

    const refused = await reveal(jiaoyu);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('DATA_INTEGRITY');
    expect(refused.json().error.message).toContain('完整性校验失败');
    // the 审计管理员 sees it
    const failure = await t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'outcome', 'detail'])
      .where('action', '=', 'data.integrity')
      .executeTakeFirstOrThrow();
    expect(failure).toEqual({
      entity_id: 'POST /api/v1/roster/:organisationId/reveal',
      outcome: 'failed',
      detail: 'stored value failed its integrity check (SM4-CTR/HMAC-SM3)',
    });
    // nothing else is lost: the other unit reads, the row keeps its other fields, the trail verifies
    expect((await reveal(gongan)).json().inForce.liaison.mobile).toBe(OTHER_MOBILE);
    expect(await rawMobile(jiaoyu)).toMatchObject({ name: '周丽华', position: '办公室副主任' });
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    // the genuine value put back reads again
    await t.db.updateTable('responsible_persons').set({ mobile: sealed }).where('id', '=', row.id).execute();
    expect((await reveal(jiaoyu)).json().inForce.liaison.mobile).toBe(MOBILE);
  });

  it('rotates the data key under gm', async () => {
    const before = (await rawMobile(jiaoyu)).mobile as string;
    configureCrypto(gmConfig(NEXT_KEY, KEY));
    expect((await reveal(jiaoyu)).json().inForce.liaison.mobile).toBe(MOBILE);
    const counts = await reencryptAudited(t.db, 'data.encrypt', 500);
    expect(counts).toEqual({ responsible_persons: 3, filings: 0, user_totp: 1 });
    const after = (await rawMobile(jiaoyu)).mobile as string;
    expect(after.split(':')[2]).not.toBe(before.split(':')[2]);
    configureCrypto(gmConfig(NEXT_KEY));
    expect((await reveal(jiaoyu)).json().inForce.liaison.mobile).toBe(MOBILE);
    expect(() => decryptField(before)).toThrow(/LIAISON_DATA_KEY/);
  });

  it('back in intl mode with the audit key the chain stays keyed (HMAC-SHA-256); without it, verify reports a downgrade', async () => {
    configureCrypto({ ...gmConfig(NEXT_KEY), LIAISON_CRYPTO: 'intl' });
    await appendAuditAlone(
      t.db,
      { actor: null, ip: null },
      { action: 'crypto.switch', entityType: 'system' },
    );
    const keyed = await t.db
      .selectFrom('audit_log')
      .select('hash')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(keyed.hash).toMatch(/^hmac-sha256:/);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
    configureCrypto({ ...gmConfig(NEXT_KEY), LIAISON_CRYPTO: 'intl', LIAISON_AUDIT_KEY: undefined });
    await appendAuditAlone(
      t.db,
      { actor: null, ip: null },
      { action: 'crypto.switch', entityType: 'system' },
    );
    configureCrypto({ ...gmConfig(NEXT_KEY), LIAISON_CRYPTO: 'intl' }); // the verifier holds the key
    const verdict = await verifyAuditChain(t.db);
    expect(verdict.ok).toBe(false);
    expect(verdict.reason).toBe('a plain SHA-256 entry after keyed (HMAC) entries (downgraded)');
    const last = await t.db
      .selectFrom('audit_log')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(verdict.firstBadId).toBe(last.id);
    // the plain entry is taken out again (as an attacker could not without the trail showing it), back to gm
    await liftTriggers(t.db, dialect);
    await t.db.deleteFrom('audit_log').where('id', '=', last.id).execute();
    await restoreTriggers(t.db, dialect);
    configureCrypto(gmConfig(NEXT_KEY));
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it('a gm database is backed up, restored with `liaison restore`, and verifies its trail and anchor', {
    timeout: 180_000,
  }, async () => {
    const file = join(dir, dialect === 'sqlite' ? 'gm.db' : 'gm.dump');
    const handle = {
      db: t.db,
      dialect: t.dialect,
      sqlitePath: null,
      close: async () => {},
    } as DatabaseHandle;
    await backup(handle, t.url, file);
    const target = await createTestDatabase(dialect, join(dir, 'restored.db'));
    const anchors = join(dir, 'anchors.jsonl');
    const env = { ...gmConfig(NEXT_KEY), LIAISON_AUDIT_ANCHOR_FILE: anchors } as Record<string, string>;
    delete env.LIAISON_DATA_KEY_PREVIOUS;
    try {
      const restored = await runCli(['restore', file], target.url, env);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/audit trail matches the backup's anchor \(entry \d+\)/);
      const verified = await runCli(['audit', 'verify'], target.url, env);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/audit trail intact: \d+ entries\nlast anchor \(.*\) holds/);
      const copy = connect(target.url);
      try {
        const person = await copy.db
          .selectFrom('responsible_persons')
          .select('mobile')
          .where('organisation_id', '=', jiaoyu)
          .where('role', '=', 'liaison')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(person.mobile).toMatch(/^enc:v2:/);
        expect(decryptField(person.mobile)).toBe(MOBILE);
        expect((await verifyAuditChain(copy.db)).ok).toBe(true);
      } finally {
        await copy.close();
      }
      // with another audit key the restored gm trail does not verify
      const wrongKey = await runCli(['audit', 'verify'], target.url, {
        ...env,
        LIAISON_AUDIT_KEY: randomBytes(32).toString('base64'),
      });
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stderr).toMatch(/audit key that is not configured/);
    } finally {
      await target.drop();
    }
  });
});
