// 统战部's completeness board of a round and the one-click reminders to its late units.
import { effectiveStatus, type FilingStatus, localDate } from '../../../common/filings.js';
import type { BoardUnitDto, FilingBoardResponse, RemindResponse } from '../../../common/schemas/filings.js';
import type { UnitRef } from '../../../common/schemas/roster.js';
import { scopeOf } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import type { Filing } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { insertNotifications, notificationText, usersOfOrganisations } from '../notifications/index.js';
import { listUnits, type UnitRow, unitRef } from '../roster/index.js';
import { changeReportsOf, filingsOfRound, type RoundRow } from './filings.repository.js';
import { presentRound, requireReviewer, visibleRound } from './filings.rounds.js';
import { storedStatus } from './filings.status.js';

/**
 * The units a round asks a form of: its region's active departments and counterparts of a pair in force in the
 * round's year (one added by a later year's list owes nothing to this round), and any that filed.
 */
async function roundUnits(ctx: RequestContext, round: RoundRow, filings: Filing[]): Promise<UnitRow[]> {
  const scope = scopeOf(ctx.actor);
  const active = await listUnits(ctx.db, {
    scope,
    regionId: round.region_id,
    activeOnly: true,
    inForceYear: round.year,
  });
  const activeIds = new Set(active.map((u) => u.id));
  const others = filings.map((f) => f.organisation_id).filter((id) => !activeIds.has(id));
  const inactive = others.length ? await listUnits(ctx.db, { scope, ids: others }) : [];
  return [...active, ...inactive];
}

/** 统战部's completeness board of a round (filings:review: the board is the reviewer's work list). */
export async function filingBoard(ctx: RequestContext, roundId: number): Promise<FilingBoardResponse> {
  requireReviewer(ctx);
  const round = await visibleRound(ctx, roundId);
  const filings = await filingsOfRound(ctx.db, round.id);
  const units = await roundUnits(ctx, round, filings);
  const byUnit = new Map(filings.map((f) => [f.organisation_id, f]));
  const reports = await changeReportsOf(
    ctx.db,
    units.map((u) => u.id),
  );
  const today = localDate();
  const counts = Object.fromEntries(
    (['not_started', 'draft', 'submitted', 'returned', 'filed', 'late'] as const).map((s) => [s, 0]),
  ) as Record<FilingStatus, number>;
  const rows: BoardUnitDto[] = units.map((u) => {
    const f = byUnit.get(u.id);
    const formStatus = storedStatus(f);
    const status = effectiveStatus(formStatus, round.deadline, today);
    counts[status] += 1;
    const mine = reports.filter((r) => r.organisation_id === u.id);
    const filedAt = f?.status === 'filed' ? f.filed_at : null;
    return {
      organisation: unitRef(u),
      status,
      formStatus,
      submittedLate: f?.submitted_late === 1,
      submittedAt: f?.submitted_at ?? null,
      filedAt,
      changedSinceFiling: filedAt !== null && mine.some((r) => r.reported_at > filedAt),
      pendingChangeReports: mine.filter((r) => r.status === 'reported').length,
    };
  });
  return {
    round: presentRound(round),
    today,
    total: rows.length,
    filed: counts.filed,
    counts,
    late: rows.filter((r) => r.status === 'late').map((r) => r.organisation),
    changedSinceFiling: rows.filter((r) => r.changedSinceFiling).map((r) => r.organisation),
    units: rows,
  };
}

/**
 * One click: an in-app reminder to every account of every late unit. The dedupe key (round, user, day) makes
 * a second click the same day — or a second instance — create nothing.
 */
export async function remindLate(ctx: RequestContext, roundId: number): Promise<RemindResponse> {
  const board = await filingBoard(ctx, roundId);
  if (board.round.status !== 'open') throw new AppError('FILING_ROUND_CLOSED');
  const late = board.late;
  const users = await usersOfOrganisations(
    ctx.db,
    late.map((u) => u.id),
  );
  const withUsers = new Set(users.map((u) => u.organisation_id));
  const nameOf = new Map(late.map((u) => [u.id, u.name]));
  const { year, deadline, recipient } = board.round;
  const notified = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertNotifications(
      trx,
      users.map((u) => ({
        userId: u.id,
        ...notificationText('filingReminder', {
          year,
          unit: nameOf.get(u.organisation_id) ?? '',
          deadline,
          recipient,
        }),
        link: `/filings/${roundId}/${u.organisation_id}`,
        dedupeKey: `filing-reminder:${roundId}:${u.id}:${board.today}`,
      })),
    );
    await appendAudit(trx, ctx, {
      action: 'filing.remind',
      entityType: 'filing_round',
      entityId: roundId,
      regionId: board.round.regionId,
      after: { units: late.map((u) => u.id), notified: created },
    });
    return created;
  });
  return {
    units: late,
    notified,
    alreadyNotified: users.length - notified,
    unitsWithoutUsers: late.filter((u: UnitRef) => !withUsers.has(u.id)),
  };
}
