import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeOtherDistrict } from '../../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  orgId,
  type TestApp,
} from '../../test/helper.js';

interface PreviewPair {
  counterpart: string;
  department: string;
  line: number;
  source: string;
  shared: boolean;
}

const keep = (p: PreviewPair) => ({ counterpart: p.counterpart, department: p.department, shared: p.shared });

/** A .docx as Word writes its body: paragraphs and a table (the second row's first cell merged above). */
async function noticeDocx(): Promise<string> {
  const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const cell = (text: string) => `<w:tc><w:tcPr/>${p(text)}</w:tc>`;
  const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
${p('关于调整对口联系部门的通知')}
${p('县农业农村局、县林业局主要对口联系九三县委。')}
<w:tbl><w:tblPr/>${row('联系对象', '对口联系部门')}${row('民盟县委', '县教育局、县科技局')}${row('', '县文化馆办')}${row('县工商联', '县商务局&#x3001;县税务局')}</w:tbl>
${p('县人民政府办公室')}
</w:body></w:document>`;
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', xml);
  return (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })).toString('base64');
}

/** A package whose one entry unpacks to far more than the shared zip limit allows. */
function zipBomb(): string {
  const data = deflateRawSync(Buffer.alloc(120 * 1024 * 1024));
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(120 * 1024 * 1024, 22);
  local.writeUInt16LE(name.length, 26);
  const dir = Buffer.alloc(46);
  dir.writeUInt32LE(0x02014b50, 0);
  dir.writeUInt16LE(8, 10);
  dir.writeUInt32LE(data.length, 20);
  dir.writeUInt32LE(120 * 1024 * 1024, 24);
  dir.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, dir, name, end]).toString('base64');
}

describeEachDialect('pairing import', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let other: Awaited<ReturnType<typeof makeOtherDistrict>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    tzb = await loginAs(t, 'tzb', '区委统战部');
    other = await makeOtherDistrict(t.db);
  });
  afterAll(async () => t.close());

  const count = async (table: 'pairings' | 'organisations' | 'audit_log') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('previews a messy notice: each pair with its line and words, unread list lines in place, names matched', async () => {
    const text = [
      '关于调整对口联系部门的通知',
      '区教育局、区文广旅体局主要对口联系民进奉化基层委员会。',
      '九三学社奉化支社：区科技局,区发展和改革局',
      '区审计局、区统计局',
    ].join('\n');
    const res = await tzb.post('/api/v1/pairings/import/preview', { text });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.pairs.map((x: PreviewPair) => `${x.counterpart}|${x.department}|${x.line}`)).toEqual([
      '民进奉化基层委员会|区教育局|2',
      '民进奉化基层委员会|区文广旅体局|2',
      '九三学社奉化支社|区科技局|3',
      '九三学社奉化支社|区发展和改革局|3',
    ]);
    expect(p.pairs[0].source).toBe('区教育局、区文广旅体局主要对口联系民进奉化基层委员会。');
    expect(p.issues).toEqual([
      {
        line: 4,
        text: '区审计局、区统计局',
        reason: 'NO_COUNTERPART',
        message: '列出了部门，但未写明联系对象',
      },
    ]);
    const byName = Object.fromEntries(p.names.map((n: { name: string }) => [n.name, n]));
    expect(byName.民进奉化基层委员会).toMatchObject({ side: 'counterpart', match: null });
    expect(byName.区教育局.match.name).toBe('区教育局');
    expect(byName.区发展和改革局).toMatchObject({ match: null, suggestion: { name: '区发改局' } });
    // nothing is stored by a preview
    expect((await tzb.get('/api/v1/pairings?year=2020')).json().items).toHaveLength(26);
  });

  it('imports the pairs as confirmed in the grid (one removed, one added), all in one audited transaction', async () => {
    const text = '九三学社奉化支社：区科技局,区发展和改革局,区商务局';
    const preview = (await tzb.post('/api/v1/pairings/import/preview', { text })).json();
    const fagai = preview.names.find((n: { name: string }) => n.name === '区发展和改革局').suggestion.id;
    const confirmed = [
      ...preview.pairs.filter((x: PreviewPair) => x.department !== '区商务局').map(keep),
      { counterpart: '九三学社奉化支社', department: '区统计局', shared: false },
    ];
    const audits = await count('audit_log');
    const res = await tzb.post('/api/v1/pairings/import', {
      pairs: confirmed,
      validFrom: 2020,
      source: '奉政发〔2020〕1号',
      resolve: { 区发展和改革局: fagai },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 3, alreadyPresent: 0, aliasesAdded: 1 });
    expect(res.json().organisationsCreated.map((o: { name: string }) => o.name)).toEqual([
      '九三学社奉化支社',
    ]);
    const items = (await tzb.get('/api/v1/pairings?year=2020')).json().items;
    const jiusan = items.filter(
      (i: { counterpart: { name: string } }) => i.counterpart.name === '九三学社奉化支社',
    );
    expect(jiusan.map((i: { department: { name: string } }) => i.department.name).sort()).toEqual(
      ['区发改局', '区科技局', '区统计局'].sort(),
    );
    // organisation, alias, three pairings and the import itself
    expect((await count('audit_log')) - audits).toBe(6);
    const entry = await t.db
      .selectFrom('audit_log')
      .select(['after_json', 'actor_username'])
      .where('action', '=', 'pairing.import')
      .executeTakeFirstOrThrow();
    expect(entry.actor_username).toBe(tzb.username);
    expect(JSON.parse(entry.after_json ?? '{}')).toMatchObject({ pairs: 3, created: 3, validFrom: 2020 });
    // the confirmed name is now an alias: it matches exactly next time, and a repeat stores nothing new
    const names = (
      await tzb.post('/api/v1/pairings/import/names', {
        names: [{ name: '区发展和改革局', side: 'department' }],
      })
    ).json().names;
    expect(names[0].match.id).toBe(fagai);
    const again = await tzb.post('/api/v1/pairings/import', { pairs: confirmed, validFrom: 2020 });
    expect(again.json()).toMatchObject({ created: 0, alreadyPresent: 3, organisationsCreated: [] });
  });

  it('stores nothing when any name maps outside the actor’s region or to the wrong side', async () => {
    const before = { pairings: await count('pairings'), organisations: await count('organisations') };
    const pairs = [
      { counterpart: '台盟奉化支部', department: '区新设局' },
      { counterpart: '台盟奉化支部', department: '区另一新局' },
    ];
    const foreign = await tzb.post('/api/v1/pairings/import', {
      pairs,
      validFrom: 2021,
      resolve: { 区另一新局: other.department.id },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toEqual({
      code: 'IMPORT_NAME_NOT_A_UNIT',
      message: '“区另一新局”对应的单位不存在或不属于本区、或类别不符',
    });
    const wrongSide = await tzb.post('/api/v1/pairings/import', {
      pairs,
      validFrom: 2021,
      resolve: { 区另一新局: await orgId(t.db, '民革奉化区委会') },
    });
    expect(wrongSide.statusCode).toBe(400);
    expect(wrongSide.json().error.code).toBe('IMPORT_NAME_NOT_A_UNIT');
    const empty = await tzb.post('/api/v1/pairings/import', { pairs: [], validFrom: 2021 });
    expect(empty.statusCode).toBe(400);
    expect({ pairings: await count('pairings'), organisations: await count('organisations') }).toEqual(
      before,
    );
  });

  it('reads the notice as sent (.docx): paragraphs and a table with a merged cell', async () => {
    const res = await tzb.post('/api/v1/pairings/import/preview', { docxBase64: await noticeDocx() });
    expect(res.statusCode).toBe(200);
    expect(res.json().pairs.map((x: PreviewPair) => `${x.counterpart}|${x.department}`)).toEqual([
      '九三县委|县农业农村局',
      '九三县委|县林业局',
      '民盟县委|县教育局',
      '民盟县委|县科技局',
      '民盟县委|县文化馆办',
      '县工商联|县商务局',
      '县工商联|县税务局',
    ]);
  });

  it('reads a .xlsx matrix with ✓, and refuses packages that are no zip (415) or a zip bomb (413)', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('名单');
    sheet.addRow(['部门', '民革奉化区委会', '民盟奉化支部']);
    sheet.addRow(['区商务局', '✓', '']);
    sheet.addRow(['区统计局', '√', '√']);
    const xlsxBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const preview = (await tzb.post('/api/v1/pairings/import/preview', { xlsxBase64 })).json();
    expect(preview.pairs.map((x: PreviewPair) => `${x.counterpart}|${x.department}`)).toEqual([
      '民革奉化区委会|区商务局',
      '民革奉化区委会|区统计局',
      '民盟奉化支部|区统计局',
    ]);
    const notZip = await tzb.post('/api/v1/pairings/import/preview', {
      docxBase64: Buffer.from('hello').toString('base64'),
    });
    expect(notZip.statusCode).toBe(415);
    const bomb = await tzb.post('/api/v1/pairings/import/preview', { docxBase64: zipBomb() });
    expect(bomb.statusCode).toBe(413);
    expect(bomb.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses an .xlsx that unpacks beyond the import limit (413) before exceljs opens it, three at once too', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('名单').addRow(['台盟奉化支部', '区商务局']);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    // 64 MiB of XML whitespace in a second sheet: well under 1 MB packed
    zip.file('xl/worksheets/sheet2.xml', Buffer.alloc(64 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const xlsxBase64 = bomb.toString('base64');
    const rssBefore = process.memoryUsage().rss;
    const answers = await Promise.all(
      [1, 2, 3].map(() => tzb.post('/api/v1/pairings/import/preview', { xlsxBase64 })),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    }
    // inflating is capped entry by entry: nothing near the 3 × 64 MiB the workbooks hold was allocated
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
  });

  it('stores blanket statements (共同联系单位) as shared cells of the matrix', async () => {
    const text =
      '民革奉化区委会：区公安分局\n民盟奉化支部：区教育局\n区机关事务管理局作为各民主党派的共同联系单位。';
    const preview = (await tzb.post('/api/v1/pairings/import/preview', { text })).json();
    const res = await tzb.post('/api/v1/pairings/import', {
      pairs: preview.pairs.map(keep),
      validFrom: 2025,
      source: '奉政发〔2025〕2号',
    });
    expect(res.statusCode).toBe(200);
    const m = (await tzb.get('/api/v1/pairings/matrix?year=2025')).json();
    const unit = m.departments.find((d: { name: string }) => d.name === '区机关事务管理局').id;
    const sharedCells = m.cells.filter(
      (c: { departmentId: number; shared: boolean }) => c.departmentId === unit && c.shared,
    );
    expect(sharedCells.map((c: { counterpartId: number }) => c.counterpartId).sort()).toEqual(
      [await orgId(t.db, '民革奉化区委会'), await orgId(t.db, '民盟奉化支部')].sort(),
    );
  });
});
