// The streamed .xlsx (GET /ledger/export.xlsx above STREAM_XLSX_ABOVE records) holds the same sheets and cells
// as the workbook built in memory — formula-like text still written as text.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RequestContext } from '../../context.js';
import { buildTestApp, describeEachDialect, loginAs, orgId, type TestApp } from '../../test/helper.js';
import { loadActor } from '../auth/index.js';
import { ledgerXlsx, writeLedgerXlsx } from './ledger.export.js';
import { record } from './ledger.fixtures.js';
import { ledgerExportIds } from './ledger.queries.js';

/** Every sheet's rows as text, an empty cell ('' or none) as null, trailing empties dropped. */
const cells = (wb: ExcelJS.Workbook) =>
  wb.worksheets.map((s) => ({
    name: s.name,
    rows: s
      .getSheetValues()
      .filter(Boolean)
      .map((r) => {
        const values = Array.from(Array.isArray(r) ? r.slice(1) : [], (v) =>
          v === '' || v === undefined ? null : v,
        );
        while (values.length && values.at(-1) === null) values.pop();
        return values;
      }),
  }));

describeEachDialect('ledger export, streamed', (dialect) => {
  let t: TestApp;
  let ctx: RequestContext;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const dept = await loginAs(t, 'department', '区教育局');
    const pair = {
      departmentId: await orgId(t.db, '区教育局'),
      counterpartIds: [await orgId(t.db, '民盟奉化支部')],
    };
    await record(dept, {
      ...pair,
      kind: 'notice',
      subtype: 'policy',
      title: '=cmd|"/c calc"!A1',
      startsAt: '2024-03-01T10:00:00+08:00',
    });
    await record(dept, {
      ...pair,
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'meeting',
      title: '教育工作会',
      startsAt: '2024-04-01T10:00:00+08:00',
    });
    await record(dept, {
      ...pair,
      kind: 'symposium',
      title: '年度座谈会',
      startsAt: '2024-05-01T10:00:00+08:00',
    });
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', dept.username)
      .executeTakeFirstOrThrow();
    const actor = await loadActor(t.db, user.id);
    if (!actor) throw new Error('no actor');
    const { disabled: _d, totpEnabled: _t, ...rest } = actor;
    ctx = { db: t.db, actor: rest, ip: null, lang: 'zh-CN' };
  });
  afterAll(() => t.close());

  it('writes the same sheets and cells as the in-memory workbook', async () => {
    const query = { year: 2024 };
    const memory = new ExcelJS.Workbook();
    await memory.xlsx.load((await ledgerXlsx(ctx, query)).body as unknown as ArrayBuffer);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => out.on('end', resolve));
    await writeLedgerXlsx(ctx, '2024年对口联系工作台账', await ledgerExportIds(ctx, query), out);
    await done;
    const streamed = new ExcelJS.Workbook();
    await streamed.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(cells(streamed)).toEqual(cells(memory));
    expect(streamed.getWorksheet('信息通报及文件抄送')?.getRow(2).getCell(4).value).toBe(
      '\'=cmd|"/c calc"!A1',
    );
  });
});
