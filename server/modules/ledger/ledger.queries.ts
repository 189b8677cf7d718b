// What the actor may see of the ledger: the list, the records of an export, one record (NOT_FOUND outside the
// scope).
import type {
  LedgerExportQuery,
  LedgerListQuery,
  LedgerListResponse,
  LedgerRecordDto,
} from '../../../common/schemas/ledger.js';
import { addDays, dayStartUtc } from '../../../common/shanghai-time.js';
import { allowed } from '../../access/authorize.js';
import type { Scope } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { ledgerScope, type RecordFacts } from './ledger.policy.js';
import { factsOf, inSlices, presentRecords } from './ledger.present.js';
import { counterpartsOf, findRecordIds, type LedgerRow, recordsByIds } from './ledger.repository.js';

function filterOf(scope: Scope, q: Omit<LedgerListQuery, 'limit' | 'offset' | 'order'>) {
  return {
    scope,
    year: q.year,
    departmentId: q.departmentId,
    counterpartId: q.counterpartId,
    kind: q.kind,
    q: q.q || undefined,
    fromIso: q.from ? dayStartUtc(q.from) : undefined,
    toIso: q.to ? dayStartUtc(addDays(q.to, 1)) : undefined,
  };
}

const canCreate = (ctx: RequestContext): boolean => allowed(ctx.actor, 'ledger.offerCreate', null);

export async function listLedger(ctx: RequestContext, query: LedgerListQuery): Promise<LedgerListResponse> {
  const order = query.order === 'oldest' ? 'asc' : 'desc';
  const ids = await findRecordIds(ctx.db, filterOf(ledgerScope(ctx.actor), query), order);
  const page = ids.slice(query.offset, query.offset + query.limit);
  const at = new Map(page.map((id, i) => [id, i]));
  const rows = (await recordsByIds(ctx.db, page)).sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0));
  return {
    items: await presentRecords(ctx.db, ctx, rows),
    total: ids.length,
    abilities: { canCreate: canCreate(ctx) },
  };
}

/** Every record of an export's filter, chronological (no paging). */
/** The ids an export of `query` covers (the actor's scope and the filter), in chronological order. */
export async function ledgerExportIds(ctx: RequestContext, query: LedgerExportQuery): Promise<number[]> {
  return findRecordIds(ctx.db, filterOf(ledgerScope(ctx.actor), query));
}

/** Presented records of these (already scope-checked) ids, a slice at a time: for streamed exports. */
export async function presentRecordsByIds(ctx: RequestContext, ids: number[]): Promise<LedgerRecordDto[]> {
  return presentRecords(ctx.db, ctx, await inSlices(ids, (s) => recordsByIds(ctx.db, s)));
}

export async function ledgerForExport(ctx: RequestContext, query: LedgerExportQuery) {
  const ids = await findRecordIds(ctx.db, filterOf(ledgerScope(ctx.actor), query));
  const rows = await inSlices(ids, (s) => recordsByIds(ctx.db, s));
  return presentRecords(ctx.db, ctx, rows);
}

interface Visible {
  row: LedgerRow;
  counterpartIds: number[];
  facts: RecordFacts;
}

/** A record the actor may see, or NOT_FOUND — the same answer as a record that does not exist. */
export async function visibleRecord(
  ctx: RequestContext,
  id: number,
  db: Executor = ctx.db,
): Promise<Visible> {
  const [found] = await findRecordIds(db, { scope: ledgerScope(ctx.actor), ids: [id] });
  if (!found) throw notFound();
  const [row] = await recordsByIds(db, [id]);
  if (!row) throw notFound();
  const counterpartIds = (await counterpartsOf(db, [id])).map((c) => c.id);
  return { row, counterpartIds, facts: factsOf(row, counterpartIds) };
}

export async function getRecord(
  ctx: RequestContext,
  id: number,
  db: Executor = ctx.db,
): Promise<LedgerRecordDto> {
  const { row } = await visibleRecord(ctx, id, db);
  return (await presentRecords(db, ctx, [row]))[0] as LedgerRecordDto;
}
