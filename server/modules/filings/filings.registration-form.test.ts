// 附件2 printed as .docx: filled from a unit's filed form (phones full or masked by who asks), or blank.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chineseDate } from '../../documents/chinese-date.js';
import { type Client, describeEachDialect, loginAs, orgId, type TestApp } from '../../test/helper.js';
import { docxText, filingsCast } from './filings.fixtures.js';

describeEachDialect('filings: registration form', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let qfb: Client;
  let deadline: string;
  let year: number;

  beforeAll(async () => {
    const cast = await filingsCast(dialect, { round: true });
    ({ t, tzb, qfb, deadline, year } = cast);
    // 区教育局's form filed, as the form tests leave it
    await cast.formOf('区教育局', 'filed');
  });
  afterAll(async () => t.close());

  it('prints 附件2 filled from the filing, with full phones for the unit and 统战部, and blank', async () => {
    const jiaoyuId = await orgId(t.db, '区教育局');
    const jiaoyu = await loginAs(t, 'department', jiaoyuId);
    const url = `/api/v1/documents/registration-form.docx?organisationId=${jiaoyuId}&year=${year}`;
    const filled = await jiaoyu.get(url);
    expect(filled.statusCode).toBe(200);
    expect(filled.headers['content-type']).toContain('wordprocessingml');
    expect(filled.headers['content-disposition']).toContain(
      encodeURIComponent(`${year}年对口联系工作分管领导、联络员登记表-区教育局.docx`),
    );
    const text = await docxText(filled);
    for (const s of [
      '附件2',
      '对口联系工作分管领导、联络员登记表',
      '单位名称（盖章）：区教育局',
      '分管领导陈志强副局长13905745678',
      '联络员周丽华办公室主任88901234',
      `注：此表请于${chineseDate(deadline)}前报区委统战部党派干部科`,
      '联系人：邬锡明；联系电话：89294017；传真：88522300',
    ]) {
      expect(text).toContain(s);
    }
    expect(await docxText(await tzb.get(url))).toContain('13905745678');
    const byQfb = await docxText(await qfb.get(url));
    expect(byQfb).toContain('139****5678');
    expect(byQfb).not.toContain('13905745678');

    const blank = await docxText(await jiaoyu.get(`${url}&blank=1`));
    expect(blank).toContain('对口联系工作分管领导、联络员登记表');
    expect(blank).toContain(`注：此表请于${chineseDate(deadline)}前报区委统战部党派干部科`);
    for (const s of ['陈志强', '周丽华', '13905745678', '区教育局']) expect(blank).not.toContain(s);
    expect(blank).toContain(`${year}年`);

    expect(
      (await jiaoyu.get(`/api/v1/documents/registration-form.docx?organisationId=${jiaoyuId}&year=2001`))
        .statusCode,
    ).toBe(404);
    const caizheng = await loginAs(t, 'department', '区财政局');
    expect((await caizheng.get(url)).statusCode).toBe(404);
    const exports = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'document.export')
      .where('entity_id', '=', 'registration-form.docx')
      .orderBy('id')
      .execute();
    expect(exports.map((e) => e.detail?.replace(/^.*phones=/, ''))).toEqual([
      'full',
      'full',
      'masked',
      'none',
    ]);

    // a blank 附件2 prints for any year, even one with no round: the year asked, the deadline left to fill in,
    // the office and contact of the region's latest round
    const blank2001 = await jiaoyu.get(
      `/api/v1/documents/registration-form.docx?organisationId=${jiaoyuId}&year=2001&blank=1`,
    );
    expect(blank2001.statusCode, blank2001.body).toBe(200);
    const text2001 = await docxText(blank2001);
    expect(text2001).toContain('2001年对口联系工作分管领导、联络员登记表'.slice(5));
    expect(text2001).toContain('注：此表请于2001年\u3000\u3000月\u3000\u3000日前报区委统战部党派干部科');
    expect(text2001).toContain('联系人：邬锡明；联系电话：89294017；传真：88522300');
    expect(text2001).toContain('2001年\u3000\u3000月\u3000\u3000日');
    for (const s of ['陈志强', '周丽华', '区教育局']) expect(text2001).not.toContain(s);
    expect(blank2001.headers['content-disposition']).toContain(
      encodeURIComponent('2001年对口联系工作分管领导、联络员登记表'),
    );
  });
});
