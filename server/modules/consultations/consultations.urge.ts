// 督办: 统战部 presses a department whose reply to a suggestion is overdue — by hand, with a note, recorded on the
// item's timeline. The notice asks departments to 及时给予反馈和答复 and puts 分管领导 in charge of the work, so
// each further 督办 of the same round reaches higher: the department's 联络员 (its accounts), then its 分管领导
// named in the notice to the 联络员, then 统战部's own leadership as well.
import {
  type BulkUrgeRequest,
  type BulkUrgeResponse,
  type ItemScreenResponse,
  URGE_LEVELS,
  type UrgeRequest,
} from '../../../common/schemas/consultations.js';
import { authorize } from '../../access/authorize.js';
import type { Executor, RequestContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { notificationText, notifyOrganisations } from '../notifications/index.js';
import { currentPerson } from '../roster/index.js';
import { supervisedOpenItem } from './consultations.extensions.js';
import { getItemScreen, moved } from './consultations.items.js';
import { countItemEvents, type ItemRow, insertItemEvent } from './consultations.items.repository.js';
import { dueStateOf, today } from './consultations.settings.js';
import { itemEventText } from './item-event-texts.js';

/** The one rule of what may be pressed: an open item whose reply is overdue today (Asia/Shanghai). */
async function urgeableItem(ctx: RequestContext, id: number): Promise<ItemRow> {
  const row = await supervisedOpenItem(ctx, id);
  if (dueStateOf(row.status, row.due_date, today(), 0) !== 'overdue') throw new AppError('ITEM_NOT_OVERDUE');
  return row;
}

async function urgeOne(
  trx: Executor,
  ctx: RequestContext,
  row: ItemRow,
  note: string,
): Promise<{ id: number; level: number; notified: number }> {
  const earlier = await countItemEvents(trx, row.id, row.round, 'urged');
  const level = Math.min(earlier + 1, URGE_LEVELS);
  const leader = level >= 2 ? await currentPerson(trx, row.department_id, 'leader') : undefined;
  const event = itemEventText('urged', {
    nth: earlier + 1,
    dueDate: row.due_date,
    note,
    level,
    leader: leader ? { name: leader.name, position: leader.position } : null,
  });
  const recorded = await insertItemEvent(trx, {
    itemId: row.id,
    round: row.round,
    action: 'urged',
    ...event,
    actorId: ctx.actor.userId,
  });
  if (!recorded) throw moved();
  const link = `/consultations/items/${row.id}`;
  const key = `urge:${row.id}:${row.round}:${earlier + 1}`;
  let notified = await notifyOrganisations(trx, [row.department_id], {
    ...notificationText('consultationUrged', {
      matter: row.matter_title,
      counterpart: row.counterpart_name,
      urger: ctx.actor.organisationName,
      nth: earlier + 1,
      level,
      leader: leader ? { name: leader.name, position: leader.position } : null,
      note,
      dueDate: row.due_date,
    }),
    link,
    key,
  });
  if (level === URGE_LEVELS) {
    notified += await notifyOrganisations(trx, [ctx.actor.organisationId], {
      ...notificationText('consultationUrgedLeadership', {
        matter: row.matter_title,
        department: row.department_name,
        counterpart: row.counterpart_name,
        times: earlier + 1,
        note,
        dueDate: row.due_date,
      }),
      link,
      key: `${key}:leadership`,
    });
  }
  await appendAudit(trx, ctx, {
    action: 'consultation.item.urge',
    entityType: 'consultation_item',
    entityId: row.id,
    regionId: row.region_id,
    after: { round: row.round, level, notified },
  });
  return { id: row.id, level, notified };
}

export async function urgeItem(
  ctx: RequestContext,
  id: number,
  input: UrgeRequest,
): Promise<ItemScreenResponse> {
  const row = await urgeableItem(ctx, id);
  await ctx.db.transaction().execute(async (trx) => urgeOne(trx, ctx, row, input.note));
  return getItemScreen(ctx, id);
}

/** Several at once, all or none: one item that may not be pressed refuses the whole request, naming it. */
export async function urgeItems(ctx: RequestContext, input: BulkUrgeRequest): Promise<BulkUrgeResponse> {
  authorize(ctx.actor, 'consultations.supervise', null);
  const rows: ItemRow[] = [];
  for (const id of new Set(input.ids)) {
    try {
      rows.push(await urgeableItem(ctx, id));
    } catch (e) {
      // out of scope stays NOT_FOUND (and is recorded as a refusal); a state that forbids it names the item
      if (e instanceof AppError && (e.code === 'ITEM_CLOSED' || e.code === 'ITEM_NOT_OVERDUE'))
        throw new AppError('URGE_NOT_ALLOWED', { id });
      throw e;
    }
  }
  const urged = await ctx.db.transaction().execute(async (trx) => {
    const out = [];
    for (const row of rows) out.push(await urgeOne(trx, ctx, row, input.note));
    return out;
  });
  return { urged };
}
