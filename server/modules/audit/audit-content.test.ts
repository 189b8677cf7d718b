import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type Client, describeEachDialect, loginAs, type TestApp } from '../../test/helper.js';
import { readXlsx } from '../../test/xlsx-file.js';
import { countRows, ledgerCast, symposium } from '../ledger/ledger.fixtures.js';
import { MASK } from './audit.redact.js';

const TITLE = '关于学区调整的内部座谈';
const SUMMARY = '拟将城东三所小学学区合并，涉及两千余名学生';
const OPINION = '建议先开展家长听证再定方案';

describeEachDialect('audit trail content', (dialect) => {
  let t: TestApp;
  let auditor: Client;
  let matterId: number;
  let recordId: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const c = await ledgerCast(t);
    recordId = (await symposium(c, TITLE)).id;
    const matter = await c.dept.post('/api/v1/consultations/matters', {
      departmentId: c.ids.jiaoyu,
      kind: 'policy',
      title: TITLE,
      summary: SUMMARY,
    });
    expect(matter.statusCode).toBe(200);
    matterId = matter.json().id;
    const item = await c.cp.post(`/api/v1/consultations/matters/${matterId}/items`, {
      source: 'written',
      text: OPINION,
    });
    expect(item.statusCode).toBe(200);
    expect(await countRows(t.db, 'ledger_records')).toBeGreaterThan(0);
    auditor = await loginAs(t, 'auditadmin', '区委统战部');
  });
  afterAll(async () => t.close());

  it('holds which fields changed, with business values masked, in the table and through /audit', async () => {
    const raw = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'before_json', 'after_json'])
      .execute();
    for (const secret of [TITLE, SUMMARY, OPINION]) expect(JSON.stringify(raw)).not.toContain(secret);
    const created = raw.find(
      (e) => e.action === 'consultation.matter.create' && e.entity_id === String(matterId),
    );
    const after = JSON.parse(created?.after_json ?? '{}');
    // the fields are named, ids and kinds kept, the text masked
    expect(after).toMatchObject({ title: MASK, summary: MASK, kind: 'policy' });
    const res = await auditor.get('/api/v1/audit?pageSize=500');
    expect(res.statusCode).toBe(200);
    for (const secret of [TITLE, SUMMARY, OPINION]) expect(res.body).not.toContain(secret);
    const ledger = res
      .json()
      .items.find(
        (e: { action: string; entityId: string }) =>
          e.action === 'ledger.create' && e.entityId === String(recordId),
      );
    expect(ledger.after).toMatchObject({ title: MASK });
  });

  it('exports the same: no business content in the audit .xlsx', async () => {
    const res = await auditor.get('/api/v1/audit/export.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = await readXlsx(res);
    const cells: string[] = [];
    wb.worksheets[0]?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value ?? ''))));
    expect(cells.some((v) => v.includes('consultation.matter.create'))).toBe(true);
    for (const secret of [TITLE, SUMMARY, OPINION]) expect(cells.some((v) => v.includes(secret))).toBe(false);
  });
});
