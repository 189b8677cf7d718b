import { parse as parseDisposition } from 'content-disposition';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES } from '../../../common/schemas/ledger.js';
import { buildTestApp, describeEachDialect, type TestApp } from '../../test/helper.js';
import { countRows, type LedgerCast, ledgerCast, symposium } from '../ledger/ledger.fixtures.js';

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describeEachDialect('attachments', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  let recordId: number;
  const url = () => `/api/v1/ledger/${recordId}/attachments`;
  const counts = async () => [
    await countRows(t.db, 'attachments'),
    await countRows(t.db, 'ledger_attachments'),
  ];
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    recordId = (await symposium(c, '2024年度对口联系工作座谈会')).id;
  });
  afterAll(async () => t.close());

  it('stores a file by sha256 once, keeps each original name, and downloads it under that name', async () => {
    const res = await c.dept.post(url(), { fileName: '座谈会纪要.pdf', contentBase64: b64(PDF) });
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ fileName: '座谈会纪要.pdf', size: PDF.length, mime: 'application/pdf' });
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    // the other side uploads the same bytes under another name: one content row, two links
    const again = await c.cp.post(url(), { fileName: 'C:\\Users\\x\\minutes.PDF', contentBase64: b64(PDF) });
    expect(again.json()).toMatchObject({ fileName: 'minutes.PDF', sha256: a.sha256 });
    expect(await counts()).toEqual([1, 2]);

    const dl = await c.cp.get(`${url()}/${a.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename=_____.pdf; filename*=UTF-8''${encodeURIComponent('座谈会纪要.pdf')}`,
    );
    expect(Buffer.compare(dl.rawPayload, PDF)).toBe(0);
    const rec = (await c.dept.get(`/api/v1/ledger/${recordId}`)).json();
    expect(rec.attachments.map((x: { fileName: string }) => x.fileName)).toEqual([
      '座谈会纪要.pdf',
      'minutes.PDF',
    ]);
  });

  it('accepts each allowed type when the bytes match: png, txt, a real .xlsx and .docx', async () => {
    const xlsx = await c.dept.get('/api/v1/ledger/export.xlsx?year=2024');
    const docx = await c.dept.get('/api/v1/ledger/export.docx?year=2024');
    const files: [string, Buffer, string][] = [
      ['合影.png', PNG, 'image/png'],
      ['说明.txt', Buffer.from('会议纪要\r\n一、……\n'), 'text/plain; charset=utf-8'],
      ['台账.xlsx', xlsx.rawPayload, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      [
        '台账.docx',
        docx.rawPayload,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        '旧文件.doc',
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        'application/msword',
      ],
    ];
    for (const [fileName, bytes, mime] of files) {
      const res = await c.dept.post(url(), { fileName, contentBase64: b64(bytes) });
      expect([fileName, res.statusCode, res.json().mime]).toEqual([fileName, 200, mime]);
    }
  });

  it('refuses wrong types (415) and oversize files (413), storing nothing', async () => {
    const before = await counts();
    const auditBefore = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'ledger.attach')
      .execute();
    const wrong: [string, Buffer][] = [
      ['setup.exe', Buffer.from('MZ\x90\x00\x03')],
      ['fake.pdf', Buffer.from('MZ this is not a pdf')],
      ['fake.docx', PDF],
      ['zip.docx', Buffer.from('PK\x03\x04 but no word part')],
      ['binary.txt', Buffer.from([0x48, 0x00, 0x01, 0x02])],
      ['noextension', PDF],
    ];
    for (const [fileName, bytes] of wrong) {
      const res = await c.dept.post(url(), { fileName, contentBase64: b64(bytes) });
      expect([fileName, res.statusCode, res.json().error.code]).toEqual([
        fileName,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ]);
    }
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20);
    PDF.copy(big);
    const tooBig = await c.dept.post(url(), { fileName: 'big.pdf', contentBase64: b64(big) });
    expect(tooBig.statusCode).toBe(413);
    // the refusal names the limit, in the user's language
    expect(tooBig.json().error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '内容过大，不能超过 10 MB' });
    // a body beyond the route's limit is refused before it is parsed, naming the file limit too
    const huge = await c.dept.post(
      url(),
      { fileName: 'huge.pdf', contentBase64: 'A'.repeat(16 * 1024 * 1024) },
      { 'accept-language': 'en' },
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'Too large: at most 10 MB' });
    expect(await counts()).toEqual(before);
    const auditAfter = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'ledger.attach')
      .execute();
    expect(auditAfter).toHaveLength(auditBefore.length);
  });

  it('scopes files by their record: outsiders get 404 and cannot attach; the last unlink removes the content', async () => {
    const rec = (await c.dept.get(`/api/v1/ledger/${recordId}`)).json();
    const first = rec.attachments[0];
    expect((await c.otherCp.get(`${url()}/${first.id}`)).statusCode).toBe(404);
    expect((await c.otherDept.post(url(), { fileName: 'a.pdf', contentBase64: b64(PDF) })).statusCode).toBe(
      404,
    );
    expect((await c.qfb.get(`${url()}/${first.id}`)).statusCode).toBe(200);
    expect((await c.qfb.post(url(), { fileName: 'a.pdf', contentBase64: b64(PDF) })).statusCode).toBe(403);
    const [contentBefore] = await counts();
    expect((await c.dept.delete(`${url()}/${rec.attachments[0].id}`)).statusCode).toBe(200);
    expect((await counts())[0]).toBe(contentBefore); // still linked under its other name
    // the second link is the counterpart's upload: only its own unit removes it
    expect((await c.cp.delete(`${url()}/${rec.attachments[1].id}`)).statusCode).toBe(200);
    expect((await counts())[0]).toBe((contentBefore as number) - 1);
    expect((await c.dept.get(`${url()}/${first.id}`)).statusCode).toBe(404);
  });

  it('serves each link under its own name and type: the same bytes as .pdf and as .txt, a name with quotes', async () => {
    const asPdf = (await c.dept.post(url(), { fileName: '会议 "通知".pdf', contentBase64: b64(PDF) })).json();
    const asTxt = (
      await c.dept.post(url(), { fileName: "it's 'notes' (v2).txt", contentBase64: b64(PDF) })
    ).json();
    expect(asTxt.sha256).toBe(asPdf.sha256);
    const pdf = await c.cp.get(`${url()}/${asPdf.id}`);
    const txt = await c.cp.get(`${url()}/${asTxt.id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    // the header parses back to the exact names (RFC 6266 / 5987), quotes included
    expect(parseDisposition(String(pdf.headers['content-disposition'])).parameters.filename).toBe(
      '会议 "通知".pdf',
    );
    expect(parseDisposition(String(txt.headers['content-disposition'])).parameters.filename).toBe(
      "it's 'notes' (v2).txt",
    );
    expect(String(pdf.headers['content-disposition'])).not.toMatch(/filename="[^"]*"[^;]/);
  });

  it("shows each file's uploader unit and time; only that unit (or 统战部) removes it", async () => {
    const deptFile = (await c.dept.post(url(), { fileName: '邀请函.pdf', contentBase64: b64(PDF) })).json();
    const cpFile = (await c.cp.post(url(), { fileName: '回执.png', contentBase64: b64(PNG) })).json();
    expect(deptFile.uploaderUnit).toEqual({ id: c.ids.jiaoyu, name: '区教育局' });
    expect(cpFile.uploaderUnit).toEqual({ id: c.ids.minmeng, name: '民盟奉化支部' });
    const asCp = (await c.cp.get(`/api/v1/ledger/${recordId}`)).json();
    const seen = asCp.attachments.find((a: { id: number }) => a.id === deptFile.id);
    expect(seen).toMatchObject({ uploaderUnit: { name: '区教育局' }, canRemove: false });
    expect(seen.uploadedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // the counterpart cannot delete the department's file on the department's own record
    const refused = await c.cp.delete(`${url()}/${deptFile.id}`);
    expect(refused.statusCode).toBe(403);
    expect((await c.dept.get(`${url()}/${deptFile.id}`)).statusCode).toBe(200);
    expect((await c.dept.delete(`${url()}/${cpFile.id}`)).statusCode).toBe(403);
    // 统战部 may remove either
    expect((await c.tzb.delete(`${url()}/${cpFile.id}`)).statusCode).toBe(200);
    expect((await c.dept.delete(`${url()}/${deptFile.id}`)).statusCode).toBe(200);
    const detach = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before_json'])
      .where('action', '=', 'ledger.detach')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    // the trail holds which file, not its name
    expect(detach.before_json).not.toContain('邀请函');
  });
});
