import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Region } from '../../db/schema.js';
import { makeOtherDistrict, seedDistrict } from '../../test/factories.js';
import { buildTestApp, type Client, describeEachDialect, loginAs, type TestApp } from '../../test/helper.js';
import { findRegionByPathNames } from './regions.repository.js';

const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };

describeEachDialect('regions', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let district: Region;
  let city: Region;
  let province: Region;
  let other: Awaited<ReturnType<typeof makeOtherDistrict>>;
  const regionsNamed = (name: string) =>
    t.db.selectFrom('regions').select('id').where('name', '=', name).execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    tzb = await loginAs(t, 'tzb', '区委统战部');
    district = await seedDistrict(t.db);
    city = (await findRegionByPathNames(t.db, ['浙江省', '宁波市'])) as Region;
    province = (await findRegionByPathNames(t.db, ['浙江省'])) as Region;
    other = await makeOtherDistrict(t.db);
  });
  afterAll(async () => t.close());

  it('shows the district 统战部 its region with its ancestors and full names, and no sibling district', async () => {
    const res = await tzb.get('/api/v1/regions');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          id: province.id,
          parentId: null,
          name: '浙江省',
          level: 'province',
          path: `/${province.id}/`,
          fullName: '浙江省',
        },
        {
          id: city.id,
          parentId: province.id,
          name: '宁波市',
          level: 'city',
          path: `/${province.id}/${city.id}/`,
          fullName: '浙江省宁波市',
        },
        {
          id: district.id,
          parentId: city.id,
          name: '奉化区',
          level: 'county',
          path: `/${province.id}/${city.id}/${district.id}/`,
          fullName: '浙江省宁波市奉化区',
        },
      ],
    });
    // every business role reads the same region tree
    const dept = await loginAs(t, 'department', '区公安分局');
    expect((await dept.get('/api/v1/regions')).json()).toEqual(res.json());
  });

  it('lets the 统战部 add a child region under its own region', async () => {
    const res = await tzb.post('/api/v1/regions', {
      parentId: district.id,
      name: '锦屏街道',
      level: 'town',
    });
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toEqual({
      id: expect.any(Number),
      parentId: district.id,
      name: '锦屏街道',
      level: 'town',
      path: `${district.path}${created.id}/`,
      fullName: '浙江省宁波市奉化区锦屏街道',
    });
    const items = (await tzb.get('/api/v1/regions')).json().items;
    expect(items.map((r: { fullName: string }) => r.fullName)).toEqual([
      '浙江省',
      '浙江省宁波市',
      '浙江省宁波市奉化区',
      '浙江省宁波市奉化区锦屏街道',
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_username', 'after_json'])
      .where('action', '=', 'region.create')
      .where('entity_id', '=', String(created.id))
      .executeTakeFirstOrThrow();
    expect(audit.actor_username).toBe(tzb.username);
    expect(JSON.parse(audit.after_json ?? 'null')).toMatchObject({
      id: created.id,
      name: '锦屏街道',
      parent_id: district.id,
    });
  });

  it('refuses a level that does not sit below its parent (a 省 under a 区县) with 400, storing nothing', async () => {
    const before = (await tzb.get('/api/v1/regions')).json().items.length;
    const res = await tzb.post('/api/v1/regions', { parentId: district.id, name: '某省', level: 'province' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REGION_LEVEL_INVALID');
    expect((await tzb.get('/api/v1/regions')).json().items.length).toBe(before);
  });

  it('answers 404 for a parent outside its region (another district, or its own city) and stores nothing', async () => {
    for (const parentId of [other.region.id, city.id, 999_999]) {
      const res = await tzb.post('/api/v1/regions', { parentId, name: '越界街道', level: 'county' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND);
    }
    expect(await regionsNamed('越界街道')).toEqual([]);
    const rename = await tzb.patch(`/api/v1/regions/${other.region.id}`, { name: '改名区' });
    expect(rename.statusCode).toBe(404);
    expect(rename.json()).toEqual(NOT_FOUND);
  });

  it('refuses a duplicate name under the same parent with 409, on create and on rename', async () => {
    await tzb.post('/api/v1/regions', { parentId: district.id, name: '岳林街道', level: 'town' });
    const dup = await tzb.post('/api/v1/regions', {
      parentId: district.id,
      name: '岳林街道',
      level: 'town',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toEqual({ error: { code: 'CONFLICT', message: '与现有记录冲突：岳林街道' } });
    expect(await regionsNamed('岳林街道')).toHaveLength(1);

    const third = (
      await tzb.post('/api/v1/regions', { parentId: district.id, name: '江口街道', level: 'town' })
    ).json();
    const clash = await tzb.patch(`/api/v1/regions/${third.id}`, { name: '岳林街道' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toEqual({ error: { code: 'CONFLICT', message: '与现有记录冲突：岳林街道' } });
    const renamed = await tzb.patch(`/api/v1/regions/${third.id}`, { name: '江口街道（新）' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      id: third.id,
      name: '江口街道（新）',
      fullName: '浙江省宁波市奉化区江口街道（新）',
    });
    // renaming to its own current name is not a clash
    expect((await tzb.patch(`/api/v1/regions/${third.id}`, { name: '江口街道（新）' })).statusCode).toBe(200);
  });

  it('refuses region writes to roles without regions:write (403)', async () => {
    for (const [role, org] of [
      ['qfb', '区府办'],
      ['department', '区公安分局'],
      ['counterpart', '民革奉化区委会'],
      ['sysadmin', '区委统战部'],
    ] as const) {
      const client = await loginAs(t, role, org);
      const res = await client.post('/api/v1/regions', {
        parentId: district.id,
        name: `${role}街道`,
        level: 'town',
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'FORBIDDEN', message: '无权执行此操作' } });
    }
  });
});
