import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reindexSearch } from '../../cli/search-reindex.js';
import { makeOtherDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { record } from '../ledger/ledger.fixtures.js';
import { insertPerson } from '../roster/index.js';
import { highlight, snippet } from './highlight.js';

interface Hit {
  type: string;
  id: number;
  title: string;
  titleHtml: string;
  snippet: string;
  link: string;
}

describe('highlight', () => {
  it('marks every match, case-insensitively, and escapes everything else', () => {
    expect(highlight('<b>产教融合</b> & 产教', '产教')).toBe(
      '&lt;b&gt;<mark>产教</mark>融合&lt;/b&gt; &amp; <mark>产教</mark>',
    );
    expect(highlight('Liaison LIAISON', 'liaison')).toBe('<mark>Liaison</mark> <mark>LIAISON</mark>');
    expect(snippet('一二三四五六七八九十产教融合一二三', '产教', 3, 4)).toBe(
      '…八九十<mark>产教</mark>融合一二…',
    );
    expect(snippet('没有', '产教')).toBeNull();
  });
});

describeEachDialect('search', (dialect) => {
  let t: TestApp;
  let jiaoyuDept: Client;
  let gonganDept: Client;
  let minmengCp: Client;
  let tzb: Client;
  let otherTzb: Client;
  const ids = {} as Record<'jiaoyu' | 'minmeng' | 'gongan' | 'minge' | 'a' | 'b' | 'c' | 'person', number>;

  const search = async (client: Client, q: string) => {
    const res = await client.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Hit[];
  };
  const keys = (hits: Hit[]) => hits.map((h) => `${h.type}:${h.id}`).sort();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ids.jiaoyu = await orgId(t.db, '区教育局');
    ids.minmeng = await orgId(t.db, '民盟奉化支部');
    ids.gongan = await orgId(t.db, '区公安分局');
    ids.minge = await orgId(t.db, '民革奉化区委会');
    jiaoyuDept = await loginAs(t, 'department', '区教育局');
    gonganDept = await loginAs(t, 'department', '区公安分局');
    minmengCp = await loginAs(t, 'counterpart', '民盟奉化支部');
    tzb = await loginAs(t, 'tzb', '区委统战部');
    const other = await makeOtherDistrict(t.db, '海曙区');
    otherTzb = await loginAs(t, 'tzb', other.oversight.id);
    const otherDept = await loginAs(t, 'department', other.department.id);

    ids.a = (
      await record(jiaoyuDept, {
        departmentId: ids.jiaoyu,
        counterpartIds: [ids.minmeng],
        kind: 'research',
        subtype: 'joint',
        title: '职业教育产教融合联合调研',
        summary: '围绕产教融合<script>alert(1)</script>开展调研，形成报告。',
        startsAt: '2026-03-02T09:00:00+08:00',
      })
    ).id;
    ids.b = (
      await record(gonganDept, {
        departmentId: ids.gongan,
        counterpartIds: [ids.minge],
        kind: 'research',
        subtype: 'joint',
        title: '校园周边交通安全调研',
        summary: '兼顾职业院校产教融合实训基地周边交通。',
        startsAt: '2026-04-02T09:00:00+08:00',
      })
    ).id;
    ids.c = (
      await record(otherDept, {
        departmentId: other.department.id,
        counterpartIds: [other.counterpart.id],
        kind: 'research',
        subtype: 'joint',
        title: '海曙产教融合调研',
        startsAt: '2026-05-02T09:00:00+08:00',
      })
    ).id;
    const person = await insertPerson(t.db, {
      organisationId: ids.jiaoyu,
      role: 'liaison',
      name: '欧阳明远',
      position: '办公室主任',
      officePhone: '88000000',
      mobile: null,
      servedFrom: '2026-01-01',
      source: 'roster',
      filingId: null,
      createdBy: null,
    });
    ids.person = person.id;
  });
  afterAll(async () => t.close());

  it('finds ledger records by a 4- and a 2-character Chinese substring, only those the user may see', async () => {
    for (const q of ['产教融合', '产教']) {
      const mine = (await search(jiaoyuDept, q)).filter((h) => h.type === 'ledger');
      expect(keys(mine), `教育局 ${q}`).toEqual([`ledger:${ids.a}`]);
      const cp = (await search(minmengCp, q)).filter((h) => h.type === 'ledger');
      expect(keys(cp), `民盟 ${q}`).toEqual([`ledger:${ids.a}`]);
      const other = (await search(gonganDept, q)).filter((h) => h.type === 'ledger');
      expect(keys(other), `公安 ${q}`).toEqual([`ledger:${ids.b}`]);
      const region = (await search(tzb, q)).filter((h) => h.type === 'ledger');
      expect(keys(region), `统战部 ${q}`).toEqual([`ledger:${ids.a}`, `ledger:${ids.b}`].sort());
      const otherRegion = (await search(otherTzb, q)).filter((h) => h.type === 'ledger');
      expect(keys(otherRegion), `海曙 ${q}`).toEqual([`ledger:${ids.c}`]);
    }
  });

  it('highlights the matches and escapes the rest', async () => {
    const [hit] = (await search(jiaoyuDept, '产教融合')).filter((h) => h.type === 'ledger');
    expect(hit?.titleHtml).toBe('职业教育<mark>产教融合</mark>联合调研');
    expect(hit?.snippet).toContain('围绕<mark>产教融合</mark>&lt;script&gt;alert(1)&lt;/script&gt;开展调研');
    expect(hit?.snippet).not.toContain('<script>');
    expect(hit?.link).toBe(`/ledger/${ids.a}`);
  });

  it('finds people of the own unit only (and the region for 统战部), never their phones', async () => {
    expect(keys(await search(jiaoyuDept, '欧阳'))).toEqual([`person:${ids.person}`]);
    expect(keys(await search(tzb, '欧阳明远'))).toEqual([`person:${ids.person}`]);
    expect(await search(gonganDept, '欧阳')).toEqual([]);
    expect(await search(otherTzb, '欧阳')).toEqual([]);
    expect(await search(tzb, '88000000')).toEqual([]);
  });

  it('finds organisations as directory data of the region, not another region', async () => {
    const orgs = (await search(gonganDept, '教育局')).filter((h) => h.type === 'organisation');
    expect(orgs.map((h) => h.title)).toEqual(['区教育局']);
    const other = (await search(otherTzb, '教育局')).filter((h) => h.type === 'organisation');
    expect(other.map((h) => h.title)).toEqual(['海曙区教育局']);
  });

  it('keeps the index current on update, and rebuilds it identically', async () => {
    const res = await jiaoyuDept.patch(`/api/v1/ledger/${ids.a}`, { title: '职业教育校企合作联合调研' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await search(jiaoyuDept, '校企合作')).map((h) => h.id)).toEqual([ids.a]);
    const before = await t.db
      .selectFrom('search_index')
      .select(['entity_type', 'entity_id', 'title'])
      .execute();
    await t.db.transaction().execute((trx) => reindexSearch(trx));
    const after = await t.db
      .selectFrom('search_index')
      .select(['entity_type', 'entity_id', 'title'])
      .execute();
    const sort = (rows: typeof before) =>
      rows.map((r) => `${r.entity_type}:${r.entity_id}:${r.title}`).sort();
    expect(sort(after)).toEqual(sort(before));
    expect((await search(jiaoyuDept, '校企合作')).map((h) => h.id)).toEqual([ids.a]);
  });

  it('refuses a one-character query and the admins', async () => {
    expect((await tzb.get(`/api/v1/search?q=${encodeURIComponent('产')}`)).statusCode).toBe(400);
    const admin = await loginAs(t, 'sysadmin', '区委统战部');
    expect((await admin.get(`/api/v1/search?q=${encodeURIComponent('产教')}`)).statusCode).toBe(403);
  });
});
