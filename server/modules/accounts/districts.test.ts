import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeOrganisation, seedDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  login,
  loginAs,
  type TestApp,
} from '../../test/helper.js';
import { findRegionByPathNames } from '../regions/index.js';

const names = (res: { json(): { items: { name: string }[] } }) => res.json().items.map((o) => o.name);

describeEachDialect('a second district beside the first (统战部 of the city)', (dialect) => {
  let t: TestApp;
  let city: Client;
  let fenghua: Client;
  let haishu: Client;
  let haishuRegionId: number;
  let cityRegionId: number;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const region = await findRegionByPathNames(t.db, ['浙江省', '宁波市']);
    if (!region) throw new Error('no city');
    cityRegionId = region.id;
    const cityOffice = await makeOrganisation(t.db, {
      name: '宁波市委统战部',
      kind: 'oversight',
      regionId: region.id,
    });
    city = await loginAs(t, 'tzb', cityOffice.id);
    fenghua = await loginAs(t, 'tzb', '区委统战部');
  });
  afterAll(async () => t.close());

  it('the city adds 海曙区 with its own 统战部 administrator, who activates by code and imports its list', async () => {
    const res = await city.post('/api/v1/accounts/districts', {
      parentId: cityRegionId,
      name: '海曙区',
      level: 'county',
      oversightName: '海曙区委统战部',
      administrator: { username: 'hs.tzb', displayName: '海曙统战部管理员' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      region: { name: '海曙区' },
      organisation: { name: '海曙区委统战部' },
      code: { username: 'hs.tzb', delivery: 'shown', code: expect.stringMatching(/^[A-Z2-9]{4}-/) },
    });
    haishuRegionId = body.region.id;
    const redeemed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/activation/redeem',
      payload: { code: body.code.code, newPassword: 'Haishu-Tzb-2026' },
    });
    expect(redeemed.statusCode).toBe(200);
    haishu = await login(t.app, 'hs.tzb', 'Haishu-Tzb-2026');
    const me = (await haishu.get('/api/v1/auth/me')).json().user;
    expect(me).toMatchObject({
      role: 'tzb',
      organisation: { name: '海曙区委统战部' },
      region: { id: haishuRegionId },
    });
    // the notice read by the preview, its pairs confirmed as the import grid sends them
    const preview = (
      await haishu.post('/api/v1/pairings/import/preview', {
        text: '民盟海曙总支：海曙区教育局、海曙区卫健局\n民建海曙总支：海曙区商务局',
      })
    ).json();
    const imported = await haishu.post('/api/v1/pairings/import', {
      pairs: preview.pairs.map((p: { counterpart: string; department: string; shared: boolean }) => ({
        counterpart: p.counterpart,
        department: p.department,
        shared: p.shared,
      })),
      validFrom: 2026,
      source: '海政发〔2026〕1号',
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json().created).toBe(3);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('region_id', '=', haishuRegionId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'organisation.create',
        'user.create',
        'account.code.issue',
        'account.activate',
      ]),
    );
  });

  it('the two districts see nothing of each other; the city sees both', async () => {
    const fenghuaRegion = await seedDistrict(t.db);
    const fhOrgs = names(await fenghua.get('/api/v1/organisations'));
    const hsOrgs = names(await haishu.get('/api/v1/organisations'));
    const cityOrgs = names(await city.get('/api/v1/organisations'));
    expect(fhOrgs).toContain('区公安分局');
    expect(fhOrgs).not.toContain('海曙区教育局');
    expect(fhOrgs).not.toContain('海曙区委统战部');
    expect(hsOrgs).toEqual(expect.arrayContaining(['海曙区委统战部', '海曙区教育局', '民盟海曙总支']));
    expect(hsOrgs).not.toContain('区公安分局');
    expect(cityOrgs).toEqual(expect.arrayContaining(['区公安分局', '海曙区教育局']));

    const hsPairs = (await haishu.get('/api/v1/pairings?year=2026')).json().items;
    expect(hsPairs).toHaveLength(3);
    const fhPairs = (await fenghua.get('/api/v1/pairings?year=2026')).json().items;
    expect(JSON.stringify(fhPairs)).not.toContain('海曙');
    const cityPairs = (await city.get('/api/v1/pairings?year=2026')).json().items;
    expect(cityPairs.length).toBe(hsPairs.length + fhPairs.length);

    const accountUnits = (c: Client) =>
      c
        .get('/api/v1/accounts')
        .then((r) => r.json().items.map((u: { organisation: { name: string } }) => u.organisation.name));
    expect(await accountUnits(haishu)).toEqual(expect.arrayContaining(['海曙区教育局', '民盟海曙总支']));
    expect(await accountUnits(haishu)).not.toContain('区公安分局');
    expect(await accountUnits(fenghua)).not.toContain('海曙区教育局');
    expect(await accountUnits(city)).toEqual(expect.arrayContaining(['海曙区教育局', '区公安分局']));

    // nothing crosses: codes, districts, regions of the other are 404
    const hsAdminId = (
      await t.db.selectFrom('users').select('id').where('username', '=', 'hs.tzb').executeTakeFirstOrThrow()
    ).id;
    const fhUser = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', fenghua.username)
      .executeTakeFirstOrThrow();
    for (const res of [
      await fenghua.post(`/api/v1/accounts/${hsAdminId}/code`),
      await haishu.post(`/api/v1/accounts/${fhUser.id}/code`),
      await fenghua.post('/api/v1/accounts/districts', {
        parentId: cityRegionId,
        name: '江北区',
        level: 'county',
        oversightName: '江北区委统战部',
        administrator: { username: 'jb.tzb', displayName: '江北' },
      }),
      await haishu.patch(`/api/v1/regions/${fenghuaRegion.id}`, { name: '越界区' }),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'jb.tzb').execute()).toEqual(
      [],
    );
    // the city may issue the district administrator a fresh code (it is the city's region too)
    expect((await city.post(`/api/v1/accounts/${hsAdminId}/code`)).statusCode).toBe(200);
  });

  it('refuses a district at the wrong level or a duplicate name, creating nothing', async () => {
    const before = (await t.db.selectFrom('regions').select('id').execute()).length;
    const dup = await city.post('/api/v1/accounts/districts', {
      parentId: cityRegionId,
      name: '海曙区',
      level: 'county',
      oversightName: '另一个统战部',
      administrator: { username: 'dup.tzb', displayName: '重复' },
    });
    expect(dup.statusCode).toBe(409);
    const level = await city.post('/api/v1/accounts/districts', {
      parentId: cityRegionId,
      name: '某省',
      level: 'province',
      oversightName: '某统战部',
      administrator: { username: 'lvl.tzb', displayName: '层级' },
    });
    expect(level.statusCode).toBe(400);
    expect((await t.db.selectFrom('regions').select('id').execute()).length).toBe(before);
    expect(
      await t.db.selectFrom('users').select('id').where('username', 'in', ['dup.tzb', 'lvl.tzb']).execute(),
    ).toEqual([]);
  });
});
