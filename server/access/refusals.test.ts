// 3. Every refusal is recorded: a probe of records outside one's scope (404, read and write) and a refused
// action (403) each leave an `access.denied` entry — written although the request's transaction rolled back —
// at most one per actor and route a minute; 统战部 sees the refusals and phone reveals of its own region.
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { countRows, type LedgerCast, ledgerCast, symposium } from '../modules/ledger/ledger.fixtures.js';
import { makeOtherDistrict } from '../test/factories.js';
import { buildTestApp, type Client, describeEachDialect, loginAs, type TestApp } from '../test/helper.js';

describeEachDialect('refusals on the audit trail', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  let recordId: number;
  let otherTzb: Client;
  const denials = (username: string) =>
    t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail', 'outcome', 'region_id'])
      .where('action', '=', 'access.denied')
      .where('actor_username', '=', username)
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    recordId = (await symposium(c)).id;
    const other = await makeOtherDistrict(t.db);
    otherTzb = await loginAs(t, 'tzb', other.oversight.id);
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => t.close());

  it('a probe outside the scope (read and write, 404) and a refused action (403) each leave an entry', async () => {
    const probe = c.otherCp;
    expect((await probe.get(`/api/v1/ledger/${recordId}`)).statusCode).toBe(404);
    const records = await countRows(t.db, 'ledger_records');
    const write = await probe.patch(`/api/v1/ledger/${recordId}`, { title: '改' });
    expect(write.statusCode).toBe(404);
    expect(await countRows(t.db, 'ledger_records')).toBe(records);
    expect((await probe.delete(`/api/v1/ledger/${recordId}/attachments/1`)).statusCode).toBe(404);
    // a route the role lacks (403 by the access layer)
    expect((await probe.post('/api/v1/pairings/import/preview', { text: 'x' })).statusCode).toBe(403);
    const entries = await denials(probe.username);
    expect(entries.map((e) => [e.entity_id, e.detail])).toEqual([
      ['GET /api/v1/ledger/:id', `not-found /api/v1/ledger/${recordId}`],
      ['PATCH /api/v1/ledger/:id', `not-found /api/v1/ledger/${recordId}`],
      [
        'DELETE /api/v1/ledger/:id/attachments/:attachmentId',
        `not-found /api/v1/ledger/${recordId}/attachments/1`,
      ],
      ['POST /api/v1/pairings/import/preview', 'permission pairings:write /api/v1/pairings/import/preview'],
    ]);
    expect(entries.every((e) => e.outcome === 'denied')).toBe(true);
  });

  it('a refusal inside the service, after the record was found, is on the trail', async () => {
    // the counterpart may not remove the department's file on the department's own record (403)
    const file = (
      await c.dept.post(`/api/v1/ledger/${recordId}/attachments`, {
        fileName: '通知.txt',
        contentBase64: Buffer.from('会议通知').toString('base64'),
      })
    ).json();
    const res = await c.cp.delete(`/api/v1/ledger/${recordId}/attachments/${file.id}`);
    expect(res.statusCode).toBe(403);
    expect((await c.dept.get(`/api/v1/ledger/${recordId}/attachments/${file.id}`)).statusCode).toBe(200);
    expect((await denials(c.cp.username)).map((e) => e.detail)).toEqual([
      `policy /api/v1/ledger/${recordId}/attachments/${file.id}`,
    ]);
  });

  it('a refusal thrown inside the request’s transaction stays on the trail after the rollback', async () => {
    // removeAlias looks the alias up inside its transaction and throws NOT_FOUND there
    const res = await c.tzb.delete(`/api/v1/organisations/${c.ids.minmeng}/aliases/987654`);
    expect(res.statusCode).toBe(404);
    expect((await denials(c.tzb.username)).map((e) => e.detail)).toEqual([
      `not-found /api/v1/organisations/${c.ids.minmeng}/aliases/987654`,
    ]);
  });

  it('is throttled: one entry per actor and route a minute, the next one says how many were folded', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const probe = await loginAs(t, 'counterpart', '民革奉化区委会');
    for (let id = 1; id <= 25; id++) {
      expect((await probe.get(`/api/v1/ledger/${recordId + 1000 + id}`)).statusCode).toBe(404);
    }
    expect((await probe.get(`/api/v1/consultations/matters/99999`)).statusCode).toBe(404);
    let entries = await denials(probe.username);
    expect(entries.map((e) => e.entity_id)).toEqual([
      'GET /api/v1/ledger/:id',
      'GET /api/v1/consultations/matters/:id',
    ]);
    vi.setSystemTime(Date.now() + 61_000);
    expect((await probe.get(`/api/v1/ledger/${recordId}`)).statusCode).toBe(404);
    entries = await denials(probe.username);
    expect(entries).toHaveLength(3);
    expect(entries[2]?.detail).toBe(`not-found /api/v1/ledger/${recordId} (+24 more in the previous minute)`);
    // 统战部 reads it in words, in its own language
    const detailOf = async (lang: string) =>
      (
        (await c.tzb.get('/api/v1/access-log?kind=refusals&pageSize=100', { 'accept-language': lang })).json()
          .items as { actor: string; detail: string }[]
      ).find((e) => e.actor === probe.username)?.detail;
    expect(await detailOf('zh-CN')).toBe(
      `不在可见范围内（按不存在处理）：/api/v1/ledger/${recordId}（前一分钟内另有 24 次）`,
    );
    expect(await detailOf('en')).toBe(
      `Outside what the user may see (answered as not found): /api/v1/ledger/${recordId} (+24 more in the previous minute)`,
    );
  });

  it('统战部 sees the refusals and phone reveals of its own region, not another district’s', async () => {
    const reveal = await c.tzb.post(`/api/v1/roster/${c.ids.minmeng}/reveal`, { reason: '核实联系方式' });
    expect(reveal.statusCode).toBe(200);
    const mine = (await c.tzb.get('/api/v1/access-log')).json();
    expect(
      mine.items.some(
        (e: { kind: string; actor: string }) => e.kind === 'refusals' && e.actor === c.otherCp.username,
      ),
    ).toBe(true);
    const reveals = (await c.tzb.get('/api/v1/access-log?kind=reveals')).json();
    expect(reveals.items[0]).toMatchObject({
      kind: 'reveals',
      entity: '民盟奉化支部',
      detail: '核实联系方式',
    });
    expect(reveals.items.every((e: { kind: string }) => e.kind === 'reveals')).toBe(true);
    // a roster exported with every phone in full is named in words, in the reader's language
    const full = await c.tzb.get(
      `/api/v1/documents/roster.xlsx?full=1&reason=${encodeURIComponent('年度核对')}`,
    );
    expect(full.statusCode).toBe(200);
    const entity = async (lang: string) =>
      (await c.tzb.get('/api/v1/access-log?kind=reveals', { 'accept-language': lang })).json().items[0]
        .entity;
    expect(await entity('zh-CN')).toBe('文件 roster.xlsx');
    expect(await entity('en')).toBe('Document roster.xlsx');
    // another district's 统战部 sees none of it; a department may not look at all
    expect((await otherTzb.get('/api/v1/access-log')).json().total).toBe(0);
    expect((await c.dept.get('/api/v1/access-log')).statusCode).toBe(403);
  });
});
