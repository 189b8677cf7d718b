import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SEED_PAIRING_LIST } from '../../seed/fenghua-2019.js';
import { makeOtherDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { readXlsx } from '../../test/xlsx-file.js';

const ALL_DEPARTMENTS = SEED_PAIRING_LIST.flatMap((e) => e.departments);
const ALL_COUNTERPARTS = SEED_PAIRING_LIST.map((e) => e.counterpart);

describeEachDialect('pairings', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let other: Awaited<ReturnType<typeof makeOtherDistrict>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    tzb = await loginAs(t, 'tzb', '区委统战部');
    other = await makeOtherDistrict(t.db);
  });
  afterAll(async () => t.close());

  it('lists the seed 2019 list: 5 counterparts, 26 departments, with the 文号', async () => {
    const res = await tzb.get('/api/v1/pairings?year=2019');
    expect(res.statusCode).toBe(200);
    const { items, abilities } = res.json();
    expect(abilities.canWrite).toBe(true);
    expect(items).toHaveLength(26);
    expect(new Set(items.map((p: { counterpart: { name: string } }) => p.counterpart.name))).toEqual(
      new Set(ALL_COUNTERPARTS),
    );
    expect(items.map((p: { department: { name: string } }) => p.department.name).sort()).toEqual(
      [...ALL_DEPARTMENTS].sort(),
    );
    expect(items[0]).toMatchObject({
      counterpart: { name: '民革奉化区委会' },
      department: { name: '区公安分局' },
      validFrom: 2019,
      validTo: null,
      source: '奉政发〔2019〕47号',
      shared: false,
    });
    expect(
      items.some((p: { department: { name: string } }) => p.department.name === other.department.name),
    ).toBe(false);
  });

  it('draws the matrix: 26 department rows, 5 counterpart columns, one cell per pairing', async () => {
    const m = (await tzb.get('/api/v1/pairings/matrix?year=2019')).json();
    expect(m.departments.map((d: { name: string }) => d.name)).toEqual(ALL_DEPARTMENTS);
    expect(m.counterparts.map((c: { name: string }) => c.name)).toEqual(ALL_COUNTERPARTS);
    expect(m.cells).toHaveLength(26);
    const gongan = m.departments.find((d: { name: string }) => d.name === '区公安分局');
    const minge = m.counterparts.find((c: { name: string }) => c.name === '民革奉化区委会');
    expect(m.cells).toContainEqual(
      expect.objectContaining({ counterpartId: minge.id, departmentId: gongan.id }),
    );
  });

  it('shows a department only its own pairs and a counterpart only its own', async () => {
    const dept = await loginAs(t, 'department', '区教育局');
    const items = (await dept.get('/api/v1/pairings?year=2019')).json().items;
    expect(
      items.map((p: { counterpart: { name: string }; department: { name: string } }) => [
        p.counterpart.name,
        p.department.name,
      ]),
    ).toEqual([['民盟奉化支部', '区教育局']]);
    const cp = await loginAs(t, 'counterpart', '民建奉化总支部');
    const cpItems = (await cp.get('/api/v1/pairings?year=2019')).json().items;
    expect(cpItems.map((p: { department: { name: string } }) => p.department.name)).toEqual([
      '区发改局',
      '区财政局',
      '区住建局',
      '区自然资源和规划分局',
    ]);
    expect((await cp.get('/api/v1/pairings?year=2019')).json().abilities.canWrite).toBe(false);
  });

  it('adds a pairing, refuses an overlapping duplicate, and ends it keeping its history', async () => {
    const res = await tzb.post('/api/v1/pairings', {
      counterpartId: await orgId(t.db, '民盟奉化支部'),
      departmentId: await orgId(t.db, '区审计局'),
      validFrom: 2021,
      source: '奉政发〔2021〕3号',
    });
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({
      counterpart: { name: '民盟奉化支部' },
      department: { name: '区审计局' },
      validFrom: 2021,
      validTo: null,
    });
    const dup = await tzb.post('/api/v1/pairings', {
      counterpartId: created.counterpart.id,
      departmentId: created.department.id,
      validFrom: 2022,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('CONFLICT');

    const tooEarly = await tzb.post(`/api/v1/pairings/${created.id}/end`, { validTo: 2020 });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error).toEqual({
      code: 'PAIRING_ENDS_BEFORE_START',
      message: '结束年度不能早于结对起始年度（2021年）',
    });
    const ended = await tzb.post(`/api/v1/pairings/${created.id}/end`, {
      validTo: 2023,
      source: '奉政发〔2024〕1号',
      reason: '机构调整',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({
      validTo: 2023,
      endSource: '奉政发〔2024〕1号',
      endReason: '机构调整',
    });
    const again = await tzb.post(`/api/v1/pairings/${created.id}/end`, { validTo: 2024 });
    expect(again.statusCode).toBe(409);

    const in2023 = (await tzb.get('/api/v1/pairings?year=2023')).json().items;
    const in2024 = (await tzb.get('/api/v1/pairings?year=2024')).json().items;
    expect(in2023.some((p: { id: number }) => p.id === created.id)).toBe(true);
    expect(in2024.some((p: { id: number }) => p.id === created.id)).toBe(false);
    const history = (await tzb.get(`/api/v1/pairings/history?pairingId=${created.id}`)).json().items;
    expect(history.map((e: { action: string; year: number }) => `${e.action}@${e.year}`)).toEqual([
      'ended@2023',
      'created@2021',
    ]);
  });

  it('validates input: a department as counterpart, validTo before validFrom, bad year', async () => {
    const gongan = await orgId(t.db, '区公安分局');
    const sifa = await orgId(t.db, '区司法局');
    const wrongKind = await tzb.post('/api/v1/pairings', {
      counterpartId: gongan,
      departmentId: sifa,
      validFrom: 2020,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error).toEqual({ code: 'NOT_A_COUNTERPART', message: '区公安分局 不是联系对象' });
    const badYear = await tzb.post('/api/v1/pairings', {
      counterpartId: 1,
      departmentId: 2,
      validFrom: 'abc',
    });
    expect(badYear.statusCode).toBe(400);
    expect(badYear.json().error.details).toMatchObject([{ field: 'validFrom', label: '起始年度' }]);
  });

  it('answers another region’s pairing as if it did not exist, and refuses its organisations', async () => {
    expect((await tzb.get(`/api/v1/pairings/history?pairingId=${other.pairing.id}`)).statusCode).toBe(404);
    expect((await tzb.post(`/api/v1/pairings/${other.pairing.id}/end`, { validTo: 2020 })).statusCode).toBe(
      404,
    );
    const res = await tzb.post('/api/v1/pairings', {
      counterpartId: other.counterpart.id,
      departmentId: await orgId(t.db, '区公安分局'),
      validFrom: 2020,
    });
    expect(res.statusCode).toBe(404);
    const row = await t.db
      .selectFrom('pairings')
      .select('valid_to')
      .where('id', '=', other.pairing.id)
      .executeTakeFirstOrThrow();
    expect(row.valid_to).toBeNull();
  });

  it('refuses writes by departments and counterparts (403) and leaves an audit entry of the refusal', async () => {
    const dept = await loginAs(t, 'department', '区财政局');
    const res = await dept.post('/api/v1/pairings', { counterpartId: 1, departmentId: 2, validFrom: 2020 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    const denied = await t.db
      .selectFrom('audit_log')
      .select(['outcome', 'entity_id'])
      .where('actor_username', '=', dept.username)
      .where('action', '=', 'access.denied')
      .execute();
    expect(denied).toEqual([{ outcome: 'denied', entity_id: 'POST /api/v1/pairings' }]);
  });

  it('exports 附件1 as .docx (A4, 仿宋 with eastAsia) holding every name, and as .xlsx', async () => {
    const docx = await tzb.get('/api/v1/documents/pairing-list.docx?year=2019');
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')?.async('string');
    const text = (xml ?? '').replace(/<[^>]+>/g, '');
    for (const name of [...ALL_COUNTERPARTS, ...ALL_DEPARTMENTS]) expect(text).toContain(name);
    expect(xml).toContain('w:w="11906"');
    expect(xml).toMatch(/w:eastAsia="仿宋/);

    const xlsx = await tzb.get('/api/v1/documents/pairing-list.xlsx?year=2019');
    const wb = await readXlsx(xlsx);
    expect(wb.worksheets[0]?.rowCount).toBe(27);
    const exported = await t.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'document.export')
      .execute();
    expect(exported.map((e) => e.entity_id)).toEqual(
      expect.arrayContaining(['pairing-list.docx', 'pairing-list.xlsx']),
    );
  });

  it('writes an audit entry with before/after in the same transaction as each change', async () => {
    const created = (
      await tzb.post('/api/v1/pairings', {
        counterpartId: await orgId(t.db, '区工商联'),
        departmentId: await orgId(t.db, '区教育局'),
        validFrom: 2026,
      })
    ).json();
    const entry = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'pairing.create')
      .where('entity_id', '=', String(created.id))
      .executeTakeFirstOrThrow();
    expect(entry.actor_username).toBe(tzb.username);
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ valid_from: 2026 });
  });
});
