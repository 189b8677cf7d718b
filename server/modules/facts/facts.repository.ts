// The facts module's bulk reads: one query per table for a whole scope and year (no id lists, no joins for
// names), so a region's year loads in a few scans. The ledger's year comes from the ledger (`ledgerOfYear`).
import type { Executor } from '../../context.js';
/** Names and print order of organisations, by id. */
export async function organisationsByIds(db: Executor, ids: number[]) {
  const out: { id: number; name: string; kind: string; region_id: number; sort_order: number }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind', 'region_id', 'sort_order'])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return new Map(out.map((o) => [o.id, o]));
}
