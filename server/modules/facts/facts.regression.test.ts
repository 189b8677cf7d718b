// Issue 12's situations, each reproduced through the API and checked on exact text: what 附件3, the pack and
// the dashboard say is what happened — a scheduled meeting is not held, a future invitation not missed, a
// symposium only scheduled not "0次", a 先协商后决策 breach stated, a past year's roster as of its end, and a
// department of a later year's pairing list neither counted nor owing anything this year.
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { monthDay } from '../../../common/report-prose.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { makeOrganisation, roundWithDeadline, seedDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { insertPairing } from '../pairings/index.js';

const YEAR = Number(shanghaiDate(new Date().toISOString()).slice(0, 4));
/** One minute ago / in a week, whole minutes: the same year except in the year's first or last minutes. */
const justPast = () => new Date(Math.floor((Date.now() - 120_000) / 60_000) * 60_000).toISOString();
const inDays = (n: number) =>
  new Date(Math.floor((Date.now() + n * 86_400_000) / 60_000) * 60_000).toISOString();
const md = (iso: string) => monthDay(shanghaiDate(iso));

// biome-ignore lint/suspicious/noExplicitAny: API answers are read field by field, checked by expect
async function ok(res: Promise<{ statusCode: number; body: string; json(): any }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

describeEachDialect('issue 12 regressions', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  const ids: Record<string, number> = {};
  const partnerOf = async (departmentId: number) =>
    await t.db
      .selectFrom('pairings as p')
      .innerJoin('organisations as o', 'o.id', 'p.counterpart_id')
      .select(['o.id', 'o.name'])
      .where('p.department_id', '=', departmentId)
      .orderBy('o.id')
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    tzb = await loginAs(t, 'tzb', '区委统战部');
    for (const name of ['区卫生健康局', '区经信局', '区人力社保局', '区交通局', '区教育局']) {
      ids[name] = await orgId(t.db, name);
    }
  });
  afterAll(async () => t?.close());

  const section = async (departmentId: number, key: string, year = YEAR) => {
    const report = await ok(tzb.get(`/api/v1/reports/${departmentId}/${year}`));
    return report.sections.find((s: { key: string }) => s.key === key).text as string;
  };

  it('a scheduled symposium is not held: 附件3, the dashboard and the pack all count 1 held and 1 ahead', async () => {
    const d = ids.区卫生健康局 as number;
    const cp = await partnerOf(d);
    const dept = await loginAs(t, 'department', d);
    const pair = { departmentId: d, counterpartIds: [cp.id], kind: 'symposium' };
    const held = justPast();
    const ahead = inDays(7);
    const s1 = await ok(dept.post('/api/v1/ledger', { ...pair, title: '年度座谈会', startsAt: held }));
    await ok(
      dept.post(`/api/v1/ledger/${s1.id}/minutes`, { minutes: '第一项：通报工作。\n第二项：交流意见。' }),
    );
    await ok(dept.post('/api/v1/ledger', { ...pair, title: '“总结会”', startsAt: ahead }));

    expect(await section(d, 'meetings')).toBe(
      `全年召开对口联系工作座谈会1次。${md(held)}，与${cp.name}召开“年度座谈会”。另有1次已安排于${md(ahead)}召开。`,
    );
    const board = await ok(tzb.get(`/api/v1/dashboard?year=${YEAR}`));
    const row = board.pairs.find(
      (p: { department: { id: number }; counterpart: { id: number } }) =>
        p.department.id === d && p.counterpart.id === cp.id,
    );
    expect(row.symposia.value).toBe(1);
    const pack = await ok(tzb.get(`/api/v1/conference/${YEAR}`));
    const packPair = pack.pairs.find(
      (p: { department: { id: number }; counterpart: { id: number } }) =>
        p.department.id === d && p.counterpart.id === cp.id,
    );
    expect(packPair.counts.symposia).toBe(1);
    expect(pack.ahead.symposia).toBe(1);
    expect(pack.prose.overview).toContain('召开对口联系工作座谈会1次');
    expect(pack.prose.overview).toContain(`另有对口联系工作座谈会1次已安排于${md(ahead)}召开`);

    // the minutes keep their line breaks in the ledger's .docx: one paragraph per line
    const docx = await dept.get(`/api/v1/ledger/export.docx?year=${YEAR}&kind=symposium`);
    expect(docx.statusCode, docx.body.slice(0, 200)).toBe(200);
    const xml =
      (await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => p[0].replace(/<[^>]+>/g, ''));
    expect(paragraphs).toContain('第一项：通报工作。');
    expect(paragraphs).toContain('第二项：交流意见。');
  });

  it('a future invitation the counterpart will attend is neither "未出席" nor attended (区经信局)', async () => {
    const d = ids.区经信局 as number;
    const cp = await partnerOf(d);
    const dept = await loginAs(t, 'department', d);
    const cpUser = await loginAs(t, 'counterpart', cp.id);
    const when = inDays(20);
    const inv = await ok(
      cpUser.post('/api/v1/ledger', {
        departmentId: d,
        counterpartIds: [cp.id],
        kind: 'invitation',
        direction: 'cp_to_dept',
        subtype: 'meeting',
        title: '年终总结会',
        startsAt: when,
      }),
    );
    await ok(dept.post(`/api/v1/ledger/${inv.id}/reply`, { reply: 'attend', attendees: '张局长' }));
    const text = await section(d, 'invitations');
    expect(text).toBe(
      `本年度未邀请联系对象参加本部门重要会议和活动。${cp.name}邀请参加“年终总结会”，将于${md(when)}举行。`,
    );
    expect(text).not.toContain('未出席');
    const pack = await ok(tzb.get(`/api/v1/conference/${YEAR}`));
    expect(pack.attendance.cpToDept).toMatchObject({ attended: 0, declined: 0, ahead: 1 });
  });

  it('a symposium only scheduled: no "召开专题协商座谈会0次" (区人力社保局); a breach stated plainly (区交通局)', async () => {
    const M = '/api/v1/consultations/matters';
    const rs = ids.区人力社保局 as number;
    const rsUser = await loginAs(t, 'department', rs);
    const m1 = await ok(rsUser.post(M, { departmentId: rs, kind: 'policy', title: '就业创业扶持办法' }));
    const on = inDays(9);
    await ok(rsUser.post(`${M}/${m1.id}/symposium`, { scheduledAt: on, place: '区政府3号会议室' }));
    expect(await section(rs, 'consultation')).toBe(
      `全年就1项重大事项与联系对象开展协商，专题协商座谈会尚未召开，已安排1次，于${md(on)}召开，未收到意见建议。` +
        `《就业创业扶持办法》的专题协商座谈会已安排于${md(on)}召开。`,
    );

    const jt = ids.区交通局 as number;
    const jtUser = await loginAs(t, 'department', jt);
    const m2 = await ok(jtUser.post(M, { departmentId: jt, kind: 'project', title: '城区公交线网优化方案' }));
    const decided = new Date(Date.now() - 600_000).toISOString();
    const held = justPast();
    await ok(jtUser.post(`${M}/${m2.id}/decision`, { decidedAt: decided }));
    await ok(jtUser.post(`${M}/${m2.id}/symposium/held`, { heldAt: held }));
    const text = await section(jt, 'consultation');
    expect(text).toContain(
      `《城区公交线网优化方案》于${md(decided)}作出决策，早于${md(held)}召开的专题协商座谈会，未先协商后决策。`,
    );
    expect(text).not.toContain('违规');
    const pack = await ok(tzb.get(`/api/v1/conference/${YEAR}`));
    expect(pack.prose.breaches).toBe(
      `1项重大事项未先协商后决策：区交通局《城区公交线网优化方案》（${md(decided)}作出决策，专题协商座谈会于${md(held)}召开）。`,
    );
    const board = await ok(tzb.get(`/api/v1/dashboard?year=${YEAR}`));
    const unit = (id: number) =>
      board.units.find((u: { organisation: { id: number } }) => u.organisation.id === id);
    expect(unit(jt).cells.consultation.value).toBe('1/1');
    expect(unit(rs).cells.consultation.value).toBe('0/1');
  });

  it('a past year names the roster as of that year’s end, not today’s people', async () => {
    const d = ids.区教育局 as number;
    const dept = await loginAs(t, 'department', d);
    await ok(
      dept.put(`/api/v1/roster/${d}/leader`, {
        name: '陈志强',
        position: '副局长',
        mobile: '13905745678',
        servedFrom: '2024-03-01',
      }),
    );
    const past = await ok(tzb.get(`/api/v1/reports/${d}/2019`));
    expect(past.header).toMatchObject({ leader: null, liaison: null });
    const current = await ok(tzb.get(`/api/v1/reports/${d}/${YEAR}`));
    expect(current.header.leader).toMatchObject({ name: '陈志强' });
  });

  it('a department of next year’s pairing list is not counted this year, owes no 附件3 and no 附件2', async () => {
    const region = await seedDistrict(t.db);
    const newDept = await makeOrganisation(t.db, { name: '区数据局', kind: 'department' });
    const newCp = await makeOrganisation(t.db, { name: '新联会奉化分会', kind: 'counterpart' });
    await insertPairing(t.db, {
      regionId: region.id,
      counterpartId: newCp.id,
      departmentId: newDept.id,
      validFrom: YEAR + 1,
      validTo: null,
      source: `奉政发〔${YEAR}〕9号`,
      shared: false,
    });
    const pack = await ok(tzb.get(`/api/v1/conference/${YEAR}`));
    expect(pack.pairs).toHaveLength(26);
    expect(pack.plans.departments).toBe(26);
    expect(pack.prose.overview).toMatch(/^全区共有对口联系关系26对，涉及部门26个、联系对象\d+个。/);
    const status = await ok(tzb.get(`/api/v1/reports?year=${YEAR}`));
    expect(status.items.map((i: { department: { id: number } }) => i.department.id)).not.toContain(
      newDept.id,
    );
    expect((await tzb.get(`/api/v1/reports/${newDept.id}/${YEAR}`)).statusCode).toBe(404);
    expect((await tzb.get(`/api/v1/reports/${newDept.id}/${YEAR + 1}`)).statusCode).toBe(200);
    const round = await roundWithDeadline(t.db, tzb, YEAR, `${YEAR}-01-05`);
    const board = await ok(tzb.get(`/api/v1/filing-rounds/${round.id}/board`));
    const on = board.units.map((u: { organisation: { id: number } }) => u.organisation.id);
    expect(on).not.toContain(newDept.id);
    expect(on).not.toContain(newCp.id);
    expect(board.late.map((u: { id: number }) => u.id)).not.toContain(newDept.id);
    const dash = await ok(tzb.get(`/api/v1/dashboard?year=${YEAR}`));
    expect(dash.units.map((u: { organisation: { id: number } }) => u.organisation.id)).not.toContain(
      newDept.id,
    );
  });
});
