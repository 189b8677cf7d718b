// Rows for record-scope.test.ts that no unit's API call makes (change reports, aliases, notifications, jobs,
// hand-overs, e-mail deliveries), inserted the way their writers leave them.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertAlias } from '../modules/organisations/index.js';
import { insertChangeReport, insertPerson } from '../modules/roster/index.js';

type Db = Kysely<Database>;

/** A change of a unit's 联络员 (甲 → 乙 on 2025-07-01), reported for 统战部 to acknowledge. */
export async function changeReportOf(db: Db, organisationId: number): Promise<number> {
  const prev = await insertPerson(db, {
    organisationId,
    role: 'liaison',
    name: '甲',
    position: '科员',
    officePhone: null,
    mobile: '13900000002',
    servedFrom: '2025-01-01',
    source: 'roster',
    filingId: null,
    createdBy: null,
  });
  await db
    .updateTable('responsible_persons')
    .set({ served_to: '2025-06-30' })
    .where('id', '=', prev.id)
    .execute();
  const next = await insertPerson(db, {
    organisationId,
    role: 'liaison',
    name: '乙',
    position: '科员',
    officePhone: null,
    mobile: '13900000003',
    servedFrom: '2025-07-01',
    source: 'roster',
    filingId: null,
    createdBy: null,
  });
  const report = await insertChangeReport(db, {
    organisationId,
    role: 'liaison',
    previousPersonId: prev.id,
    nextPersonId: next.id,
    effectiveDate: '2025-07-01',
    reason: '工作调动',
    reportedBy: null,
  });
  return report.id;
}

/** A former name of a unit. */
export const aliasOf = async (db: Db, organisationId: number): Promise<number> =>
  (await insertAlias(db, organisationId, `旧名${organisationId}`, null)).id;

/** An unread notification of a user. */
export const notificationFor = async (db: Db, userId: number): Promise<number> =>
  (
    await db
      .insertInto('notifications')
      .values({
        user_id: userId,
        kind: 'change_report',
        title: '通知',
        body: '正文',
        link: null,
        created_at: new Date().toISOString(),
        read_at: null,
        dedupe_key: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** A finished job of a user (a job is its creator's only): the row as the runner leaves it. */
export async function jobOf(db: Db, userId: number): Promise<string> {
  const at = new Date().toISOString();
  const jobId = randomUUID();
  await db
    .insertInto('jobs')
    .values({
      id: jobId,
      type: 'conference-pack-xlsx',
      params_json: '{"year":2025}',
      status: 'done',
      progress: 100,
      message: null,
      created_by: userId,
      result: Buffer.from('PK'),
      result_name: 'pack.xlsx',
      result_type: 'application/octet-stream',
      error: null,
      created_at: at,
      started_at: at,
      finished_at: at,
      heartbeat_at: at,
    })
    .execute();
  return jobId;
}

/**
 * Proposes hand-overs of a unit account to a newly filed 联络员 (统战部 accepts or declines it): each call
 * proposes one afresh, since deciding one ends it.
 */
export function handoverMaker(db: Db): (userId: number) => Promise<number> {
  const nextLiaison = new Map<number, number>();
  return async (userId) => {
    const { organisation_id } = await db
      .selectFrom('users')
      .select('organisation_id')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    // one new 联络员 per unit (the roster holds one current version), proposed afresh each time
    const current = await db
      .selectFrom('responsible_persons')
      .select('id')
      .where('organisation_id', '=', organisation_id)
      .where('role', '=', 'liaison')
      .where('served_to', 'is', null)
      .executeTakeFirst();
    const nextId =
      nextLiaison.get(organisation_id) ??
      current?.id ??
      (
        await insertPerson(db, {
          organisationId: organisation_id,
          role: 'liaison',
          name: '丙',
          position: '科员',
          officePhone: null,
          mobile: '13900000004',
          servedFrom: '2026-01-05',
          source: 'roster',
          filingId: null,
          createdBy: null,
        })
      ).id;
    nextLiaison.set(organisation_id, nextId);
    const row = await db
      .insertInto('account_handovers')
      .values({
        user_id: userId,
        organisation_id,
        previous_person_id: null,
        next_person_id: nextId,
        next_name: '丙',
        source: 'roster',
        status: 'proposed',
        proposed_at: new Date().toISOString(),
        decided_by: null,
        decided_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };
}

/** A failed e-mail delivery of a user (the system admin retries those of its region). */
export async function deliveryOf(db: Db, userId: number): Promise<number> {
  const at = new Date().toISOString();
  const n = await notificationFor(db, userId);
  const row = await db
    .insertInto('notification_deliveries')
    .values({
      notification_id: n,
      channel: 'email',
      recipient: 'someone@example.org',
      status: 'failed',
      attempts: 5,
      last_error: 'refused',
      next_attempt_at: at,
      claimed_by: null,
      claimed_until: null,
      sent_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
