// 数据保密性 / 剩余信息保护 (GB/T 22239-2019 8.1.4.8, 8.1.4.9), ASVS V8: phone numbers and TOTP secrets are
// encrypted at rest with LIAISON_DATA_KEY (AES-256-GCM); deleted content is overwritten in the SQLite file.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { reencryptStoredData as encryptStoredData } from '../../crypto/reencrypt.js';
import { connect } from '../../db/connect.js';
import { configureDataKey, decryptField, encryptField, isEncrypted } from '../../db/field-crypto.js';
import { migrateToLatest } from '../../db/migrate.js';
import { loadSeedPairingList } from '../../seed/bootstrap.js';
import { roundWithDeadline } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { totpCode } from '../auth/index.js';
import { insertPerson } from './roster.repository.js';

const KEY = randomBytes(32).toString('base64');
const NEXT_KEY = randomBytes(32).toString('base64');
const MOBILE = '13912345678';
const OFFICE = '0574-88881234';

describeEachDialect('encryption at rest', (dialect) => {
  let t: TestApp;
  let dept: Client;
  let tzb: Client;
  let jiaoyu: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { LIAISON_DATA_KEY: KEY } });
    dept = await loginAs(t, 'department', '区教育局');
    tzb = await loginAs(t, 'tzb', '区委统战部');
    jiaoyu = await orgId(t.db, '区教育局');
  });
  afterAll(async () => {
    configureDataKey(null);
    await t.close();
  });

  it('stores roster phones encrypted, shows them to the unit and (with a reason) to 统战部, masks them in the audit trail', async () => {
    const res = await dept.put(`/api/v1/roster/${jiaoyu}/liaison`, {
      name: '周丽华',
      position: '办公室主任',
      mobile: MOBILE,
      officePhone: OFFICE,
      servedFrom: '2026-01-05',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().inForce.liaison).toMatchObject({ mobile: MOBILE, officePhone: OFFICE });
    const raw = await t.db
      .selectFrom('responsible_persons')
      .select(['mobile', 'office_phone'])
      .where('organisation_id', '=', jiaoyu)
      .where('name', '=', '周丽华')
      .executeTakeFirstOrThrow();
    for (const v of [raw.mobile, raw.office_phone]) {
      expect(v).toMatch(/^enc:v1:[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);
      expect(v).not.toContain('1234');
    }
    // two encryptions of one number differ (random nonce): equal phones are not recognisable
    expect(encryptField(MOBILE)).not.toBe(encryptField(MOBILE));
    const masked = (await tzb.get(`/api/v1/roster/${jiaoyu}`)).json();
    expect(masked.inForce.liaison.mobile).toBe('139****5678');
    const revealed = await tzb.post(`/api/v1/roster/${jiaoyu}/reveal`, { reason: '核对联系方式' });
    expect(revealed.json().inForce.liaison).toMatchObject({ mobile: MOBILE, officePhone: OFFICE });
    const trail = await t.db.selectFrom('audit_log').select(['before_json', 'after_json']).execute();
    expect(JSON.stringify(trail)).not.toContain(MOBILE);
    expect(JSON.stringify(trail)).not.toContain('enc:v1:');
  });

  it('stores the 附件2 phones encrypted and reads them back', async () => {
    const round = await roundWithDeadline(t.db, tzb, 2026, '2026-06-05');
    const form = {
      leader: { name: '陈志强', position: '副局长', phone: '13905745678' },
      liaison: { name: '周丽华', position: '办公室主任', phone: '88901234' },
    };
    const saved = await dept.put(`/api/v1/filing-rounds/${round.id}/filings/${jiaoyu}`, form);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject(form);
    const raw = await t.db
      .selectFrom('filings')
      .select(['leader_phone', 'liaison_phone'])
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();
    expect(isEncrypted(raw.leader_phone)).toBe(true);
    expect(isEncrypted(raw.liaison_phone)).toBe(true);
    expect(decryptField(raw.leader_phone)).toBe('13905745678');
    expect((await dept.get(`/api/v1/filing-rounds/${round.id}/filings/${jiaoyu}`)).json()).toMatchObject(
      form,
    );
  });

  it('stores TOTP secrets encrypted', async () => {
    const setup = (await dept.post('/api/v1/auth/totp/setup')).json();
    expect((await dept.post('/api/v1/auth/totp/enable', { code: totpCode(setup.secret) })).statusCode).toBe(
      200,
    );
    const raw = await t.db.selectFrom('user_totp').select('secret').executeTakeFirstOrThrow();
    expect(isEncrypted(raw.secret)).toBe(true);
    expect(raw.secret).not.toContain(setup.secret);
  });

  it('`liaison data encrypt` encrypts values written before the key, and re-encrypts after a key rotation', async () => {
    configureDataKey(null);
    const legacy = await insertPerson(t.db, {
      organisationId: await orgId(t.db, '区公安分局'),
      role: 'principal',
      name: '旧记录',
      position: '局长',
      officePhone: '0574-87770000',
      mobile: null,
      servedFrom: '2020-01-01',
      source: 'roster',
      filingId: null,
      createdBy: null,
    });
    const plain = async () =>
      (
        await t.db
          .selectFrom('responsible_persons')
          .select('office_phone')
          .where('id', '=', legacy.id)
          .executeTakeFirstOrThrow()
      ).office_phone;
    expect(await plain()).toBe('0574-87770000');
    // without the key an encrypted value cannot be read, and says which key it needs
    expect(() => decryptField(encryptField('x') ?? '')).not.toThrow();
    configureDataKey(KEY);
    const sealed = encryptField('x') ?? '';
    configureDataKey(null);
    expect(() => decryptField(sealed)).toThrow(/LIAISON_DATA_KEY/);

    configureDataKey(KEY);
    const first = await encryptStoredData(t.db);
    expect(first.responsible_persons).toBe(1);
    expect(isEncrypted(await plain())).toBe(true);
    expect(await encryptStoredData(t.db)).toEqual({ responsible_persons: 0, filings: 0, user_totp: 0 });

    // rotation: the new key encrypts, the previous one still decrypts until everything is re-encrypted
    configureDataKey(NEXT_KEY, KEY);
    expect(
      (await tzb.post(`/api/v1/roster/${jiaoyu}/reveal`, { reason: '轮换后核对' })).json().inForce.liaison
        .mobile,
    ).toBe(MOBILE);
    const rotated = await encryptStoredData(t.db);
    expect(rotated).toEqual({ responsible_persons: 2, filings: 1, user_totp: 1 });
    configureDataKey(NEXT_KEY);
    expect(decryptField(await plain())).toBe('0574-87770000');
    expect(
      (await tzb.post(`/api/v1/roster/${jiaoyu}/reveal`, { reason: '旧密钥已停用' })).json().inForce.liaison
        .mobile,
    ).toBe(MOBILE);
    configureDataKey(KEY);
    // a key that is not 32 bytes of base64 stops the start
    expect(() => loadConfig({ LIAISON_DATA_KEY: 'c2hvcnQ=' })).toThrow(/LIAISON_DATA_KEY: must be 32 bytes/);
  });
});

describe('secure_delete (SQLite file)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-secure-delete-'));
    configureDataKey(null); // plain text, so that the bytes can be searched for
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function deleteAndLook(
    file: string,
    secureDelete: boolean,
  ): Promise<{ before: boolean; after: boolean }> {
    const handle = connect(`sqlite:${file}`);
    try {
      await migrateToLatest(handle.db);
      await loadSeedPairingList(handle.db);
      if (!secureDelete) await sql`pragma secure_delete = OFF`.execute(handle.db);
      const phone = `1390000${randomBytes(2).readUInt16BE() % 10000}`.padEnd(11, '7');
      const marker = `机密联系人-${phone}`;
      const person = await insertPerson(handle.db, {
        organisationId: await orgId(handle.db, '区教育局'),
        role: 'liaison',
        name: marker,
        position: '科员',
        officePhone: null,
        mobile: phone,
        servedFrom: '2026-01-01',
        source: 'roster',
        filingId: null,
        createdBy: null,
      });
      // the search index (issue 7) keeps the name too: it goes with the person
      await handle.db
        .deleteFrom('search_index')
        .where('title', '=', marker)
        .execute()
        .catch(() => undefined);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(handle.db);
      const before = readFileSync(file).includes(Buffer.from(phone));
      await handle.db.deleteFrom('responsible_persons').where('id', '=', person.id).execute();
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(handle.db);
      const bytes = Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`)]);
      return { before, after: bytes.includes(Buffer.from(phone)) || bytes.includes(Buffer.from(marker)) };
    } finally {
      await handle.close();
    }
  }

  it('leaves no trace of a deleted phone number in the database file (and would without it)', async () => {
    expect(await deleteAndLook(join(dir, 'on.db'), true)).toEqual({ before: true, after: false });
    // the control: with secure_delete off the deleted bytes stay in a free page, so the test can see them
    expect(await deleteAndLook(join(dir, 'off.db'), false)).toEqual({ before: true, after: true });
  });
});
