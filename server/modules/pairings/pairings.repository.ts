import { type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { inForceSql } from '../../year-rules.js';

export interface PairingFilter {
  scope: Scope;
  year?: number;
  counterpartId?: number;
  departmentId?: number;
  ids?: number[];
}

function selectPairings(db: Executor) {
  return db
    .selectFrom('pairings as p')
    .innerJoin('organisations as c', 'c.id', 'p.counterpart_id')
    .innerJoin('organisations as d', 'd.id', 'p.department_id')
    .selectAll('p')
    .select([
      'c.name as counterpart_name',
      'c.sort_order as counterpart_order',
      'd.name as department_name',
      'd.sort_order as department_order',
    ]);
}

/** Pairings the scope may see, with both sides' names; in print order (counterpart, then department). */
export async function listPairings(db: Executor, f: PairingFilter) {
  let query = selectPairings(db).where((eb) =>
    scopeWhere(eb, f.scope, {
      region: { id: 'p.region_id' },
      organisation: ['p.department_id', 'p.counterpart_id'],
    }),
  );
  if (f.year !== undefined) {
    const year = f.year;
    query = query.where(inForceSql(year, 'p'));
  }
  if (f.counterpartId) query = query.where('p.counterpart_id', '=', f.counterpartId);
  if (f.departmentId) query = query.where('p.department_id', '=', f.departmentId);
  if (f.ids) query = query.where('p.id', 'in', f.ids.length ? f.ids : [-1]);
  return query
    .orderBy('c.sort_order')
    .orderBy('c.id')
    .orderBy('d.sort_order')
    .orderBy('d.id')
    .orderBy('p.valid_from')
    .execute();
}

export type PairingRow = Awaited<ReturnType<typeof listPairings>>[number];

export async function findPairing(db: Executor, id: number) {
  return db.selectFrom('pairings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Pairings of this pair whose years overlap [from, to]. */
export async function overlappingPairings(
  db: Executor,
  counterpartId: number,
  departmentId: number,
  from: number,
  to: number | null,
) {
  let query = db
    .selectFrom('pairings')
    .selectAll()
    .where('counterpart_id', '=', counterpartId)
    .where('department_id', '=', departmentId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]));
  if (to !== null) query = query.where('valid_from', '<=', to);
  return query.execute();
}

export async function insertPairing(
  db: Executor,
  values: {
    regionId: number;
    counterpartId: number;
    departmentId: number;
    validFrom: number;
    validTo: number | null;
    source: string | null;
    shared: boolean;
  },
) {
  const now = nowIso();
  return db
    .insertInto('pairings')
    .values({
      region_id: values.regionId,
      counterpart_id: values.counterpartId,
      department_id: values.departmentId,
      valid_from: values.validFrom,
      valid_to: values.validTo,
      source: values.source,
      shared: values.shared ? 1 : 0,
      end_source: null,
      end_reason: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function endPairingRow(
  db: Executor,
  id: number,
  values: { validTo: number; source: string | null; reason: string | null },
) {
  await db
    .updateTable('pairings')
    .set({
      valid_to: values.validTo,
      end_source: values.source,
      end_reason: values.reason,
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertPairingEvent(
  db: Executor,
  values: {
    pairingId: number;
    action: 'created' | 'ended';
    year: number;
    source: string | null;
    note: string | null;
    actorId: number | null;
  },
) {
  await db
    .insertInto('pairing_events')
    .values({
      pairing_id: values.pairingId,
      action: values.action,
      year: values.year,
      source: values.source,
      note: values.note,
      actor_id: values.actorId,
      at: nowIso(),
    })
    .execute();
}

export async function listPairingEvents(db: Executor, pairingIds: number[]) {
  if (!pairingIds.length) return [];
  return db
    .selectFrom('pairing_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select([
      'e.id',
      'e.pairing_id',
      'e.action',
      'e.year',
      'e.source',
      'e.note',
      'e.at',
      'u.display_name as actor_name',
    ])
    .where('e.pairing_id', 'in', pairingIds)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

export async function pairingYearRange(
  db: Executor,
  scope: Scope,
): Promise<{ min: number | null; max: number | null }> {
  const rows = await listPairings(db, { scope });
  if (!rows.length) return { min: null, max: null };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    min = Math.min(min, r.valid_from);
    max = Math.max(max, r.valid_to ?? r.valid_from);
  }
  return { min, max };
}
