// Activation codes and the first-run setup token under LIAISON_CRYPTO=gm, on both engines: stored as the crypto
// mode's token digest (`sm3:` in gm mode, SHA-256 in intl mode), and those issued before a switch still work.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { configureCryptoMode } from '../../crypto/provider.js';
import { buildTestApp, describeEachDialect, makeUser, type TestApp } from '../../test/helper.js';
import { readSetting } from '../settings/index.js';
import { checkSetupToken, newSetupToken } from '../setup/index.js';
import { issueCode } from './activation.codes.js';

const AUDIT_KEY = randomBytes(32).toString('base64');
const SHA256 = /^[0-9a-f]{64}$/;
const SM3 = /^sm3:[0-9a-f]{64}$/;

describeEachDialect('activation codes and the setup token in gm mode', (dialect) => {
  let t: TestApp;
  const gm = () => configureCryptoMode('gm', AUDIT_KEY);
  const intl = () => configureCryptoMode('intl');

  beforeAll(async () => {
    intl();
    t = await buildTestApp(dialect);
  });
  afterAll(async () => {
    intl();
    await t.close();
  });

  const storedSetupDigest = async () => (await readSetting<{ hash: string }>(t.db, 'setup.token'))?.hash;
  const setupAccepts = async (token: string) =>
    checkSetupToken(t.db, token, null).then(
      () => true,
      (e: { code?: string }) => {
        expect(e.code).toBe('SETUP_TOKEN_INVALID');
        return false;
      },
    );

  it('stores the setup token as SM3 in gm mode; a link printed before the switch still opens setup', async () => {
    intl();
    const before = await newSetupToken(t.db);
    expect(await storedSetupDigest()).toMatch(SHA256);
    gm();
    expect(await setupAccepts(before)).toBe(true);
    expect(await setupAccepts(`${before}x`)).toBe(false);
    const after = await newSetupToken(t.db);
    expect(await storedSetupDigest()).toMatch(SM3);
    expect(await setupAccepts(after)).toBe(true);
    expect(await setupAccepts(before)).toBe(false); // replaced: only the newest works
    intl();
    expect(await setupAccepts(after)).toBe(true); // and back: an SM3-stored token still opens setup
  });

  it('stores codes as SM3 in gm mode; a code issued before the switch still redeems, and only once', async () => {
    const issue = async (username: string) => {
      const { id } = await t.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirstOrThrow();
      const { code } = await t.db.transaction().execute((trx) =>
        issueCode(
          trx,
          { actor: null, ip: null },
          {
            userId: id,
            regionId: null,
            purpose: 'activation',
            delivery: 'cli',
            ttlHours: 24,
          },
        ),
      );
      const row = await t.db
        .selectFrom('activation_codes')
        .select('code_hash')
        .where('user_id', '=', id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      return { code, stored: row.code_hash };
    };
    const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
    const redeem = (code: string) =>
      post('/api/v1/activation/redeem', { code, newPassword: 'Gm-mode-pass-2026!' });

    intl();
    const old = await issue(await makeUser(t.db, 'department', '区教育局'));
    expect(old.stored).toMatch(SHA256);
    gm();
    const fresh = await issue(await makeUser(t.db, 'counterpart', '民盟奉化支部'));
    expect(fresh.stored).toMatch(SM3);

    // typed however the holder likes: lower case, spaces
    expect((await post('/api/v1/activation/check', { code: old.code.toLowerCase() })).statusCode).toBe(200);
    expect((await redeem(old.code.replace(/-/g, ' '))).statusCode).toBe(200);
    expect((await redeem(fresh.code)).statusCode).toBe(200);
    const again = await redeem(fresh.code);
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('ACTIVATION_CODE_USED');
    const wrong = await redeem('ABCD-EFGH-JKMN');
    expect(wrong.json().error.code).toBe('ACTIVATION_CODE_INVALID');
  });
});
