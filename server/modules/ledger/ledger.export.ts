import { PassThrough, type Writable } from 'node:stream';
import { LEDGER_KINDS, type LedgerExportQuery } from '../../../common/schemas/ledger.js';
import type { RequestContext } from '../../context.js';
import { renderLedgerDocx } from '../../documents/ledger.docx.js';
import { renderLedgerXlsx, streamLedgerXlsx } from '../../documents/ledger.xlsx.js';
import { ledgerTables } from '../../documents/ledger-tables.js';
import { appendAuditAlone } from '../audit/audit.writer.js';
import type { RenderedDocument } from '../documents/documents.service.js';
import { kindsOf } from './ledger.repository.js';
import { ledgerExportIds, ledgerForExport, presentRecordsByIds } from './ledger.service.js';

/** Above this many records the .xlsx is streamed (constant memory) instead of built in memory. */
export const STREAM_XLSX_ABOVE = 5_000;
const SLICE = 500;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function prepare(ctx: RequestContext, query: LedgerExportQuery, document: string) {
  const records = await ledgerForExport(ctx, query);
  await appendAuditAlone(ctx.db, ctx, {
    action: 'document.export',
    entityType: 'document',
    entityId: document,
    detail: JSON.stringify(query),
  });
  // Whose ledger: the filtered unit(s) if one, else the actor's organisation.
  const units = new Set<string>();
  if (query.departmentId) for (const r of records) units.add(r.department.name);
  if (query.counterpartId)
    for (const r of records)
      for (const c of r.counterparts) if (c.id === query.counterpartId) units.add(c.name);
  const subtitle = units.size ? [...units].join('—') : ctx.actor.organisationName;
  return { tables: ledgerTables(records), title: `${query.year}年对口联系工作台账`, subtitle };
}

export async function ledgerXlsx(ctx: RequestContext, query: LedgerExportQuery): Promise<RenderedDocument> {
  const { tables, title } = await prepare(ctx, query, 'ledger.xlsx');
  return { filename: `${title}.xlsx`, contentType: XLSX, body: await renderLedgerXlsx({ title, tables }) };
}

export async function ledgerDocx(ctx: RequestContext, query: LedgerExportQuery): Promise<RenderedDocument> {
  const { tables, title, subtitle } = await prepare(ctx, query, 'ledger.docx');
  return {
    filename: `${title}.docx`,
    contentType: DOCX,
    body: await renderLedgerDocx({ title, subtitle, tables }),
  };
}

/**
 * A large ledger as a streamed workbook: the records are read, presented and written a slice at a time,
 * a sheet per kind, into `out` — memory stays flat however many rows (ids: already scope-filtered).
 */
export async function writeLedgerXlsx(
  ctx: RequestContext,
  title: string,
  ids: number[],
  out: Writable,
): Promise<void> {
  const kinds = await kindsOf(ctx.db, ids);
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind]));
  const sheets = LEDGER_KINDS.map((kind) => {
    const mine = ids.filter((id) => kindOf.get(id) === kind);
    return {
      kind,
      rowSlices: async function* () {
        for (let i = 0; i < mine.length; i += SLICE) {
          const records = await presentRecordsByIds(ctx, mine.slice(i, i + SLICE));
          yield ledgerTables(records).find((t) => t.kind === kind) as ReturnType<typeof ledgerTables>[number];
        }
      },
    };
  });
  await streamLedgerXlsx({ title, out, sheets });
}

/** GET /ledger/export.xlsx: built in memory when small, streamed above STREAM_XLSX_ABOVE records. */
export async function ledgerXlsxResponse(
  ctx: RequestContext,
  query: LedgerExportQuery,
): Promise<RenderedDocument | { filename: string; contentType: string; stream: PassThrough }> {
  const ids = await ledgerExportIds(ctx, query);
  if (ids.length <= STREAM_XLSX_ABOVE) return ledgerXlsx(ctx, query);
  await appendAuditAlone(ctx.db, ctx, {
    action: 'document.export',
    entityType: 'document',
    entityId: 'ledger.xlsx',
    detail: JSON.stringify(query),
  });
  const title = `${query.year}年对口联系工作台账`;
  const stream = new PassThrough();
  writeLedgerXlsx(ctx, title, ids, stream).catch((error: unknown) =>
    stream.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return { filename: `${title}.xlsx`, contentType: XLSX, stream };
}
