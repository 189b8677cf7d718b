// Hand-over when a unit's 联络员 changes: the filed change (a change report, a filed 附件2, or the roster) proposes
// it; 统战部 accepts — the old holder's sessions end, the account is re-activated for the new holder with a fresh
// code, and the holders' history records who held it when — or declines.
import type { HandoverDto, HandoverSource, IssuedCodeDto } from '../../../common/schemas/activation.js';
import type { Executor, RequestContext } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import {
  codeTarget,
  completeDelivery,
  type DeliveryConfig,
  makePending,
  planDelivery,
  presentIssued,
} from '../activation/index.js';
import { appendAudit } from '../audit/index.js';
import { insertNotifications, notificationText, reviewersOfRegion } from '../notifications/index.js';
import { authorizeAccount } from '../users/index.js';
import { startHolding } from './holders.js';

export type { HandoverSource };

/**
 * Called where a unit's 联络员 version changes (inside that transaction): when the unit has a 联络员 account and
 * the new person is not its holder, propose a hand-over (replacing an older open proposal) and tell 统战部.
 */
export async function proposeHandover(
  trx: Executor,
  source: { actor: { userId: number; username: string } | null; ip: string | null },
  input: {
    organisationId: number;
    previousPersonId: number | null;
    nextPersonId: number;
    nextName: string;
    via: HandoverSource;
  },
): Promise<void> {
  const account = await trx
    .selectFrom('users')
    .select(['id', 'username'])
    .where('organisation_id', '=', input.organisationId)
    .where('role', 'in', ['department', 'counterpart'])
    .where('disabled', '=', 0)
    .orderBy('id')
    .executeTakeFirst();
  if (!account) return;
  const holder = await trx
    .selectFrom('account_holders')
    .select('name')
    .where('user_id', '=', account.id)
    .where('held_to', 'is', null)
    .executeTakeFirst();
  if (holder && holder.name === input.nextName) return;
  const unit = await trx
    .selectFrom('organisations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['o.name', 'r.id as region_id', 'r.path'])
    .where('o.id', '=', input.organisationId)
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  await trx
    .updateTable('account_handovers')
    .set({ status: 'superseded', decided_at: now })
    .where('user_id', '=', account.id)
    .where('status', '=', 'proposed')
    .execute();
  const created = await trx
    .insertInto('account_handovers')
    .values({
      user_id: account.id,
      organisation_id: input.organisationId,
      previous_person_id: input.previousPersonId,
      next_person_id: input.nextPersonId,
      next_name: input.nextName,
      source: input.via,
      status: 'proposed',
      proposed_at: now,
      decided_by: null,
      decided_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, source, {
    action: 'account.handover.propose',
    entityType: 'account_handover',
    entityId: created.id,
    regionId: unit.region_id,
    after: { userId: account.id, organisationId: input.organisationId, via: input.via },
  });
  const reviewers = await reviewersOfRegion(trx, unit.path);
  const text = notificationText('accountHandover', {
    unit: unit.name,
    username: account.username,
    nextName: input.nextName,
  });
  await insertNotifications(
    trx,
    reviewers.map((userId) => ({
      userId,
      ...text,
      link: '/accounts',
      dedupeKey: `handover:${created.id}:${userId}`,
    })),
  );
}

function selectHandovers(db: Executor, regionPath: string) {
  return db
    .selectFrom('account_handovers as h')
    .innerJoin('organisations as o', 'o.id', 'h.organisation_id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .innerJoin('users as u', 'u.id', 'h.user_id')
    .leftJoin('responsible_persons as p', 'p.id', 'h.previous_person_id')
    .select([
      'h.id',
      'h.user_id',
      'h.organisation_id',
      'h.next_person_id',
      'h.next_name',
      'h.source',
      'h.status',
      'h.proposed_at',
      'h.decided_at',
      'o.name as organisation_name',
      'o.region_id',
      'u.username',
      'p.name as previous_name',
    ])
    .where('r.path', 'like', `${regionPath}%`);
}

type HandoverRow = Awaited<ReturnType<ReturnType<typeof selectHandovers>['executeTakeFirstOrThrow']>>;

const present = (r: HandoverRow): HandoverDto => ({
  id: r.id,
  organisation: { id: r.organisation_id, name: r.organisation_name },
  account: { id: r.user_id, username: r.username },
  previousName: r.previous_name,
  nextName: r.next_name,
  source: r.source,
  status: r.status,
  proposedAt: r.proposed_at,
  decidedAt: r.decided_at,
});

export async function listHandovers(
  ctx: RequestContext,
  status?: HandoverDto['status'],
): Promise<HandoverDto[]> {
  authorizeAccount(ctx.actor, 'provision');
  let q = selectHandovers(ctx.db, ctx.actor.regionPath);
  if (status) q = q.where('h.status', '=', status);
  return (await q.orderBy('h.id', 'desc').execute()).map(present);
}

async function openHandover(ctx: RequestContext, id: number): Promise<HandoverRow> {
  authorizeAccount(ctx.actor, 'provision');
  const row = await selectHandovers(ctx.db, ctx.actor.regionPath).where('h.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'proposed') throw new AppError('HANDOVER_DECIDED');
  return row;
}

/** Accept: sessions end, a password nobody knows, a fresh code for the new holder, the history moves on. */
export async function acceptHandover(
  ctx: RequestContext,
  cfg: DeliveryConfig,
  id: number,
  input: { email?: string | null | undefined },
): Promise<IssuedCodeDto> {
  const row = await openHandover(ctx, id);
  const planned = await ctx.db.transaction().execute(async (trx) => {
    const n = await trx
      .updateTable('account_handovers')
      .set({ status: 'accepted', decided_by: ctx.actor.userId, decided_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    if (Number(n.numUpdatedRows) !== 1) throw new AppError('HANDOVER_DECIDED');
    await makePending(trx, row.user_id);
    await trx
      .updateTable('users')
      .set({ display_name: row.next_name.slice(0, 40), email: input.email ?? null })
      .where('id', '=', row.user_id)
      .execute();
    await startHolding(trx, {
      userId: row.user_id,
      name: row.next_name,
      personId: row.next_person_id,
      handoverId: id,
      at: new Date().toISOString(),
    });
    await appendAudit(trx, ctx, {
      action: 'account.handover.accept',
      entityType: 'account_handover',
      entityId: id,
      regionId: row.region_id,
      after: { userId: row.user_id, status: 'accepted' },
    });
    return planDelivery(trx, ctx, cfg, await codeTarget(trx, row.user_id), 'handover', 'show');
  });
  return presentIssued(await completeDelivery(ctx.db, ctx, cfg, planned));
}

export async function declineHandover(ctx: RequestContext, id: number): Promise<HandoverDto> {
  const row = await openHandover(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('account_handovers')
      .set({ status: 'declined', decided_by: ctx.actor.userId, decided_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx, {
      action: 'account.handover.decline',
      entityType: 'account_handover',
      entityId: id,
      regionId: row.region_id,
    });
  });
  return present(
    await selectHandovers(ctx.db, ctx.actor.regionPath).where('h.id', '=', id).executeTakeFirstOrThrow(),
  );
}
