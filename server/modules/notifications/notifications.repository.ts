import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { enqueueEmailDeliveries } from './deliveries.repository.js';
import type { NotificationText } from './notification-texts.js';

/** A notification to write: its kind and words come from `notificationText` (both languages, one place). */
export interface NewNotificationInput extends NotificationText {
  userId: number;
  link: string | null;
  /** the same key twice is one notification (idempotent across clicks and instances) */
  dedupeKey: string | null;
}

/** Insert notifications, skipping those whose dedupe key exists; returns how many were created. */
export async function insertNotifications(db: Executor, rows: NewNotificationInput[]): Promise<number> {
  if (!rows.length) return 0;
  const now = nowIso();
  const created = await db
    .insertInto('notifications')
    .values(
      rows.map((r) => ({
        user_id: r.userId,
        kind: r.kind,
        // Chinese is what e-mail sends and what a row without English shows
        title: r.zh.title,
        body: r.zh.body,
        title_en: r.en.title,
        body_en: r.en.body,
        link: r.link,
        created_at: now,
        read_at: null,
        dedupe_key: r.dedupeKey,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .execute();
  // E-mail is queued with the notification, in the same transaction: a notification that was not created (its
  // dedupe key exists) queues nothing, so a reminder is mailed at most once.
  await enqueueEmailDeliveries(
    db,
    created.map((c) => c.id),
  );
  return created.length;
}

export async function listNotifications(
  db: Executor,
  userId: number,
  f: { unreadOnly: boolean; limit: number },
) {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (f.unreadOnly) query = query.where('read_at', 'is', null);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(f.limit).execute();
}

export async function countUnread(db: Executor, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findNotification(db: Executor, userId: number, id: number) {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Marks one of the user's notifications read (once: the first time stays). */
export async function markNotificationRead(db: Executor, userId: number, id: number): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllNotificationsRead(db: Executor, userId: number): Promise<number> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: nowIso() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The enabled accounts of these organisations: who a unit's notifications go to. */
export async function usersOfOrganisations(db: Executor, organisationIds: number[]) {
  if (!organisationIds.length) return [];
  return db
    .selectFrom('users')
    .select(['id', 'organisation_id'])
    .where('organisation_id', 'in', organisationIds)
    .where('disabled', '=', 0)
    .orderBy('id')
    .execute();
}

/** What a unit is told: one notification per enabled account, each once (the key is completed per user). */
export interface UnitNotice extends NotificationText {
  link: string;
  key: string;
}

/** Notify every enabled account of these organisations; returns how many notifications were new. */
export async function notifyOrganisations(
  trx: Executor,
  organisationIds: number[],
  n: UnitNotice,
): Promise<number> {
  const users = await usersOfOrganisations(trx, organisationIds);
  return insertNotifications(
    trx,
    users.map((u) => ({
      userId: u.id,
      kind: n.kind,
      zh: n.zh,
      en: n.en,
      link: n.link,
      dedupeKey: `${n.key}:${u.id}`,
    })),
  );
}

/** The enabled 统战部 accounts whose region contains this region (path prefix): who reviews its filings. */
export async function reviewersOfRegion(db: Executor, regionPath: string) {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['u.id', 'r.path'])
    .where('u.role', '=', 'tzb')
    .where('u.disabled', '=', 0)
    .execute();
  return rows.filter((r) => regionPath.startsWith(r.path)).map((r) => r.id);
}
