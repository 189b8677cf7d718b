// 专题协商座谈会 of a matter: scheduled, held with its minutes, and the decision (先协商后决策).
import type {
  DecisionRequest,
  HoldSymposiumRequest,
  MatterDto,
  MinutesRequest,
  ScheduleSymposiumRequest,
} from '../../../common/schemas/consultations.js';
import { toUtcIso } from '../../../common/shanghai-time.js';
import type { RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { notificationText, notifyOrganisations } from '../notifications/index.js';
import { currentPerson } from '../roster/index.js';
import { getMatter, ownMatter } from './consultations.matters.js';
import { markInvited, matterCounterparts, updateMatterRow } from './consultations.matters.repository.js';
import { isViolation } from './consultations.present.js';

/**
 * 专题协商座谈会: schedule (or move) the symposium and invite each counterpart's 分管领导 (from its roster, when
 * kept) — the counterparts' accounts are notified. Not once it was held.
 */
export async function scheduleSymposium(
  ctx: RequestContext,
  id: number,
  input: ScheduleSymposiumRequest,
): Promise<MatterDto> {
  const before = await ownMatter(ctx, id);
  if (before.symposium_status === 'held') throw new AppError('SYMPOSIUM_ALREADY_HELD');
  const scheduledAt = toUtcIso(input.scheduledAt);
  const counterparts = await matterCounterparts(ctx.db, [id]);
  await ctx.db.transaction().execute(async (trx) => {
    await updateMatterRow(trx, id, {
      symposium_status: 'scheduled',
      symposium_at: scheduledAt,
      symposium_place: input.place,
    });
    const now = nowIso();
    for (const cp of counterparts) {
      const leader = await currentPerson(trx, cp.id, 'leader');
      await markInvited(trx, id, cp.id, leader ? `${leader.name}（${leader.position}）` : null, now);
    }
    await notifyOrganisations(
      trx,
      counterparts.map((c) => c.id),
      {
        ...notificationText('consultationInvitation', {
          matter: before.title,
          department: before.department_name,
          at: input.scheduledAt.slice(0, 16).replace('T', ' '),
          place: input.place,
        }),
        link: `/consultations/matters/${id}`,
        key: `consultation-invite:${id}:${scheduledAt}`,
      },
    );
    await appendAudit(trx, ctx, {
      action: 'consultation.symposium.schedule',
      entityType: 'consultation_matter',
      entityId: id,
      regionId: before.region_id,
      before: { status: before.symposium_status, at: before.symposium_at, place: before.symposium_place },
      after: { status: 'scheduled', at: scheduledAt, place: input.place },
    });
  });
  return getMatter(ctx, id);
}

/** The symposium was held (at the scheduled time unless told otherwise; not in the future). */
export async function holdSymposium(
  ctx: RequestContext,
  id: number,
  input: HoldSymposiumRequest,
): Promise<MatterDto> {
  const before = await ownMatter(ctx, id);
  if (before.symposium_status === 'held') throw new AppError('SYMPOSIUM_ALREADY_HELD');
  const now = nowIso();
  const heldAt = input.heldAt ? toUtcIso(input.heldAt) : (before.symposium_at ?? now);
  if (heldAt > now) throw new AppError('DATE_IN_FUTURE', { field: 'heldAt' });
  await ctx.db.transaction().execute(async (trx) => {
    await updateMatterRow(trx, id, {
      symposium_status: 'held',
      held_at: heldAt,
      attendees: input.attendees ?? before.attendees,
      minutes: input.minutes ?? before.minutes,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.symposium.hold',
      entityType: 'consultation_matter',
      entityId: id,
      regionId: before.region_id,
      before: { status: before.symposium_status },
      after: { status: 'held', heldAt, attendees: input.attendees ?? null, minutes: input.minutes ?? null },
    });
  });
  return getMatter(ctx, id);
}

export async function recordMinutes(
  ctx: RequestContext,
  id: number,
  input: MinutesRequest,
): Promise<MatterDto> {
  const before = await ownMatter(ctx, id);
  if (before.symposium_status !== 'held') throw new AppError('SYMPOSIUM_NOT_HELD');
  await ctx.db.transaction().execute(async (trx) => {
    await updateMatterRow(trx, id, { minutes: input.minutes });
    await appendAudit(trx, ctx, {
      action: 'consultation.symposium.minutes',
      entityType: 'consultation_matter',
      entityId: id,
      regionId: before.region_id,
      before: { minutes: before.minutes },
      after: { minutes: input.minutes },
    });
  });
  return getMatter(ctx, id);
}

/**
 * The decision was taken. Recording it before the symposium was held is allowed (it happens) but flags the
 * matter: 先协商后决策 violated — and the audit entry says so.
 */
export async function recordDecision(
  ctx: RequestContext,
  id: number,
  input: DecisionRequest,
): Promise<MatterDto> {
  const before = await ownMatter(ctx, id);
  if (before.decided_at !== null) throw new AppError('DECISION_ALREADY_RECORDED');
  const now = nowIso();
  const decidedAt = input.decidedAt ? toUtcIso(input.decidedAt) : now;
  if (decidedAt > now) throw new AppError('DATE_IN_FUTURE', { field: 'decidedAt' });
  const violation = isViolation({ decided_at: decidedAt, held_at: before.held_at });
  await ctx.db.transaction().execute(async (trx) => {
    await updateMatterRow(trx, id, { decided_at: decidedAt, decision_note: input.note ?? null });
    await appendAudit(trx, ctx, {
      action: 'consultation.matter.decide',
      entityType: 'consultation_matter',
      entityId: id,
      regionId: before.region_id,
      after: { decidedAt, note: input.note ?? null, heldAt: before.held_at, violation },
      detail: violation ? '先协商后决策 violated: decided before the symposium was held' : null,
    });
  });
  return getMatter(ctx, id);
}
