// A refused input names its field by the label the user knows, in the user's language, and says what is wrong
// (the limit of a too-long text, the field an end may not precede); `details` has one entry per field.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type LedgerCast, ledgerCast, record } from '../modules/ledger/ledger.fixtures.js';
import { buildTestApp, describeEachDialect, type TestApp } from '../test/helper.js';

describeEachDialect('validation messages', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  let base: Record<string, unknown>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    base = {
      departmentId: c.ids.jiaoyu,
      counterpartIds: [c.ids.minmeng],
      kind: 'symposium',
      title: '年度对口联系工作座谈会',
      startsAt: '2024-06-01T14:00:00+08:00',
    };
  });
  afterAll(async () => t.close());

  it('a too-long title names 标题 and its limit, in Chinese and in English', async () => {
    const long = { ...base, title: '长'.repeat(201) };
    const zh = await c.dept.post('/api/v1/ledger', long);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: '输入有误：「标题」不能超过200个字',
      details: [{ field: 'title', label: '标题', message: '「标题」不能超过200个字' }],
    });
    const en = await c.dept.post('/api/v1/ledger', long, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Invalid input: Title: at most 200 characters',
      details: [{ field: 'title', label: 'Title', message: 'Title: at most 200 characters' }],
    });
  });

  it('an end before the start names both fields, also when the start is the stored one', async () => {
    const created = await record(c.dept, base);
    const res = await c.dept.patch(`/api/v1/ledger/${created.id}`, { endsAt: '2024-06-01T09:00:00+08:00' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '输入有误：「结束时间」不能早于「开始时间」',
      details: [{ field: 'endsAt', label: '结束时间' }],
    });
  });

  it('several fields are each named once; an empty required text says so', async () => {
    const res = await c.dept.post('/api/v1/ledger', { ...base, title: '  ', place: 'x'.repeat(201) });
    expect(res.json().error.details).toEqual([
      { field: 'title', label: '标题', message: '「标题」不能为空' },
      { field: 'place', label: '地点', message: '「地点」不能超过200个字' },
    ]);
  });

  it('a field without a label is named by its path; a rule over the whole body by what it is', async () => {
    const unlabelled = await c.dept.get('/api/v1/notifications?unread=maybe');
    expect(unlabelled.statusCode).toBe(400);
    expect(unlabelled.json().error.details).toEqual([
      { field: 'unread', label: 'unread', message: '「unread」不是可选的值' },
    ]);
    const whole = await c.tzb.post('/api/v1/pairings/import/preview', {}, { 'accept-language': 'en' });
    expect(whole.statusCode).toBe(400);
    expect(whole.json().error.details).toEqual([
      {
        field: '',
        label: 'The request',
        message: 'The request: give exactly one of text, xlsxBase64 or docxBase64',
      },
    ]);
  });
});
