import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Region } from '../../db/schema.js';
import { makeOrganisation, makeOtherDistrict, seedDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };
const conflict = (detail: string) => ({ error: { code: 'CONFLICT', message: `与现有记录冲突：${detail}` } });

interface Org {
  id: number;
  name: string;
  aliases: { id: number; alias: string; note: string | null }[];
}
const names = (res: { json(): { items: Org[] } }) => res.json().items.map((o) => o.name);

describeEachDialect('organisations', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let district: Region;
  let other: Awaited<ReturnType<typeof makeOtherDistrict>>;
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('organisations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    tzb = await loginAs(t, 'tzb', '区委统战部');
    district = await seedDistrict(t.db);
    other = await makeOtherDistrict(t.db);
  });
  afterAll(async () => t.close());

  it('lists the district’s directory by kind, with aliases, and nothing of another region', async () => {
    const counterparts = await tzb.get('/api/v1/organisations?kind=counterpart');
    expect(counterparts.statusCode).toBe(200);
    expect(names(counterparts)).toEqual([
      '民革奉化区委会',
      '民建奉化总支部',
      '民盟奉化支部',
      '区工商联',
      '无党派人士',
    ]);
    expect(counterparts.json().abilities).toEqual({ canWrite: true });
    expect(counterparts.json().items[4]).toEqual({
      id: await orgId(t.db, '无党派人士'),
      regionId: district.id,
      regionName: '奉化区',
      kind: 'counterpart',
      name: '无党派人士',
      shortName: null,
      aliases: [{ id: expect.any(Number), alias: '区知联会', note: null }],
      sortOrder: 7,
      active: true,
    });
    expect(names(await tzb.get('/api/v1/organisations?kind=oversight'))).toEqual(['区委统战部']);
    expect(names(await tzb.get('/api/v1/organisations?kind=office'))).toEqual(['区府办']);
    expect(names(await tzb.get('/api/v1/organisations?kind=department'))).toHaveLength(26);
    const all = names(await tzb.get('/api/v1/organisations'));
    expect(all).toHaveLength(33);
    for (const name of [other.oversight.name, other.department.name, other.counterpart.name]) {
      expect(all).not.toContain(name);
    }
  });

  it('searches by name, by short name and by alias', async () => {
    await makeOrganisation(t.db, { name: '区机关事务管理局', shortName: '机关事务局' });
    expect(names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('公安')}`))).toEqual([
      '区公安分局',
    ]);
    expect(names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('机关事务局')}`))).toEqual([
      '区机关事务管理局',
    ]);
    expect(names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('知联会')}`))).toEqual([
      '无党派人士',
    ]);
    expect(
      names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('民盟')}&kind=counterpart`)),
    ).toEqual(['民盟奉化支部']);
    // the search stays inside the actor's region: 民盟海曙区…支部 is another district's
    expect(names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('民盟')}`))).toEqual([
      '民盟奉化支部',
    ]);
    expect(names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('不存在的单位')}`))).toEqual([]);
  });

  it('creates an organisation and refuses a duplicate name (or alias) in the same region with 409', async () => {
    const res = await tzb.post('/api/v1/organisations', {
      regionId: district.id,
      kind: 'department',
      name: '区大数据发展管理局',
      shortName: '数据局',
      sortOrder: 40,
    });
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(Number),
      regionId: district.id,
      regionName: '奉化区',
      kind: 'department',
      name: '区大数据发展管理局',
      shortName: '数据局',
      aliases: [],
      sortOrder: 40,
      active: true,
    });
    expect((await tzb.get(`/api/v1/organisations/${created.id}`)).json()).toEqual(created);

    const before = await count();
    const dup = await tzb.post('/api/v1/organisations', {
      regionId: district.id,
      kind: 'other',
      name: '区大数据发展管理局',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toEqual(conflict('区大数据发展管理局'));
    // names are trimmed before the comparison
    const padded = await tzb.post('/api/v1/organisations', {
      regionId: district.id,
      kind: 'department',
      name: ' 区公安分局 ',
    });
    expect(padded.json()).toEqual(conflict('区公安分局'));
    // an alias of another organisation is taken too
    const alias = await tzb.post('/api/v1/organisations', {
      regionId: district.id,
      kind: 'counterpart',
      name: '民革',
    });
    expect(alias.json()).toEqual(conflict('民革'));
    expect(await count()).toBe(before);

    // the same name in another district is that district's business, and allowed there
    const otherTzb = await loginAs(t, 'tzb', other.oversight.id);
    const there = await otherTzb.post('/api/v1/organisations', {
      regionId: other.region.id,
      kind: 'department',
      name: '区大数据发展管理局',
    });
    expect(there.statusCode).toBe(200);
    expect(there.json()).toMatchObject({ regionId: other.region.id, regionName: other.region.name });
  });

  it('keeps the old name as an alias (曾用名) on a rename, so a search by the old name still finds it', async () => {
    const id = await orgId(t.db, '区农业农村局');
    const res = await tzb.patch(`/api/v1/organisations/${id}`, {
      name: '区农业农村和水利局',
      keepOldNameAsAlias: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      name: '区农业农村和水利局',
      aliases: [{ id: expect.any(Number), alias: '区农业农村局', note: '曾用名' }],
    });
    expect(names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('区农业农村局')}`))).toEqual([
      '区农业农村和水利局',
    ]);
    // the old name is now taken in the district
    const reuse = await tzb.post('/api/v1/organisations', {
      regionId: district.id,
      kind: 'department',
      name: '区农业农村局',
    });
    expect(reuse.json()).toEqual(conflict('区农业农村局'));

    // without keepOldNameAsAlias the old name is let go
    const tongji = await orgId(t.db, '区统计局');
    const plain = await tzb.patch(`/api/v1/organisations/${tongji}`, {
      name: '区统计中心',
      keepOldNameAsAlias: false,
    });
    expect(plain.json()).toMatchObject({ name: '区统计中心', aliases: [] });
    expect(names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('区统计局')}`))).toEqual([]);

    // a rename onto another organisation's name is refused
    const clash = await tzb.patch(`/api/v1/organisations/${tongji}`, { name: '区司法局' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toEqual(conflict('区司法局'));
  });

  it('survives renaming back and forth: a former name that becomes the name again is no longer an alias', async () => {
    const id = await orgId(t.db, '区交通局');
    for (const name of ['区交通运输局', '区交通局', '区交通运输局']) {
      const res = await tzb.patch(`/api/v1/organisations/${id}`, { name });
      expect(res.statusCode).toBe(200);
      expect(res.json().name).toBe(name);
    }
    const org = (await tzb.get(`/api/v1/organisations/${id}`)).json();
    expect(org.aliases.map((a: Org['aliases'][number]) => [a.alias, a.note])).toEqual([
      ['区交通局', '曾用名'],
    ]);
  });

  it('adds and removes aliases; a taken alias is refused and a removed one answers 404 the second time', async () => {
    const id = await orgId(t.db, '区卫生健康局');
    const added = await tzb.post(`/api/v1/organisations/${id}/aliases`, {
      alias: '奉化卫健局',
      note: '简称',
    });
    expect(added.statusCode).toBe(200);
    const alias = added.json().aliases.find((a: Org['aliases'][number]) => a.alias === '奉化卫健局');
    expect(alias).toEqual({ id: expect.any(Number), alias: '奉化卫健局', note: '简称' });
    expect(names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('奉化卫健局')}`))).toEqual([
      '区卫生健康局',
    ]);

    expect((await tzb.post(`/api/v1/organisations/${id}/aliases`, { alias: '奉化卫健局' })).json()).toEqual(
      conflict('奉化卫健局'),
    );
    expect((await tzb.post(`/api/v1/organisations/${id}/aliases`, { alias: '区司法局' })).json()).toEqual(
      conflict('区司法局'),
    );

    // an alias id under the wrong organisation is not found, and stays
    const wrongOwner = await tzb.delete(
      `/api/v1/organisations/${await orgId(t.db, '区司法局')}/aliases/${alias.id}`,
    );
    expect(wrongOwner.statusCode).toBe(404);
    expect(wrongOwner.json()).toEqual(NOT_FOUND);

    const removed = await tzb.delete(`/api/v1/organisations/${id}/aliases/${alias.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().aliases).toEqual([]);
    expect(names(await tzb.get(`/api/v1/organisations?q=${encodeURIComponent('奉化卫健局')}`))).toEqual([]);
    const again = await tzb.delete(`/api/v1/organisations/${id}/aliases/${alias.id}`);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual(NOT_FOUND);
  });

  it('lets a department user read its region’s directory but not write to it (403)', async () => {
    const dept = await loginAs(t, 'department', '区公安分局');
    const list = await dept.get('/api/v1/organisations');
    expect(list.statusCode).toBe(200);
    expect(list.json().abilities).toEqual({ canWrite: false });
    expect(names(list)).toEqual(names(await tzb.get('/api/v1/organisations')));
    const sifa = await orgId(t.db, '区司法局');
    expect((await dept.get(`/api/v1/organisations/${sifa}`)).json()).toMatchObject({
      id: sifa,
      name: '区司法局',
    });

    const before = await count();
    const gongan = await orgId(t.db, '区公安分局');
    const minge = (await dept.get(`/api/v1/organisations/${await orgId(t.db, '民革奉化区委会')}`)).json();
    const writes = [
      await dept.post('/api/v1/organisations', {
        regionId: district.id,
        kind: 'department',
        name: '区新设局',
      }),
      await dept.patch(`/api/v1/organisations/${gongan}`, { name: '区公安局' }),
      await dept.post(`/api/v1/organisations/${gongan}/aliases`, { alias: '公安' }),
      await dept.delete(`/api/v1/organisations/${minge.id}/aliases/${minge.aliases[0].id}`),
    ];
    for (const res of writes) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual(FORBIDDEN);
    }
    expect(await count()).toBe(before);
    expect((await tzb.get(`/api/v1/organisations/${gongan}`)).json()).toMatchObject({
      name: '区公安分局',
      aliases: [],
    });
    expect((await tzb.get(`/api/v1/organisations/${minge.id}`)).json().aliases).toEqual(minge.aliases);
  });

  it('answers another region’s organisation with 404, for reads and for writes, and changes nothing', async () => {
    const foreign = await makeOrganisation(t.db, {
      regionId: other.region.id,
      name: '海曙区审计局',
      aliases: ['审计'],
    });
    const aliasId = foreign.aliases[0]?.id;
    const responses = [
      await tzb.get(`/api/v1/organisations/${foreign.id}`),
      await tzb.patch(`/api/v1/organisations/${foreign.id}`, { name: '改名' }),
      await tzb.post(`/api/v1/organisations/${foreign.id}/aliases`, { alias: '别名' }),
      await tzb.delete(`/api/v1/organisations/${foreign.id}/aliases/${aliasId}`),
      await tzb.post('/api/v1/organisations', {
        regionId: other.region.id,
        kind: 'department',
        name: '越界局',
      }),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND);
    }
    expect((await tzb.get(`/api/v1/organisations?regionId=${other.region.id}`)).json().items).toEqual([]);
    const row = await t.db
      .selectFrom('organisations')
      .selectAll()
      .where('id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('海曙区审计局');
    const aliases = await t.db
      .selectFrom('organisation_aliases')
      .select('alias')
      .where('organisation_id', '=', foreign.id)
      .execute();
    expect(aliases).toEqual([{ alias: '审计' }]);
    expect(
      await t.db.selectFrom('organisations').select('id').where('name', '=', '越界局').execute(),
    ).toEqual([]);
  });

  it('refuses invalid input with 400 VALIDATION_FAILED and stores nothing', async () => {
    const before = await count();
    const cases: [unknown, string, string][] = [
      [{ regionId: district.id, kind: 'department', name: '' }, 'name', '「名称」不能为空'],
      [{ regionId: district.id, kind: 'department', name: '   ' }, 'name', '「名称」不能为空'],
      [
        { regionId: district.id, kind: 'department', name: '局'.repeat(200) },
        'name',
        '「名称」不能超过60个字',
      ],
      [{ regionId: district.id, kind: 'ministry', name: '区某某部' }, 'kind', '「类别」不是可选的值'],
    ];
    for (const [body, field, detail] of cases) {
      const res = await tzb.post('/api/v1/organisations', body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: {
          code: 'VALIDATION_FAILED',
          message: `输入有误：${detail}`,
          details: [{ field, label: field === 'name' ? '名称' : '类别', message: detail }],
        },
      });
    }
    const gongan = await orgId(t.db, '区公安分局');
    const rename = await tzb.patch(`/api/v1/organisations/${gongan}`, { name: '' });
    expect(rename.statusCode).toBe(400);
    expect(rename.json().error.code).toBe('VALIDATION_FAILED');
    const alias = await tzb.post(`/api/v1/organisations/${gongan}/aliases`, { alias: '别'.repeat(61) });
    expect(alias.statusCode).toBe(400);
    expect(alias.json().error.code).toBe('VALIDATION_FAILED');
    expect(await count()).toBe(before);
    expect((await tzb.get(`/api/v1/organisations/${gongan}`)).json()).toMatchObject({
      name: '区公安分局',
      aliases: [],
    });
  });

  it('leaves an audit entry with before/after for each write, and none for a refused one', async () => {
    const created = (
      await tzb.post('/api/v1/organisations', {
        regionId: district.id,
        kind: 'other',
        name: '区档案馆',
        sortOrder: 90,
      })
    ).json();
    await tzb.patch(`/api/v1/organisations/${created.id}`, {
      name: '区档案馆（区史志研究室）',
      sortOrder: 91,
    });
    const withAlias = (
      await tzb.post(`/api/v1/organisations/${created.id}/aliases`, { alias: '史志办' })
    ).json();
    const aliasId = withAlias.aliases.find((a: Org['aliases'][number]) => a.alias === '史志办').id;
    await tzb.delete(`/api/v1/organisations/${created.id}/aliases/${aliasId}`);
    await tzb.post('/api/v1/organisations', {
      regionId: district.id,
      kind: 'other',
      name: '区档案馆（区史志研究室）',
    });

    const rows = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'organisation')
      .where('entity_id', '=', String(created.id))
      .orderBy('id')
      .execute();
    const entries = rows.map((r) => ({
      action: r.action,
      actor: r.actor_username,
      outcome: r.outcome,
      region: r.region_id,
      before: r.before_json === null ? null : JSON.parse(r.before_json),
      after: r.after_json === null ? null : JSON.parse(r.after_json),
    }));
    const common = { actor: tzb.username, outcome: 'ok', region: district.id };
    expect(entries).toEqual([
      {
        ...common,
        action: 'organisation.create',
        before: null,
        after: expect.objectContaining({ id: created.id, name: '区档案馆', kind: 'other', sort_order: 90 }),
      },
      {
        ...common,
        action: 'organisation.update',
        before: expect.objectContaining({ name: '区档案馆', sort_order: 90 }),
        after: expect.objectContaining({ name: '区档案馆（区史志研究室）', sort_order: 91 }),
      },
      {
        ...common,
        action: 'organisation.alias.add',
        before: null,
        after: expect.objectContaining({ id: aliasId, alias: '史志办', organisation_id: created.id }),
      },
      {
        ...common,
        action: 'organisation.alias.remove',
        before: expect.objectContaining({ id: aliasId, alias: '史志办', organisation_id: created.id }),
        after: null,
      },
    ]);
    // the refused duplicate left no organisation.create entry (its transaction rolled back)
    const creates = await t.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'organisation.create')
      .where('after_json', 'like', '%区档案馆（区史志研究室）%')
      .execute();
    expect(creates).toEqual([]);
  });
});
