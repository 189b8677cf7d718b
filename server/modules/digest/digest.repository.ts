// The queries behind "my work": each returns what one unit (or one overseer's region) has to do, as rows.

import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { inForceSql } from '../../year-rules.js';
import { invitationsAwaitingReply, planItemRecorded } from '../ledger/index.js';

const regionIdsUnder = (db: Executor, regionPath: string) =>
  db.selectFrom('regions').select('regions.id').where('regions.path', 'like', `${regionPath}%`);

/** Invitations my unit is asked to answer, whose event has not started yet. */
export async function pendingRsvps(db: Executor, organisationId: number, now: string) {
  const rows = await invitationsAwaitingReply(db, { from: now, organisationId });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    starts_at: r.starts_at,
    org_id: r.organisation_id,
    org_name: r.organisation_name,
  }));
}

/** 统战部: replies overdue in its region (awaiting a first reply or re-handling past the due date) — to press. */
export async function overdueSuggestions(db: Executor, regionPath: string, today: string) {
  return db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .innerJoin('organisations as c', 'c.id', 'i.counterpart_id')
    .select(['i.id', 'i.due_date', 'm.title as matter_title', 'c.name as counterpart_name'])
    .select(['d.id as org_id', 'd.name as org_name'])
    .where('i.status', 'in', ['awaiting_reply', 'rehandling'])
    .where('i.due_date', '<', today)
    .where('m.region_id', 'in', regionIdsUnder(db, regionPath))
    .orderBy('i.due_date')
    .orderBy('i.id')
    .execute();
}

/** Items of my department's plans of these years with no ledger record linked yet. */
export async function openPlanItems(db: Executor, departmentId: number, years: number[]) {
  return db
    .selectFrom('plan_items as i')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .innerJoin('organisations as d', 'd.id', 'p.department_id')
    .select([
      'i.id',
      'i.title',
      'i.target_month',
      'p.id as plan_id',
      'p.year',
      'd.id as org_id',
      'd.name as org_name',
    ])
    .where('p.department_id', '=', departmentId)
    .where('p.year', 'in', years)
    .where((eb) => eb.not(planItemRecorded('i.id')))
    .orderBy('p.year')
    .orderBy('i.target_month')
    .orderBy('i.id')
    .execute();
}

/** Open 附件2 rounds of my region where my unit's form is not in (none, draft, returned). */
export async function filingsDue(db: Executor, organisationId: number, regionId: number) {
  return (
    db
      .selectFrom('filing_rounds as fr')
      .innerJoin('organisations as o', (j) => j.on('o.id', '=', organisationId))
      .leftJoin('filings as f', (j) =>
        j.onRef('f.round_id', '=', 'fr.id').on('f.organisation_id', '=', organisationId),
      )
      .select(['fr.id', 'fr.year', 'fr.deadline', 'f.status', 'o.id as org_id', 'o.name as org_name'])
      .where('fr.region_id', '=', regionId)
      .where('fr.status', '=', 'open')
      // only a unit of a pair in force in the round's year owes its form
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('pairings as p')
            .select('p.id')
            .where((w) =>
              w.or([w('p.department_id', '=', organisationId), w('p.counterpart_id', '=', organisationId)]),
            )
            .where(inForceSql({ ref: 'fr.year' }, 'p')),
        ),
      )
      .where((eb) => eb.or([eb('f.status', 'is', null), eb('f.status', 'in', ['draft', 'returned'])]))
      .orderBy('fr.deadline')
      .execute()
  );
}

/** Suggestions my department has to answer (awaiting a reply, or re-handling after a verdict). */
export async function suggestionsToAnswer(db: Executor, departmentId: number) {
  return db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .innerJoin('organisations as c', 'c.id', 'i.counterpart_id')
    .select([
      'i.id',
      'i.text',
      'i.due_date',
      'i.status',
      'm.title as matter_title',
      'c.name as counterpart_name',
    ])
    .select(['d.id as org_id', 'd.name as org_name'])
    .where('m.department_id', '=', departmentId)
    .where('i.status', 'in', ['awaiting_reply', 'rehandling'])
    .orderBy('i.due_date')
    .orderBy('i.id')
    .execute();
}

/** Replies to my counterpart's suggestions waiting for its verdict. */
export async function repliesToRate(db: Executor, counterpartId: number) {
  return db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .innerJoin('organisations as c', 'c.id', 'i.counterpart_id')
    .select(['i.id', 'i.text', 'm.title as matter_title', 'd.name as department_name'])
    .select(['c.id as org_id', 'c.name as org_name'])
    .where('i.counterpart_id', '=', counterpartId)
    .where('i.status', '=', 'awaiting_verdict')
    .orderBy('i.id')
    .execute();
}

/** 统战部: personnel changes reported in its region, not yet acknowledged. */
export async function changeReportsToAcknowledge(db: Executor, regionPath: string) {
  return db
    .selectFrom('change_reports as cr')
    .innerJoin('organisations as o', 'o.id', 'cr.organisation_id')
    .select([
      'cr.id',
      'cr.role',
      'cr.effective_date',
      'cr.reported_at',
      'o.id as org_id',
      'o.name as org_name',
    ])
    .where('cr.status', '=', 'reported')
    .where('o.region_id', 'in', regionIdsUnder(db, regionPath))
    .orderBy('cr.reported_at')
    .execute();
}

/** 统战部: forms submitted in its region's open rounds, to file or return. */
export async function filingsToReview(db: Executor, regionPath: string) {
  return db
    .selectFrom('filings as f')
    .innerJoin('filing_rounds as fr', 'fr.id', 'f.round_id')
    .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
    .select([
      'f.id',
      'fr.id as round_id',
      'fr.year',
      'f.submitted_at',
      'o.id as org_id',
      'o.name as org_name',
    ])
    .where('f.status', '=', 'submitted')
    .where('fr.region_id', 'in', regionIdsUnder(db, regionPath))
    .orderBy('f.submitted_at')
    .execute();
}

/** 统战部: annual reports submitted in its region, to accept or return. */
export async function reportsToReview(db: Executor, regionPath: string) {
  return db
    .selectFrom('reports as r')
    .innerJoin('organisations as o', 'o.id', 'r.department_id')
    .select(['r.id', 'r.year', 'r.submitted_at', 'o.id as org_id', 'o.name as org_name'])
    .where('r.status', '=', 'submitted')
    .where('r.region_id', 'in', regionIdsUnder(db, regionPath))
    .orderBy('r.submitted_at')
    .execute();
}

/** 统战部: requests to extend a reply deadline in its region, not yet decided. */
export async function extensionsToDecide(db: Executor, regionPath: string) {
  return db
    .selectFrom('consultation_extensions as e')
    .innerJoin('consultation_items as i', 'i.id', 'e.item_id')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .select([
      'e.id',
      'e.item_id',
      'e.due_before',
      'm.title as matter_title',
      'd.id as org_id',
      'd.name as org_name',
    ])
    .where('e.status', '=', 'requested')
    .where('m.region_id', 'in', regionIdsUnder(db, regionPath))
    .orderBy('e.due_before')
    .execute();
}

export async function notificationsSince(db: Executor, userId: number, since: string, limit: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'title', 'title_en', 'link', 'created_at'])
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** The latest of some ISO-8601 UTC instants (they sort as text); null when none is given. */
export function latestInstant(...instants: (string | null | undefined)[]): string | null {
  return (
    instants
      .filter((i): i is string => !!i)
      .sort()
      .at(-1) ?? null
  );
}

/**
 * Where "changed since the last visit" starts for a session: the latest view of my-work in any other
 * session of the user (a reload in this one moves nothing), or the moment the user marked everything as
 * seen in this one, whichever is later; null: never visited.
 */
export async function workBaseline(db: Executor, userId: number, sessionId: string): Promise<string | null> {
  const [others, own] = await Promise.all([
    db
      .selectFrom('work_visits')
      .select((eb) => eb.fn.max('seen_at').as('at'))
      .where('user_id', '=', userId)
      .where('session_id', '!=', sessionId)
      .executeTakeFirst(),
    db
      .selectFrom('work_visits')
      .select('cleared_at')
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  ]);
  return latestInstant(others?.at, own?.cleared_at);
}

/** This session's visit row, if it opened my-work before. */
export async function workVisit(db: Executor, userId: number, sessionId: string) {
  return db
    .selectFrom('work_visits')
    .select(['seen_at', 'cleared_at'])
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Writes this session's visit; of the user's rows whose session has ended only the latest view is kept
 * (the only one a later baseline can be), so the rows stay as many as the user's live sessions, plus one.
 */
export async function saveWorkVisit(
  db: Executor,
  visit: { userId: number; sessionId: string; seenAt: string; clearedAt: string | null; exists: boolean },
): Promise<void> {
  if (visit.exists)
    await db
      .updateTable('work_visits')
      .set({ seen_at: visit.seenAt, cleared_at: visit.clearedAt })
      .where('session_id', '=', visit.sessionId)
      .execute();
  else
    await db
      .insertInto('work_visits')
      .values({
        session_id: visit.sessionId,
        user_id: visit.userId,
        seen_at: visit.seenAt,
        cleared_at: visit.clearedAt,
      })
      .execute();
  const latestEnded = await db
    .selectFrom('work_visits')
    .select('session_id')
    .where('user_id', '=', visit.userId)
    .where('session_id', '!=', visit.sessionId)
    .where(sessionEnded)
    .orderBy('seen_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latestEnded) return;
  await db
    .deleteFrom('work_visits')
    .where('user_id', '=', visit.userId)
    .where('session_id', 'not in', [visit.sessionId, latestEnded.session_id])
    .where(sessionEnded)
    .execute();
}

/** A visit row whose session is gone (signed out, expired, ended). */
const sessionEnded = (eb: ExpressionBuilder<Database, 'work_visits'>) =>
  eb.not(
    eb.exists(
      eb.selectFrom('sessions').select('sessions.id').whereRef('sessions.id', '=', 'work_visits.session_id'),
    ),
  );
