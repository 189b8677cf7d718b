import { PassThrough, Writable } from 'node:stream';
import { LEDGER_KINDS, type LedgerExportQuery } from '../../../common/schemas/ledger.js';
import type { RequestContext } from '../../context.js';
import { streamLedgerDocx, warmLedgerDocx } from '../../documents/ledger.docx.js';
import { renderLedgerXlsx, streamLedgerXlsx } from '../../documents/ledger.xlsx.js';
import { ledgerTables } from '../../documents/ledger-tables.js';
import {
  DOCX_TYPE as DOCX,
  type RenderedDocument,
  XLSX_TYPE as XLSX,
} from '../../documents/send-document.js';
import { appendExportAudit } from '../audit/index.js';
import { ledgerExportIds, ledgerForExport, presentRecordsByIds } from './ledger.queries.js';
import { kindsOf } from './ledger.repository.js';

/** Above this many records the .xlsx is streamed (constant memory) instead of built in memory. */
export const STREAM_XLSX_ABOVE = 5_000;
// 200 records a slice: reading, presenting and tabling a slice is one step of the event loop (≈ 5 ms)
const SLICE = 200;

const exportAudit = (ctx: RequestContext, query: LedgerExportQuery, document: string) =>
  appendExportAudit(ctx, document, JSON.stringify(query));

const titleOf = (query: LedgerExportQuery) => `${query.year}年对口联系工作台账`;

export async function ledgerXlsx(ctx: RequestContext, query: LedgerExportQuery): Promise<RenderedDocument> {
  const records = await ledgerForExport(ctx, query);
  await exportAudit(ctx, query, 'ledger.xlsx');
  const title = titleOf(query);
  return {
    filename: `${title}.xlsx`,
    contentType: XLSX,
    body: await renderLedgerXlsx({ title, tables: ledgerTables(records) }),
  };
}

/** Whose ledger, for the line under the title: the filtered unit if one, else the actor's organisation. */
async function subtitleOf(ctx: RequestContext, query: LedgerExportQuery, ids: number[]): Promise<string> {
  const [first] =
    ids.length && (query.departmentId || query.counterpartId)
      ? await presentRecordsByIds(ctx, ids.slice(0, 1))
      : [];
  if (first && query.departmentId) return first.department.name;
  const counterpart = first?.counterparts.find((c) => c.id === query.counterpartId);
  return counterpart?.name ?? ctx.actor.organisationName;
}

/** Per kind, how many records and their presented rows a slice at a time (ids: already scope-filtered). */
async function kindSlices(ctx: RequestContext, ids: number[]) {
  const kinds = await kindsOf(ctx.db, ids);
  const kindOf = new Map(kinds.map((k) => [k.id, k.kind]));
  const shapes = new Map(ledgerTables([]).map((t) => [t.kind, t]));
  return LEDGER_KINDS.map((kind) => {
    const mine = ids.filter((id) => kindOf.get(id) === kind);
    return {
      kind,
      name: shapes.get(kind)?.name ?? kind,
      count: mine.length,
      slices: async function* () {
        for (let i = 0; i < mine.length; i += SLICE) {
          const records = await presentRecordsByIds(ctx, mine.slice(i, i + SLICE));
          yield ledgerTables(records).find((t) => t.kind === kind) as ReturnType<typeof ledgerTables>[number];
        }
      },
    };
  });
}

/**
 * GET /ledger/export.docx: always streamed — the rows are read, presented and written a slice at a time into
 * `out`, so a province's year neither holds the event loop nor the memory (the in-memory build took 10 s and
 * 700 MB for 5,200 records).
 */
export async function ledgerDocxResponse(ctx: RequestContext, query: LedgerExportQuery) {
  const ids = await ledgerExportIds(ctx, query);
  await exportAudit(ctx, query, 'ledger.docx');
  const title = titleOf(query);
  const subtitle = await subtitleOf(ctx, query, ids);
  const kinds = await kindSlices(ctx, ids);
  const stream = new PassThrough();
  streamLedgerDocx({ title, subtitle, kinds }, stream).catch((error: unknown) =>
    stream.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return { filename: `${title}.docx`, contentType: DOCX, stream };
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
  const sheets = (await kindSlices(ctx, ids)).map((k) => ({ kind: k.kind, rowSlices: k.slices }));
  await streamLedgerXlsx({ title, out, sheets });
}

/** GET /ledger/export.xlsx: built in memory when small, streamed above STREAM_XLSX_ABOVE records. */
export async function ledgerXlsxResponse(
  ctx: RequestContext,
  query: LedgerExportQuery,
): Promise<RenderedDocument | { filename: string; contentType: string; stream: PassThrough }> {
  const ids = await ledgerExportIds(ctx, query);
  if (ids.length <= STREAM_XLSX_ABOVE) return ledgerXlsx(ctx, query);
  await exportAudit(ctx, query, 'ledger.xlsx');
  const title = titleOf(query);
  const stream = new PassThrough();
  writeLedgerXlsx(ctx, title, ids, stream).catch((error: unknown) =>
    stream.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  return { filename: `${title}.xlsx`, contentType: XLSX, stream };
}

/**
 * At start-up (main.ts): the ledger .docx skeletons drawn and both writers run once on an empty ledger, so the
 * first large export does not pay for loading and compiling them on a request's time (tens of ms each).
 */
export async function warmLedgerExports(): Promise<void> {
  const empty = ledgerTables([]);
  await warmLedgerDocx(empty.map((t) => t.name));
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  await streamLedgerXlsx({
    title: '',
    out: sink,
    sheets: empty.map((t) => ({
      kind: t.kind,
      rowSlices: async function* () {
        yield t;
      },
    })),
  });
}
