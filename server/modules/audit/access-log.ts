// 统战部's view of the trail about its own region: refused requests (`access.denied`, by users of the region)
// and phone-number reveals (`contacts.reveal`, of the region's units). Nothing else of the trail, which stays
// the audit admin's. A reveal in an export names what it revealed in the reader's language (文件 roster.xlsx).
import { auditEntityLabel, refusalDetail } from '../../../common/audit-actions.js';
import type { AccessLogEntryDto, AccessLogQuery, AccessLogResponse } from '../../../common/schemas/audit.js';
import type { Executor, RequestContext } from '../../context.js';

const ACTIONS = { refusals: 'access.denied', reveals: 'contacts.reveal' } as const;

function entries(db: Executor, regionPath: string, q: AccessLogQuery) {
  let query = db
    .selectFrom('audit_log')
    .where('action', 'in', q.kind ? [ACTIONS[q.kind]] : Object.values(ACTIONS))
    .where('region_id', 'in', (eb) =>
      eb.selectFrom('regions').select('regions.id').where('regions.path', 'like', `${regionPath}%`),
    );
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', `${q.to.slice(0, 10)}T99`);
  return query;
}

export async function listAccessLog(ctx: RequestContext, q: AccessLogQuery): Promise<AccessLogResponse> {
  const base = entries(ctx.db, ctx.actor.regionPath, q);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['id', 'at', 'actor_username', 'ip', 'action', 'entity_type', 'entity_id', 'detail'])
    .orderBy('id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const isUnit = (r: { action: string; entity_type: string }) =>
    r.action === ACTIONS.reveals && r.entity_type === 'roster';
  const unitIds = rows.filter(isUnit).map((r) => Number(r.entity_id));
  const units = unitIds.length
    ? await ctx.db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', unitIds).execute()
    : [];
  const items = rows.map(
    (r): AccessLogEntryDto => ({
      id: r.id,
      at: r.at,
      actor: r.actor_username,
      ip: r.ip,
      kind: r.action === ACTIONS.reveals ? 'reveals' : 'refusals',
      entity: isUnit(r)
        ? (units.find((u) => u.id === Number(r.entity_id))?.name ?? r.entity_id)
        : r.action === ACTIONS.reveals
          ? `${auditEntityLabel(r.entity_type, ctx.lang)} ${r.entity_id}`
          : r.entity_id,
      detail: r.action === ACTIONS.reveals ? r.detail : refusalDetail(r.detail, ctx.lang),
    }),
  );
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}
