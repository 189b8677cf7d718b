// The ledger's rows of the search index: kept by the repository in the writer's transaction, rebuilt by
// `liaison search reindex` (ledgerReindexer).
import type { Executor } from '../../context.js';
import { clean, indexEntity, type Reindexer, removeFromIndex } from '../search/index.js';

/** A ledger record: seen by its department and its counterparts (and the overseers of its region). */
export async function indexLedgerRecord(db: Executor, recordId: number): Promise<void> {
  const r = await db
    .selectFrom('ledger_records as l')
    .innerJoin('organisations as d', 'd.id', 'l.department_id')
    .select(['l.id', 'l.region_id', 'l.department_id', 'l.title', 'l.summary', 'l.place', 'l.details_json'])
    .select('d.name as department_name')
    .where('l.id', '=', recordId)
    .executeTakeFirst();
  if (!r) return removeFromIndex(db, 'ledger', recordId);
  const cps = await db
    .selectFrom('ledger_record_counterparts as rc')
    .innerJoin('organisations as o', 'o.id', 'rc.counterpart_id')
    .select(['o.id', 'o.name'])
    .where('rc.record_id', '=', recordId)
    .execute();
  let minutes: string | null = null;
  try {
    const details = JSON.parse(r.details_json) as Record<string, unknown> & {
      service?: Record<string, unknown>;
    };
    const texts = [details.minutes, details.instruction, details.docNumber, details.adoptionNote]
      .concat([details.service?.outcome, details.service?.participants, details.service?.beneficiaries])
      .filter((v): v is string => typeof v === 'string');
    minutes = texts.join(' ');
  } catch {
    minutes = null;
  }
  await indexEntity(db, {
    entityType: 'ledger',
    entityId: r.id,
    regionId: r.region_id,
    orgIds: [r.department_id, ...cps.map((c) => c.id)],
    title: r.title,
    body: clean([r.summary, r.place, minutes, r.department_name, ...cps.map((c) => c.name)]),
    link: `/ledger/${r.id}`,
  });
}

export const ledgerReindexer: Reindexer = {
  entityType: 'ledger',
  ids: async (db) => (await db.selectFrom('ledger_records').select('id').execute()).map((r) => r.id),
  index: indexLedgerRecord,
};
