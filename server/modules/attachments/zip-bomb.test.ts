// 恶意代码防范 (uploads) / ASVS V12: a .docx / .xlsx that unpacks into a bomb is refused, whatever its directory
// claims; ordinary packages pass.
import { request } from 'node:http';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, describeEachDialect, type TestApp } from '../../test/helper.js';
import { countRows, type LedgerCast, ledgerCast, symposium } from '../ledger/ledger.fixtures.js';
import { checkZipPackage, ZIP_MAX_UNCOMPRESSED } from './zip-guard.js';

interface Entry {
  name: string;
  data: Buffer;
  /** what the directory claims the entry unpacks to (default: the truth) */
  declaredSize?: number;
  flags?: number;
  stored?: boolean;
}

/** A minimal zip writer (no CRC: the guard does not need it, and a bomb would not bother either). */
function zip(entries: Entry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.stored ? e.data : deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(e.flags ?? 0, 8);
    dir.writeUInt16LE(e.stored ? 0 : 8, 10);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const CONTENT_TYPES = { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') };
const docx = (extra: Entry[] = []) =>
  zip([
    CONTENT_TYPES,
    { name: 'word/document.xml', data: Buffer.from('<w:document>对口联系</w:document>') },
    ...extra,
  ]);
const xlsxBomb = (size: number, declaredSize?: number) =>
  zip([
    CONTENT_TYPES,
    { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(size, 0x20), declaredSize },
  ]);

describe('checkZipPackage', () => {
  it('passes an ordinary package, and a compressible one that stays under 10 MiB', async () => {
    expect(await checkZipPackage(docx())).toMatchObject({ ok: true, entries: 2 });
    const text = Buffer.from('<w:p>对口联系工作座谈会</w:p>'.repeat(200_000)); // ~6 MB, highly compressible
    expect(await checkZipPackage(docx([{ name: 'word/big.xml', data: text }]))).toMatchObject({ ok: true });
  });

  it('refuses a bomb by its directory, by its real size when the directory lies, and by its ratio', async () => {
    const declared = await checkZipPackage(xlsxBomb(ZIP_MAX_UNCOMPRESSED + 1024));
    expect(declared).toMatchObject({ ok: false, tooLarge: true });
    // the directory says 1 KB; inflating is stopped just past it
    const lying = await checkZipPackage(xlsxBomb(50 * 1024 * 1024, 1024));
    expect(lying).toMatchObject({ ok: false, tooLarge: true });
    // 11 MiB from a ~11 KB package: more than 100:1 once past 10 MiB
    const ratio = await checkZipPackage(xlsxBomb(11 * 1024 * 1024));
    expect(ratio).toMatchObject({ ok: false, tooLarge: true });
  });

  it('refuses what it does not parse or accept: no directory, encryption, a stored entry of the wrong size', async () => {
    expect(await checkZipPackage(Buffer.from('PK\x03\x04 not really a zip'))).toMatchObject({
      ok: false,
      tooLarge: false,
    });
    expect(await checkZipPackage(docx([{ name: 'x', data: Buffer.from('x'), flags: 1 }]))).toMatchObject({
      ok: false,
      tooLarge: false,
    });
    expect(
      await checkZipPackage(docx([{ name: 'x', data: Buffer.from('abc'), stored: true, declaredSize: 1 }])),
    ).toMatchObject({ ok: false, tooLarge: false });
  });
});

describeEachDialect('attachments: zip bombs', (dialect) => {
  let t: TestApp;
  let c: LedgerCast;
  let recordId: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    c = await ledgerCast(t);
    recordId = (await symposium(c)).id;
  });
  afterAll(async () => t.close());

  it('uploads an ordinary .docx, refuses an .xlsx bomb with 413 and stores nothing', async () => {
    const url = `/api/v1/ledger/${recordId}/attachments`;
    const ok = await c.dept.post(url, { fileName: '纪要.docx', contentBase64: docx().toString('base64') });
    expect(ok.statusCode).toBe(200);
    const before = [await countRows(t.db, 'attachments'), await countRows(t.db, 'ledger_attachments')];
    const bomb = await c.dept.post(url, {
      fileName: '台账.xlsx',
      contentBase64: xlsxBomb(200 * 1024 * 1024, 2048).toString('base64'),
    });
    expect(bomb.statusCode).toBe(413);
    expect(bomb.json()).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: '内容过大，不能超过 100 MB' },
    });
    const broken = await c.dept.post(url, {
      fileName: '坏的.docx',
      contentBase64: Buffer.from('PK\x03\x04[Content_Types].xml word/ broken').toString('base64'),
    });
    expect(broken.statusCode).toBe(415);
    expect([await countRows(t.db, 'attachments'), await countRows(t.db, 'ledger_attachments')]).toEqual(
      before,
    );
  });

  it('refuses the same bomb on a consultation matter: one check for every upload, so the counterpart gets nothing', async () => {
    const matter = await c.dept.post('/api/v1/consultations/matters', {
      departmentId: c.ids.jiaoyu,
      kind: 'policy',
      title: '学区调整方案',
    });
    expect(matter.statusCode).toBe(200);
    const url = `/api/v1/consultations/matters/${matter.json().id}/attachments`;
    // a 200 MiB .docx in a few hundred KB, whose directory claims 2 KB
    const bomb = zip([
      CONTENT_TYPES,
      { name: 'word/document.xml', data: Buffer.alloc(200 * 1024 * 1024, 0x20), declaredSize: 2048 },
    ]);
    expect(bomb.length).toBeLessThan(300 * 1024);
    const before = await countRows(t.db, 'attachments');
    const res = await c.dept.post(url, { fileName: '方案.docx', contentBase64: bomb.toString('base64') });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countRows(t.db, 'attachments')).toBe(before);
    const seen = await c.cp.get(`/api/v1/consultations/matters/${matter.json().id}`);
    expect(seen.json().attachments).toEqual([]);
  });

  it('refuses an upload whose Content-Length is over the limit before reading its body, and closes the connection', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const answer = await new Promise<{ status: number; body: string; connection?: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/api/v1/ledger/${recordId}/attachments`,
            headers: {
              'content-type': 'application/json',
              'content-length': String(30 * 1024 * 1024),
            },
          },
          (res) => {
            let body = '';
            res.on('data', (d) => {
              body += d;
            });
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }),
            );
          },
        );
        req.on('error', (e) =>
          e.message.includes('EPIPE') || e.message.includes('ECONNRESET') ? null : reject(e),
        );
        // only the first 64 KB of the declared 30 MB is ever sent: the answer comes from the header alone
        // (a server that waited for the body would never answer and the test would time out)
        req.write(Buffer.alloc(64 * 1024, 0x41));
      },
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(answer.connection).toBe('close');
  });
});
