import { sql } from 'kysely';
import type { DeliveryStatus } from '../../../common/schemas/mail.js';
import type { NotificationKind } from '../../../common/schemas/notifications.js';
import type { Executor } from '../../context.js';
import { isPostgres, nowIso } from '../../db/dialect.js';

/**
 * Queue an e-mail for each of these notifications whose user has an address, is enabled and has not switched
 * e-mail off for the kind (no preference row: on). Idempotent: (notification_id, channel) is unique.
 */
export async function enqueueEmailDeliveries(db: Executor, notificationIds: number[]): Promise<void> {
  for (let i = 0; i < notificationIds.length; i += 500) {
    const slice = notificationIds.slice(i, i + 500);
    if (!slice.length) continue;
    const now = nowIso();
    await db
      .insertInto('notification_deliveries')
      .columns([
        'notification_id',
        'channel',
        'recipient',
        'status',
        'attempts',
        'next_attempt_at',
        'created_at',
        'updated_at',
      ])
      .expression((eb) =>
        eb
          .selectFrom('notifications as n')
          .innerJoin('users as u', 'u.id', 'n.user_id')
          .leftJoin('notification_preferences as p', (j) =>
            j.onRef('p.user_id', '=', 'n.user_id').onRef('p.kind', '=', 'n.kind'),
          )
          .select((s) => [
            'n.id',
            sql.lit('email').as('channel'),
            s.fn.coalesce('u.email', sql.lit('')).as('recipient'),
            sql.lit('pending').as('status'),
            sql.lit(0).as('attempts'),
            sql.val(now).as('next_attempt_at'),
            sql.val(now).as('created_at'),
            sql.val(now).as('updated_at'),
          ])
          .where('n.id', 'in', slice)
          .where('u.email', 'is not', null)
          .where('u.email', '<>', '')
          .where('u.disabled', '=', 0)
          .where((w) => w.or([w('p.email', 'is', null), w('p.email', '=', 1)])),
      )
      .onConflict((oc) => oc.columns(['notification_id', 'channel']).doNothing())
      .execute();
  }
}

/** Deliveries that are due, claimed for this instance in one atomic UPDATE (see claimDue). */
export interface ClaimedDelivery {
  id: number;
  notification_id: number;
  recipient: string;
  attempts: number;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  display_name: string;
}

/**
 * Claim up to `limit` due e-mail deliveries for `instanceId` until `claimUntil`. One UPDATE whose WHERE
 * repeats the claimability test (pending, due, unclaimed or claim expired): when two instances race for a
 * row, the second one's re-check sees the first one's claim and skips it (PostgreSQL re-evaluates the WHERE
 * on the updated row; SKIP LOCKED lets it move on without waiting; SQLite has one writer). So a delivery is
 * in the hands of one instance at a time.
 */
export async function claimDue(
  db: Executor,
  f: { instanceId: string; now: string; claimUntil: string; limit: number },
): Promise<ClaimedDelivery[]> {
  let due = db
    .selectFrom('notification_deliveries')
    .select('id')
    .where('channel', '=', 'email')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', f.now)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_until', '<', f.now)]))
    .orderBy('id')
    .limit(f.limit);
  if (isPostgres(db)) due = due.forUpdate().skipLocked();
  const claimed = await db
    .updateTable('notification_deliveries')
    .set((eb) => ({
      claimed_by: f.instanceId,
      claimed_until: f.claimUntil,
      attempts: eb('attempts', '+', 1),
      updated_at: f.now,
    }))
    .where('id', 'in', due)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', f.now)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_until', '<', f.now)]))
    .returning('id')
    .execute();
  if (!claimed.length) return [];
  return db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['d.id', 'd.notification_id', 'd.recipient', 'd.attempts'])
    .select(['n.kind', 'n.title', 'n.body', 'n.link', 'u.display_name'])
    .where(
      'd.id',
      'in',
      claimed.map((c) => c.id),
    )
    .where('d.claimed_by', '=', f.instanceId)
    .orderBy('d.id')
    .execute();
}

/** Sent: only by the instance holding the claim. */
export async function markSent(db: Executor, id: number, instanceId: string, at: string): Promise<void> {
  await db
    .updateTable('notification_deliveries')
    .set({
      status: 'sent',
      sent_at: at,
      last_error: null,
      claimed_by: null,
      claimed_until: null,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', instanceId)
    .execute();
}

/** Failed an attempt: back to pending at `retryAt`, or failed for good when `retryAt` is null. */
export async function markAttemptFailed(
  db: Executor,
  id: number,
  instanceId: string,
  f: { at: string; error: string; retryAt: string | null },
): Promise<void> {
  await db
    .updateTable('notification_deliveries')
    .set({
      status: f.retryAt ? 'pending' : 'failed',
      next_attempt_at: f.retryAt ?? f.at,
      last_error: f.error.slice(0, 1000),
      claimed_by: null,
      claimed_until: null,
      updated_at: f.at,
    })
    .where('id', '=', id)
    .where('claimed_by', '=', instanceId)
    .execute();
}

/** Pending deliveries queued before `before` (e-mail was off, or the server down for days): failed, not sent late. */
export async function expireStale(db: Executor, before: string, at: string): Promise<number> {
  const result = await db
    .updateTable('notification_deliveries')
    .set({ status: 'failed', last_error: 'expired: not sent in time', updated_at: at })
    .where('status', '=', 'pending')
    .where('created_at', '<', before)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_until', '<', at)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function listDeliveries(
  db: Executor,
  f: { regionPath: string; status?: DeliveryStatus; id?: number; limit: number },
) {
  let query = db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select([
      'd.id',
      'd.notification_id',
      'd.channel',
      'd.recipient',
      'd.status',
      'd.attempts',
      'd.last_error',
    ])
    .select(['d.next_attempt_at', 'd.sent_at', 'd.created_at', 'n.kind', 'u.username'])
    .where('r.path', 'like', `${f.regionPath}%`);
  if (f.status) query = query.where('d.status', '=', f.status);
  if (f.id !== undefined) query = query.where('d.id', '=', f.id);
  return query.orderBy('d.id', 'desc').limit(f.limit).execute();
}
export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];

export async function retryDelivery(db: Executor, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('notification_deliveries')
    .set({
      status: 'pending',
      attempts: 0,
      last_error: null,
      next_attempt_at: at,
      claimed_by: null,
      claimed_until: null,
      created_at: at,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function preferencesOf(db: Executor, userId: number) {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', '=', userId).execute();
}

export async function upsertPreference(db: Executor, userId: number, kind: NotificationKind, email: boolean) {
  const now = nowIso();
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, email: email ? 1 : 0, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet({ email: email ? 1 : 0, updated_at: now }),
    )
    .execute();
}
