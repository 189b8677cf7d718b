import { sql } from 'kysely';
import type { AuditListQuery } from '../../../common/schemas/audit.js';
import type { Executor } from '../../context.js';
import { escapeLike, likeContains } from '../../db/like.js';

/** Entries of the region and everything under it, plus those with no region (system events). */
function filtered(db: Executor, regionPath: string, f: Omit<AuditListQuery, 'page' | 'pageSize'>) {
  let query = db
    .selectFrom('audit_log')
    .where((eb) =>
      eb.or([
        eb('region_id', 'is', null),
        eb(
          'region_id',
          'in',
          eb.selectFrom('regions').select('regions.id').where('regions.path', 'like', `${regionPath}%`),
        ),
      ]),
    );
  if (f.from) query = query.where('at', '>=', f.from);
  // `to` is a date: include the whole day.
  if (f.to) query = query.where('at', '<', `${f.to.slice(0, 10)}T99`);
  if (f.actor) query = query.where(likeContains('actor_username', f.actor));
  if (f.action) query = query.where(sql<boolean>`action like ${`${escapeLike(f.action)}%`} escape '\\'`);
  if (f.entityType) query = query.where('entity_type', '=', f.entityType);
  if (f.outcome) query = query.where('outcome', '=', f.outcome);
  return query;
}

export async function listAudit(db: Executor, regionPath: string, f: AuditListQuery) {
  const base = filtered(db, regionPath, f);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const items = await base
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total) };
}

export async function allAudit(
  db: Executor,
  regionPath: string,
  f: Omit<AuditListQuery, 'page' | 'pageSize'>,
  limit: number,
) {
  return filtered(db, regionPath, f).selectAll().orderBy('id', 'desc').limit(limit).execute();
}
