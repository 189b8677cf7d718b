import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { makeOtherDistrict } from '../../test/factories.js';
import { describeEachDialect, loginAs } from '../../test/helper.js';
import { readXlsx } from '../../test/xlsx-file.js';
import { daysFromNow, ledgerWorld, record } from './ledger.fixtures.js';

describeEachDialect('ledger', (dialect) => {
  const w = ledgerWorld(dialect);

  it('invitation dept→cp: create, the counterpart replies, the host records attendance; replies then freeze', async () => {
    const inv = await record(w.c.dept, {
      ...w.pair,
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'inspection',
      title: '校园安全专项检查视察',
      startsAt: '2024-05-10T09:00:00+08:00',
      endsAt: '2024-05-10T11:30:00+08:00',
      place: '区教育局三楼会议室',
    });
    expect(inv).toMatchObject({
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'inspection',
      year: 2024,
      startsAt: '2024-05-10T01:00:00.000Z',
      endsAt: '2024-05-10T03:30:00.000Z',
      status: 'open',
      department: { id: w.c.ids.jiaoyu, name: '区教育局' },
      counterparts: [{ id: w.c.ids.minmeng, name: '民盟奉化支部' }],
      host: { id: w.c.ids.jiaoyu, name: '区教育局' },
      responses: [{ organisation: { name: '民盟奉化支部' }, reply: 'pending', attended: null }],
      abilities: { canEdit: true, canReply: false, canRecordAttendance: true },
    });
    // the host cannot reply to its own invitation
    expect((await w.c.dept.post(`/api/v1/ledger/${inv.id}/reply`, { reply: 'attend' })).statusCode).toBe(403);

    const seen = (await w.c.cp.get(`/api/v1/ledger/${inv.id}`)).json();
    expect(seen.abilities).toMatchObject({ canEdit: false, canReply: true, canRecordAttendance: false });
    const replied = await w.c.cp.post(`/api/v1/ledger/${inv.id}/reply`, {
      reply: 'attend',
      attendees: '王主委',
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json().responses[0]).toMatchObject({
      reply: 'attend',
      replyAttendees: '王主委',
      repliedBy: w.c.cp.username,
    });
    // a reply may change until attendance is recorded
    const changed = await w.c.cp.post(`/api/v1/ledger/${inv.id}/reply`, {
      reply: 'attend',
      attendees: '王主委、李秘书长',
    });
    expect(changed.json().responses[0].replyAttendees).toBe('王主委、李秘书长');

    const attended = await w.c.dept.post(`/api/v1/ledger/${inv.id}/attendance`, {
      attendance: [{ organisationId: w.c.ids.minmeng, attended: true, attendees: '王主委' }],
      summary: '提出建议3条',
    });
    expect(attended.statusCode).toBe(200);
    expect(attended.json()).toMatchObject({
      status: 'attended',
      summary: '提出建议3条',
      responses: [{ reply: 'attend', attended: true, attendees: '王主委' }],
    });

    const late = await w.c.cp.post(`/api/v1/ledger/${inv.id}/reply`, { reply: 'decline' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('REPLY_LOCKED');
    const same = await w.c.cp.post(`/api/v1/ledger/${inv.id}/reply`, {
      reply: 'attend',
      attendees: '王主委、李秘书长',
    });
    expect(same.statusCode).toBe(200);
    // attendance only for invitees
    const stranger = await w.c.dept.post(`/api/v1/ledger/${inv.id}/attendance`, {
      attendance: [{ organisationId: w.c.ids.minjian, attended: true }],
    });
    expect(stranger.statusCode).toBe(400);

    const audit = await w.t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'ledger_record')
      .where('entity_id', '=', String(inv.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'ledger.create',
      'ledger.reply',
      'ledger.reply',
      'ledger.attendance',
    ]);
  });

  it('invitation cp→dept: the counterpart hosts and the department replies; directions are checked', async () => {
    const inv = await record(w.c.cp, {
      ...w.pair,
      kind: 'invitation',
      direction: 'cp_to_dept',
      subtype: 'activity',
      title: '民盟奉化支部成立纪念活动',
      startsAt: '2024-06-01T14:00:00+08:00',
    });
    expect(inv).toMatchObject({
      host: { name: '民盟奉化支部' },
      responses: [{ organisation: { name: '区教育局' }, reply: 'pending' }],
    });
    const reply = await w.c.dept.post(`/api/v1/ledger/${inv.id}/reply`, {
      reply: 'decline',
      note: '另有公务',
    });
    expect(reply.json().responses[0]).toMatchObject({ reply: 'decline', replyNote: '另有公务' });
    const att = await w.c.cp.post(`/api/v1/ledger/${inv.id}/attendance`, {
      attendance: [{ organisationId: w.c.ids.jiaoyu, attended: false }],
    });
    expect(att.json()).toMatchObject({ status: 'attended', responses: [{ attended: false }] });

    const wrongSide = await w.c.dept.post('/api/v1/ledger', {
      ...w.pair,
      kind: 'invitation',
      direction: 'cp_to_dept',
      subtype: 'meeting',
      title: 'x',
      startsAt: '2024-06-01T14:00:00+08:00',
    });
    expect(wrongSide.statusCode).toBe(403);
    const wrongSubtype = await w.c.cp.post('/api/v1/ledger', {
      ...w.pair,
      kind: 'invitation',
      direction: 'cp_to_dept',
      subtype: 'inspection',
      title: 'x',
      startsAt: '2024-06-01T14:00:00+08:00',
    });
    expect(wrongSubtype.statusCode).toBe(400);
    expect(wrongSubtype.json().error.code).toBe('INVITATION_SUBTYPE_NOT_ALLOWED');
    // a meeting that ends before it starts is refused in the user's language, naming both fields by their labels
    const reversed = {
      ...w.pair,
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'meeting',
      title: 'x',
    };
    Object.assign(reversed, { startsAt: '2024-06-01T14:00:00+08:00', endsAt: '2024-06-01T09:00:00+08:00' });
    const backwards = await w.c.dept.post('/api/v1/ledger', reversed);
    expect(backwards.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: '输入有误：「结束时间」不能早于「开始时间」',
      details: [{ field: 'endsAt', label: '结束时间', message: '「结束时间」不能早于「开始时间」' }],
    });
    const inEnglish = await w.c.dept.post('/api/v1/ledger', reversed, { 'accept-language': 'en' });
    expect([inEnglish.statusCode, inEnglish.json().error.message]).toEqual([
      400,
      'Invalid input: End time: cannot be before Start time',
    ]);
  });

  it('counts invitations per w.pair and per direction', async () => {
    const res = await w.c.tzb.get('/api/v1/ledger/summary?year=2024');
    expect(res.statusCode).toBe(200);
    const row = res
      .json()
      .pairs.find((p: { department: { id: number } }) => p.department.id === w.c.ids.jiaoyu);
    expect(row).toEqual({
      department: { id: w.c.ids.jiaoyu, name: '区教育局' },
      counterpart: { id: w.c.ids.minmeng, name: '民盟奉化支部' },
      invitationsDeptToCp: 1,
      invitationsCpToDept: 1,
      notices: 0,
      research: 0,
      services: 0,
      symposia: 0,
    });
  });

  it('notice: sent with its 文号, the recipient confirms receipt and then reading; first times are kept', async () => {
    const notice = await record(w.c.dept, {
      ...w.pair,
      kind: 'notice',
      subtype: 'policy',
      docNumber: '奉教〔2024〕12号',
      title: '关于进一步加强中小学课后服务的通知',
      startsAt: '2024-03-05T10:00:00+08:00',
    });
    expect(notice).toMatchObject({
      status: 'sent',
      notice: { docNumber: '奉教〔2024〕12号' },
      responses: [{ organisation: { name: '民盟奉化支部' }, reply: 'n/a', receivedAt: null, readAt: null }],
    });
    expect((await w.c.dept.post(`/api/v1/ledger/${notice.id}/receipt`, { read: true })).statusCode).toBe(403);
    const received = (await w.c.cp.post(`/api/v1/ledger/${notice.id}/receipt`, { read: false })).json();
    expect(received.responses[0].receivedAt).toMatch(/Z$/);
    expect(received.responses[0]).toMatchObject({ receivedBy: w.c.cp.username, readAt: null });
    const read = (await w.c.cp.post(`/api/v1/ledger/${notice.id}/receipt`, { read: true })).json();
    expect(read.responses[0]).toMatchObject({
      receivedAt: received.responses[0].receivedAt,
      readBy: w.c.cp.username,
    });
    expect(read.responses[0].readAt).toMatch(/Z$/);
    const again = (await w.c.cp.post(`/api/v1/ledger/${notice.id}/receipt`, { read: true })).json();
    expect(again.responses[0].readAt).toBe(read.responses[0].readAt);
    // only a department sends notices
    const byCp = await w.c.cp.post('/api/v1/ledger', {
      ...w.pair,
      kind: 'notice',
      subtype: 'material',
      title: 'x',
      startsAt: '2024-03-05T10:00:00+08:00',
    });
    expect(byCp.statusCode).toBe(403);
  });

  it('research: commissioned results adopted and implemented; an offered topic is taken up before adoption', async () => {
    const study = await record(w.c.dept, {
      ...w.pair,
      kind: 'research',
      subtype: 'commissioned',
      title: '农村学校布局调整调研',
      startsAt: '2024-04-01T00:00:00+08:00',
      endsAt: '2024-07-31T00:00:00+08:00',
      team: { department: ['陈科长'], counterpart: ['周教授', '吴老师'] },
    });
    expect(study).toMatchObject({
      status: 'ongoing',
      research: { adoption: 'none', team: { counterpart: ['周教授', '吴老师'] }, takenUpBy: null },
      abilities: { canAdopt: true },
    });
    const noNote = await w.c.dept.post(`/api/v1/ledger/${study.id}/adoption`, { adoption: 'implemented' });
    expect(noNote.statusCode).toBe(400);
    const adopted = await w.c.dept.post(`/api/v1/ledger/${study.id}/adoption`, {
      adoption: 'implemented',
      note: '纳入2025年学校布局规划',
      instruction: '请教育局抓好落实。——分管副区长',
    });
    expect(adopted.statusCode).toBe(200);
    expect(adopted.json().research).toMatchObject({
      adoption: 'implemented',
      adoptionNote: '纳入2025年学校布局规划',
      instruction: '请教育局抓好落实。——分管副区长',
    });
    expect((await w.c.cp.post(`/api/v1/ledger/${study.id}/adoption`, { adoption: 'none' })).statusCode).toBe(
      403,
    );

    const topic = await record(w.c.dept, {
      ...w.pair,
      kind: 'research',
      subtype: 'offered',
      title: '职业教育产教融合研究',
      startsAt: '2024-02-01T00:00:00+08:00',
    });
    expect(topic.status).toBe('offered');
    const early = await w.c.dept.post(`/api/v1/ledger/${topic.id}/adoption`, { adoption: 'adopted' });
    expect(early.statusCode).toBe(409);
    const taken = await w.c.cp.post(`/api/v1/ledger/${topic.id}/take-up`);
    expect(taken.statusCode).toBe(200);
    expect(taken.json()).toMatchObject({
      status: 'taken',
      research: { takenUpBy: { name: '民盟奉化支部' } },
    });
    expect((await w.c.cp.post(`/api/v1/ledger/${topic.id}/take-up`)).statusCode).toBe(409);
    const partly = await w.c.dept.post(`/api/v1/ledger/${topic.id}/adoption`, { adoption: 'partly' });
    expect(partly.json().research.adoption).toBe('partly');
  });

  it('social service: recorded by the counterpart with outcome figures', async () => {
    const svc = await record(w.c.cp, {
      ...w.pair,
      kind: 'service',
      subtype: 'medical',
      title: '送医下乡义诊',
      startsAt: '2024-09-20T08:30:00+08:00',
      place: '萧王庙街道',
      service: {
        participants: '民盟医卫支部专家8人',
        beneficiaries: '村民',
        fundsWan: 12.5,
        peopleServed: 320,
        projectsLanded: 1,
        outcome: '义诊320人次',
      },
    });
    expect(svc).toMatchObject({
      status: 'done',
      host: { name: '民盟奉化支部' },
      service: { fundsWan: 12.5, peopleServed: 320, projectsLanded: 1, outcome: '义诊320人次' },
    });
    const bad = await w.c.cp.post('/api/v1/ledger', {
      ...w.pair,
      kind: 'service',
      subtype: 'medical',
      title: 'x',
      startsAt: '2024-09-20T08:30:00+08:00',
      service: { peopleServed: -1 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('symposium: scheduled, minuted once held (not before)', async () => {
    const future = await record(w.c.dept, {
      ...w.pair,
      kind: 'symposium',
      title: '下一次对口联系工作座谈会',
      startsAt: daysFromNow(10),
    });
    expect(future.status).toBe('scheduled');
    const tooEarly = await w.c.dept.post(`/api/v1/ledger/${future.id}/minutes`, { minutes: '……' });
    expect(tooEarly.statusCode).toBe(409);
    const held = await record(w.c.dept, {
      ...w.pair,
      kind: 'symposium',
      title: '2024年度对口联系工作座谈会',
      startsAt: '2024-01-18T09:00:00+08:00',
    });
    const minuted = await w.c.cp.post(`/api/v1/ledger/${held.id}/minutes`, {
      minutes: '一、通报2023年工作；二、研究确定2024年度对口联系工作计划。',
    });
    expect(minuted.statusCode).toBe(200);
    expect(minuted.json()).toMatchObject({
      status: 'held',
      symposium: { minutes: '一、通报2023年工作；二、研究确定2024年度对口联系工作计划。' },
    });
  });

  it('scopes records: outsiders get 404 and do not see them listed; unpaired counterparts are refused', async () => {
    const { items } = (await w.c.dept.get('/api/v1/ledger?year=2024')).json();
    const mine = items[0];
    for (const outsider of [w.c.otherCp, w.c.otherDept]) {
      expect((await outsider.get(`/api/v1/ledger/${mine.id}`)).statusCode).toBe(404);
      const list = (await outsider.get('/api/v1/ledger?year=2024')).json();
      expect(list).toMatchObject({ items: [], total: 0 });
      expect((await outsider.post(`/api/v1/ledger/${mine.id}/reply`, { reply: 'attend' })).statusCode).toBe(
        404,
      );
    }
    const unpaired = await w.c.dept.post('/api/v1/ledger', {
      departmentId: w.c.ids.jiaoyu,
      counterpartIds: [w.c.ids.minjian],
      kind: 'service',
      subtype: 'other',
      title: '未对口的活动',
      startsAt: '2024-09-20T08:30:00+08:00',
    });
    expect(unpaired.statusCode).toBe(400);
    expect(unpaired.json().error.code).toBe('NOT_PAIRED');
    // before the pairing existed (the seed list starts in 2019)
    const before = await w.c.dept.post('/api/v1/ledger', {
      ...w.pair,
      kind: 'service',
      subtype: 'other',
      title: '早年活动',
      startsAt: '2018-09-20T08:30:00+08:00',
    });
    expect(before.statusCode).toBe(400);
    // a counterpart cannot record with a department it is not paired with
    const cpUnpaired = await w.c.cp.post('/api/v1/ledger', {
      departmentId: w.c.ids.gongan,
      counterpartIds: [w.c.ids.minmeng],
      kind: 'service',
      subtype: 'other',
      title: 'x',
      startsAt: '2024-09-20T08:30:00+08:00',
    });
    expect(cpUnpaired.statusCode).toBe(400);
    // a department records only for itself
    const forOther = await w.c.otherDept.post('/api/v1/ledger', {
      ...w.pair,
      kind: 'symposium',
      title: 'x',
      startsAt: '2024-09-20T08:30:00+08:00',
    });
    expect(forOther.statusCode).toBe(403);
    const none = await w.t.db.selectFrom('ledger_records').select('id').where('title', '=', 'x').execute();
    expect(none).toEqual([]);
  });

  it('lets 统战部 and 区府办 read the region, 统战部 correct, and no admin read', async () => {
    const all = (await w.c.tzb.get('/api/v1/ledger?year=2024')).json();
    const mine = (await w.c.dept.get('/api/v1/ledger?year=2024')).json();
    expect(all.total).toBe(mine.total);
    expect(all.abilities.canCreate).toBe(false);
    expect((await w.c.qfb.get('/api/v1/ledger?year=2024')).json().total).toBe(mine.total);
    const id = mine.items.find((r: { title: string }) => r.title === '校园安全专项检查视察').id;
    const fixed = await w.c.tzb.patch(`/api/v1/ledger/${id}`, { title: '校园安全专项检查视察（更正）' });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().title).toBe('校园安全专项检查视察（更正）');
    expect((await w.c.qfb.patch(`/api/v1/ledger/${id}`, { title: 'y' })).statusCode).toBe(403);
    expect((await w.c.cp.patch(`/api/v1/ledger/${id}`, { title: 'y' })).statusCode).toBe(403);
    const tzbCreate = await w.c.tzb.post('/api/v1/ledger', {
      ...w.pair,
      kind: 'symposium',
      title: 'y',
      startsAt: '2024-09-20T08:30:00+08:00',
    });
    expect(tzbCreate.statusCode).toBe(403);
    for (const role of ['sysadmin', 'secadmin', 'auditadmin'] as const) {
      const admin = await loginAs(w.t, role, '区委统战部');
      expect((await admin.get('/api/v1/ledger?year=2024')).statusCode).toBe(403);
      expect((await admin.get(`/api/v1/ledger/${id}`)).statusCode).toBe(403);
    }
    const other = await makeOtherDistrict(w.t.db);
    const otherTzb = await loginAs(w.t, 'tzb', other.oversight.id);
    expect((await otherTzb.get(`/api/v1/ledger/${id}`)).statusCode).toBe(404);
    expect((await otherTzb.get('/api/v1/ledger?year=2024')).json().total).toBe(0);
  });

  it('filters the one list by kind, words and dates, newest first (oldest first on request)', async () => {
    const byKind = (await w.c.dept.get('/api/v1/ledger?year=2024&kind=invitation')).json();
    expect(byKind.items.map((r: { title: string }) => r.title)).toEqual([
      '民盟奉化支部成立纪念活动',
      '校园安全专项检查视察（更正）',
    ]);
    const oldest = (await w.c.dept.get('/api/v1/ledger?year=2024&kind=invitation&order=oldest')).json();
    expect(oldest.items.map((r: { title: string }) => r.title)).toEqual([
      '校园安全专项检查视察（更正）',
      '民盟奉化支部成立纪念活动',
    ]);
    const words = (await w.c.cp.get(`/api/v1/ledger?q=${encodeURIComponent('义诊')}`)).json();
    expect(words.items.map((r: { title: string }) => r.title)).toEqual(['送医下乡义诊']);
    const march = (await w.c.dept.get('/api/v1/ledger?from=2024-03-01&to=2024-04-01')).json();
    expect(march.items.map((r: { title: string }) => r.title)).toEqual([
      '农村学校布局调整调研',
      '关于进一步加强中小学课后服务的通知',
    ]);
    const all = (await w.c.dept.get('/api/v1/ledger?year=2024')).json();
    const starts = all.items.map((r: { startsAt: string }) => r.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    const paged = (await w.c.dept.get('/api/v1/ledger?year=2024&limit=2&offset=1')).json();
    expect(paged.items.map((r: { id: number }) => r.id)).toEqual(
      all.items.slice(1, 3).map((r: { id: number }) => r.id),
    );
  });

  it('exports .xlsx with a sheet per kind (formula-like text as text) and a .docx 台账 with the titles', async () => {
    await record(w.c.dept, {
      ...w.pair,
      kind: 'notice',
      subtype: 'periodical',
      title: '=cmd|"/c calc"!A1',
      startsAt: '2024-12-01T10:00:00+08:00',
    });
    const xlsx = await w.c.dept.get('/api/v1/ledger/export.xlsx?year=2024');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = await readXlsx(xlsx);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '重要会议及活动邀请',
      '信息通报及文件抄送',
      '调研',
      '社会服务',
      '对口联系工作座谈会',
    ]);
    // header + records of each kind in 2024
    expect(wb.worksheets.map((s) => s.rowCount)).toEqual([3, 3, 3, 2, 2]);
    const notices = wb.getWorksheet('信息通报及文件抄送');
    const titles = [2, 3].map((r) => notices?.getRow(r).getCell(4).value);
    expect(titles).toEqual(['关于进一步加强中小学课后服务的通知', '\'=cmd|"/c calc"!A1']);
    const cell = notices?.getRow(3).getCell(4);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);

    const docx = await w.c.dept.get('/api/v1/ledger/export.docx?year=2024');
    expect(docx.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('2024年对口联系工作台账');
    for (const title of [
      '校园安全专项检查视察（更正）',
      '关于进一步加强中小学课后服务的通知',
      '农村学校布局调整调研',
      '送医下乡义诊',
      '2024年度对口联系工作座谈会',
    ]) {
      expect(text).toContain(title);
    }
    expect(xml).toContain('<w:tblBorders>');
    // an outsider's export holds none of it
    const outside = await w.c.otherCp.get('/api/v1/ledger/export.xlsx?year=2024');
    const wb2 = await readXlsx(outside);
    expect(wb2.worksheets.map((s) => s.rowCount)).toEqual([1, 1, 1, 1, 1]);
  });
});
