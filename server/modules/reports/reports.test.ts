import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localDate } from '../../../common/filings.js';
import { REPORT_SECTIONS } from '../../../common/report-prose.js';
import type {
  ConferenceResponse,
  ReportDto,
  ReportStatusItem,
  SentenceDto,
} from '../../../common/schemas/reports.js';
import { unitScope } from '../../access/scope.js';
import { ANNUAL_REPORT_SECTIONS } from '../../documents/annual-report.docx.js';
import { makeOtherDistrict, reportRoundWithDeadline } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { consultationFigures } from '../consultations/index.js';
import { type LedgerCast, ledgerCast } from '../ledger/ledger.fixtures.js';
import { getJson, KNOWN_TEXTS, type KnownYear, knownYear, YEAR } from './reports.fixtures.js';

type Section = Pick<ReportDto['sections'][number], 'key' | 'text' | 'generated'>;

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };

async function docxText(res: LightMyRequestResponse): Promise<string> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

async function getJsonOf(res: Promise<LightMyRequestResponse>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

const future = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return localDate(d);
};

describeEachDialect('reports', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  let known: KnownYear;
  let keji: Client;
  let kejiId: number;
  const url = (departmentId: number, suffix = '') => `/api/v1/reports/${departmentId}/${YEAR}${suffix}`;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    known = await knownYear(c);
    kejiId = await orgId(t.db, '区科技局');
    keji = await loginAs(t, 'department', kejiId);
    // the roster the header prints: 分管领导 and 联络员 with their phones
    for (const [role, name, mobile] of [
      ['leader', '陈志强', '13905745678'],
      ['liaison', '周丽华', '13805741234'],
    ] as const) {
      const res = await c.dept.put(`/api/v1/roster/${c.ids.jiaoyu}/${role}`, {
        name,
        position: role === 'leader' ? '副局长' : '办公室主任',
        mobile,
        servedFrom: `${YEAR}-01-01`,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => t.close());

  it('prints the seven sections of 附件3 in the form’s order', () => {
    expect(REPORT_SECTIONS).toEqual(ANNUAL_REPORT_SECTIONS);
  });

  it('writes the draft from the year’s records: counts exact, section by section, each sentence with its records', async () => {
    const report = await getJson(c.dept, url(c.ids.jiaoyu));
    expect(report).toMatchObject({
      year: YEAR,
      department: { id: c.ids.jiaoyu, name: '区教育局' },
      status: 'not_started',
      deadline: `${YEAR + 1}-01-31`,
      header: {
        counterparts: [{ id: c.ids.minmeng, name: '民盟奉化支部' }],
        leader: { name: '陈志强', phone: '13905745678' },
        liaison: { name: '周丽华', phone: '13805741234' },
        phonesMasked: false,
      },
      abilities: { canEdit: true, canSubmit: true, canReview: false, canComment: false },
    });
    expect(Object.fromEntries(report.sections.map((s: Section) => [s.key, s.text]))).toEqual(KNOWN_TEXTS);
    for (const s of report.sections) {
      expect(s.generated.text).toBe(s.text);
      expect(s.edited).toBe(false);
    }
    const sources = (key: string) =>
      report.sections
        .find((s: Section) => s.key === key)
        .generated.sentences.map((x: SentenceDto) =>
          x.sources.map((y: SentenceDto['sources'][number]) => `${y.type}:${y.id}`),
        );
    const k = known.ids;
    expect(sources('meetings')).toEqual([
      [`ledger:${k.s1}`, `ledger:${k.s2}`],
      [`ledger:${k.s1}`],
      [`ledger:${k.s2}`],
      [`ledger:${k.s2}`],
    ]);
    expect(sources('invitations')).toEqual([
      [`ledger:${k.i1}`, `ledger:${k.i2}`],
      [`ledger:${k.i1}`],
      [`ledger:${k.i2}`],
      [`ledger:${k.i3}`],
      [`ledger:${k.i3}`],
    ]);
    expect(sources('information')).toEqual([
      [`ledger:${k.n1}`, `ledger:${k.n2}`],
      [`ledger:${k.n1}`, `ledger:${k.n2}`],
    ]);
    expect(sources('research')).toEqual([[`ledger:${k.r1}`], [`ledger:${k.r2}`], [`ledger:${k.r1}`]]);
    expect(sources('socialService')[0]).toEqual([`ledger:${k.v1}`, `ledger:${k.v2}`]);
    expect(sources('other')).toEqual([
      [`plan:${known.plan.id}`, ...known.plan.items.map((i) => `plan_item:${i}`)],
      [`plan_item:${known.plan.items[2]}`],
    ]);
    expect(sources('consultation')).toEqual([[]]);
    // every ledger source is a record the department can open
    for (const id of Object.values(k))
      expect((await c.dept.get(`/api/v1/ledger/${id}`)).statusCode).toBe(200);
    // nothing was stored by reading
    expect(await t.db.selectFrom('reports').selectAll().execute()).toEqual([]);
  });

  it('says so when a department has nothing, rather than inventing text', async () => {
    const report = await getJson(keji, url(kejiId));
    expect(report.sections.map((s: Section) => s.text)).toEqual([
      '本年度未召开对口联系工作座谈会。',
      '本年度未就重大事项开展专题协商。',
      '本年度未相互邀请参加重要会议和重大活动。',
      '本年度未向联系对象通报信息、抄送文件资料。',
      '本年度未开展联合调研。',
      '本年度未共同开展社会服务活动。',
      '本年度未制定年度对口联系工作计划。',
    ]);
    expect(
      report.sections.flatMap((s: Section) => s.generated.sentences.flatMap((x: SentenceDto) => x.sources)),
    ).toEqual([]);
    expect(report.header).toMatchObject({
      counterparts: [{ name: '民盟奉化支部' }],
      leader: null,
      liaison: null,
    });
  });

  it('writes 重大事项通报协商情况 from the consultations, agreeing with consultationFigures', async () => {
    const now = new Date().getUTCFullYear();
    const heldOn = '1月15日';
    const wenguangId = await orgId(t.db, '区文广旅体局');
    const wenguang = await loginAs(t, 'department', wenguangId);
    const M = '/api/v1/consultations/matters';
    const matter = await getJsonOf(
      wenguang.post(M, { departmentId: wenguangId, kind: 'livelihood', title: '文化惠民工程实施方案' }),
    );
    await getJsonOf(
      wenguang.post(`${M}/${matter.id}/symposium/held`, { heldAt: `${now}-01-15T09:00:00+08:00` }),
    );
    const items: number[] = [];
    for (const text of ['建议一', '建议二', '建议三', '建议四', '建议五']) {
      items.push(
        (await getJsonOf(c.cp.post(`${M}/${matter.id}/items`, { source: 'written', text }))).item.id,
      );
    }
    const classes = ['adopted', 'adopted', 'adopted', 'partly_adopted'];
    for (const [i, replyClass] of classes.entries()) {
      await getJsonOf(
        wenguang.post(`/api/v1/consultations/items/${items[i]}/reply`, { replyClass, text: '答复' }),
      );
    }
    const report = await getJson(wenguang, `/api/v1/reports/${wenguangId}/${now}`);
    const section = report.sections.find((s: Section) => s.key === 'consultation');
    expect(section.generated.sentences.map((x: SentenceDto) => x.text)).toEqual([
      '全年就1项重大事项与联系对象开展协商，召开专题协商座谈会1次，收到意见建议5条，其中采纳3条、部分采纳1条、研究办理中1条。',
      `${heldOn}，就《文化惠民工程实施方案》召开专题协商座谈会，收到意见建议5条，采纳3条、部分采纳1条、研究办理中1条。`,
      '已答复意见建议4条，其中按期答复4条，尚有1条未答复。',
    ]);
    expect(section.generated.sentences[1].sources).toEqual([
      { type: 'consultation', id: matter.id },
      ...items.map((id) => ({ type: 'suggestion', id })),
    ]);
    const wenguangUnit = await t.db
      .selectFrom('organisations as o')
      .innerJoin('regions as r', 'r.id', 'o.region_id')
      .select(['o.id', 'o.region_id', 'r.path as region_path'])
      .where('o.id', '=', wenguangId)
      .executeTakeFirstOrThrow();
    const figures = await consultationFigures(t.db, unitScope('department', wenguangUnit), {
      year: now,
      departmentId: wenguangId,
    });
    expect(figures.totals).toMatchObject({
      received: 5,
      replied: 4,
      repliedOnTime: 4,
      adoption: { adopted: 3, partly_adopted: 1, not_adopted: 0, for_reference: 0 },
    });
    // the conference pack reads the same figures
    const pack = await getJson(c.qfb, `/api/v1/conference/${now}`);
    expect(pack.consultation).toMatchObject({
      available: true,
      matters: 1,
      suggestions: 5,
      replied: 4,
      repliedOnTime: 4,
      onTimeRate: 1,
      adopted: 3,
      partly: 1,
    });
    const pair = pack.pairs.find((p: ConferenceResponse['pairs'][number]) => p.department.id === wenguangId);
    expect(pair.counts).toMatchObject({ consultations: 1, suggestions: 5 });
  });

  it('walks draft → submitted → returned → submitted → accepted; an accepted report cannot change', async () => {
    expect((await c.tzb.put(`/api/v1/report-rounds/${YEAR}`, { deadline: future(30) })).statusCode).toBe(200);
    const edited = '全年召开对口联系工作座谈会2次，研究确定年度工作计划。';
    const saved = await c.dept.put(url(c.ids.jiaoyu), { sections: { meetings: edited } });
    expect(saved.statusCode, saved.body).toBe(200);
    const draft = saved.json();
    expect(draft).toMatchObject({ status: 'draft', version: 1, daysLeft: 30, overdue: false });
    const meetings = draft.sections.find((s: Section) => s.key === 'meetings');
    expect(meetings).toMatchObject({
      text: edited,
      edited: true,
      generated: { text: KNOWN_TEXTS.meetings },
      generatedWhenSaved: KNOWN_TEXTS.meetings,
    });

    const submitted = await c.dept.post(url(c.ids.jiaoyu, '/submit'), {});
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedLate: false, version: 2 });
    expect(submitted.json().abilities).toMatchObject({ canEdit: false, canSubmit: false });

    const again = await c.dept.put(url(c.ids.jiaoyu), { sections: { other: '补充。' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REPORT_AWAITING_REVIEW');

    // a department cannot review, not even its own report; 区府办 reads but does not review
    expect((await c.dept.post(url(c.ids.jiaoyu, '/accept'), {})).json()).toEqual(FORBIDDEN);
    expect((await c.qfb.post(url(c.ids.jiaoyu, '/return'), { comment: 'x' })).json()).toEqual(FORBIDDEN);
    expect((await c.qfb.get(url(c.ids.jiaoyu))).statusCode).toBe(200);

    const returned = await c.tzb.post(url(c.ids.jiaoyu, '/return'), {
      comment: '请补充联合调研成果的落实情况。',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnComment: '请补充联合调研成果的落实情况。',
    });
    const inbox = (await c.dept.get('/api/v1/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'report_returned', body: '请补充联合调研成果的落实情况。' });
    // only a submitted report is reviewed
    expect((await c.tzb.post(url(c.ids.jiaoyu, '/accept'), {})).statusCode).toBe(409);

    const research = `${KNOWN_TEXTS.research}调研成果已转化为区教育局工作举措。`;
    const resubmitted = await c.dept.post(url(c.ids.jiaoyu, '/submit'), { sections: { research } });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json().status).toBe('submitted');
    const accepted = await c.tzb.post(url(c.ids.jiaoyu, '/accept'), { comment: '同意。' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const final = accepted.json();
    expect(final).toMatchObject({ status: 'accepted', version: 5 });
    expect(final.acceptedAt).not.toBeNull();
    expect(final.sections.find((s: Section) => s.key === 'research').text).toBe(research);
    expect(final.versions.map((v: ReportDto['versions'][number]) => [v.version, v.action, v.status])).toEqual(
      [
        [1, 'saved', 'draft'],
        [2, 'submitted', 'submitted'],
        [3, 'returned', 'returned'],
        [4, 'submitted', 'submitted'],
        [5, 'accepted', 'accepted'],
      ],
    );

    for (const res of [
      await c.dept.put(url(c.ids.jiaoyu), { sections: { other: '补充。' } }),
      await c.dept.post(url(c.ids.jiaoyu, '/submit'), {}),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('REPORT_ACCEPTED');
    }
    // every saved state is kept as it stood
    const v1 = await getJson(c.dept, url(c.ids.jiaoyu, '/versions/1'));
    expect(v1.sections.find((s: Section) => s.key === 'meetings').text).toBe(edited);
    expect(v1.sections.find((s: Section) => s.key === 'research').text).toBe(KNOWN_TEXTS.research);
  });

  it('lets the counterpart of the pair read and comment; anyone else gets 404', async () => {
    const read = await getJson(c.cp, url(c.ids.jiaoyu));
    expect(read).toMatchObject({
      status: 'accepted',
      header: { phonesMasked: true, leader: { name: '陈志强' } },
    });
    expect(read.header.leader.phone).not.toBe('13905745678');
    expect(read.abilities).toMatchObject({ canEdit: false, canReview: false, canComment: true });
    const commented = await c.cp.post(url(c.ids.jiaoyu, '/comments'), {
      body: '建议补充共同开展送教下乡的成效。',
      sectionKey: 'socialService',
    });
    expect(commented.statusCode, commented.body).toBe(200);
    expect(commented.json().comments).toEqual([
      expect.objectContaining({
        organisation: { id: c.ids.minmeng, name: '民盟奉化支部' },
        sectionKey: 'socialService',
        body: '建议补充共同开展送教下乡的成效。',
      }),
    ]);
    expect((await c.dept.get('/api/v1/notifications')).json().items[0].kind).toBe('report_comment');

    // 民建 is not paired with 区教育局; 区公安分局 is another department; another district's 统战部
    const other = await makeOtherDistrict(t.db);
    const otherTzb = await loginAs(t, 'tzb', other.oversight.id);
    for (const client of [c.otherCp, c.otherDept, otherTzb]) {
      expect((await client.get(url(c.ids.jiaoyu))).json()).toEqual(NOT_FOUND);
    }
    expect((await c.otherCp.post(url(c.ids.jiaoyu, '/comments'), { body: '意见' })).json()).toEqual(
      NOT_FOUND,
    );
    expect((await otherTzb.post(url(c.ids.jiaoyu, '/return'), { comment: 'x' })).json()).toEqual(NOT_FOUND);
    // a department edits only its own report
    expect((await c.otherDept.put(url(c.ids.jiaoyu), { sections: {} })).json()).toEqual(NOT_FOUND);
    // a counterpart does not edit reports at all
    expect((await c.cp.put(url(c.ids.jiaoyu), { sections: {} })).json()).toEqual(FORBIDDEN);
    // the counterpart's list holds its paired departments only
    const list = await getJson(c.cp, `/api/v1/reports?year=${YEAR}`);
    expect(list.items.map((i: ReportStatusItem) => i.department.name)).toEqual([
      '区教育局',
      '区科技局',
      '区文广旅体局',
      '区统计局',
    ]);
  });

  it('flags a report submitted after the deadline as late; the board counts days; reminders once a day', async () => {
    // the API takes no deadline already past (everyone would be overdue the moment it is saved); time passing does
    const refused = await c.tzb.put(`/api/v1/report-rounds/${YEAR}`, { deadline: `${YEAR}-06-30` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toEqual({
      code: 'DEADLINE_IN_PAST',
      message: `截止日期 ${YEAR}-06-30 已过，请选择今天或以后的日期`,
    });
    await reportRoundWithDeadline(t.db, c.tzb, YEAR, `${YEAR + 1}-01-15`);
    const round = await c.tzb.get(`/api/v1/report-rounds/${YEAR}`);
    expect(round.json()).toMatchObject({ deadline: `${YEAR + 1}-01-15`, isDefault: false });
    const late = await keji.post(url(kejiId, '/submit'), {});
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ status: 'submitted', submittedLate: true, overdue: false });

    const board = await getJson(c.tzb, `/api/v1/reports/status?year=${YEAR}`);
    const expectedDays = Math.round(
      (Date.parse(`${YEAR + 1}-01-15T00:00:00Z`) - Date.parse(`${localDate()}T00:00:00Z`)) / 86_400_000,
    );
    const row = (name: string) => board.items.find((i: ReportStatusItem) => i.department.name === name);
    expect(row('区教育局')).toMatchObject({ status: 'accepted', submittedLate: false, overdue: false });
    expect(row('区科技局')).toMatchObject({ status: 'submitted', submittedLate: true });
    expect(row('区公安分局')).toMatchObject({ status: 'not_started', daysLeft: expectedDays, overdue: true });
    expect(board.items).toHaveLength(26);
    expect(board.counts).toEqual({ not_started: 24, draft: 0, submitted: 1, returned: 0, accepted: 1 });
    expect((await c.dept.get(`/api/v1/reports/status?year=${YEAR}`)).json()).toEqual(FORBIDDEN);

    const reminded = await c.tzb.post(`/api/v1/reports/remind?year=${YEAR}`);
    expect(reminded.statusCode, reminded.body).toBe(200);
    const first = reminded.json();
    expect(first.departments).toHaveLength(24);
    expect(first.notified).toBeGreaterThanOrEqual(1);
    expect(first.departmentsWithoutUsers.map((d: { name: string }) => d.name)).not.toContain('区公安分局');
    const inbox = (await c.otherDept.get('/api/v1/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ kind: 'report_reminder' });
    expect(inbox.items[0].body).toContain('已逾期');
    const second = (await c.tzb.post(`/api/v1/reports/remind?year=${YEAR}`)).json();
    expect(second).toMatchObject({ notified: 0, alreadyNotified: first.notified });
  });

  it('prints 附件3 for one department and for all, and the year’s reports as .xlsx', async () => {
    const one = await docxText(
      await c.dept.get(`/api/v1/documents/annual-report.docx?departmentId=${c.ids.jiaoyu}&year=${YEAR}`),
    );
    for (const s of ANNUAL_REPORT_SECTIONS) expect(one).toContain(s.title);
    expect(one).toContain(`${YEAR}年度对口联系工作情况报告表`);
    expect(one).toContain('区教育局');
    expect(one).toContain('全年召开对口联系工作座谈会2次');
    expect(one).toContain('已签收2家次、已阅读1家次');
    expect(one).toContain('13905745678');

    const all = await docxText(await c.tzb.get(`/api/v1/documents/annual-report.docx?year=${YEAR}&all=1`));
    expect(all).toContain('区教育局');
    expect(all).toContain('区公安分局');
    expect(all.split('年度对口联系工作情况报告表').length - 1).toBe(26);
    // out of scope: 404, whether the department exists or not
    const other = await c.otherDept.get(
      `/api/v1/documents/annual-report.docx?departmentId=${c.ids.jiaoyu}&year=${YEAR}`,
    );
    expect(other.json()).toEqual(NOT_FOUND);

    const xlsx = await c.tzb.get(`/api/v1/reports/export.xlsx?year=${YEAR}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.name).toBe(`${YEAR}年度报告`);
    const header = ((sheet?.getRow(1).values ?? []) as unknown[]).slice(1);
    expect(header.slice(6)).toEqual(ANNUAL_REPORT_SECTIONS.map((s) => s.title));
    const jiaoyu = (sheet?.getRows(2, 26) ?? []).find((r) => r.getCell(1).value === '区教育局');
    expect(jiaoyu?.getCell(2).value).toBe('已接受');
    expect(jiaoyu?.getCell(8).value).toBe('本年度未就重大事项开展专题协商。');
    expect(String(jiaoyu?.getCell(7).value)).toContain('研究确定年度工作计划');
  });
});
