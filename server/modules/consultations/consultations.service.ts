import { can } from '../../../common/roles.js';
import type { UploadAttachmentRequest } from '../../../common/schemas/attachments.js';
import {
  type AnalysisRequest,
  type CloseItemRequest,
  CONSULTATION_DEFAULTS,
  type ConsultationSettings,
  type ConsultationSettingsResponse,
  type CreateItemRequest,
  type CreateMatterRequest,
  type DecisionRequest,
  type DueState,
  type ExtensionDto,
  type ExtensionRequest,
  type Figures,
  type FiguresQuery,
  type FiguresResponse,
  type FiguresRow,
  type GrantExtensionRequest,
  type HoldSymposiumRequest,
  type ItemDto,
  type ItemEventDto,
  type ItemFilter,
  type ItemListQuery,
  type ItemListResponse,
  type ItemScreenResponse,
  type ItemStatus,
  type MatterAttachmentDto,
  type MatterDto,
  type MatterListQuery,
  type MatterListResponse,
  type MinutesRequest,
  REPLY_CLASS_LABELS,
  REPLY_CLASSES,
  type RefuseExtensionRequest,
  type ReplyDto,
  type ReplyRequest,
  type ScheduleSymposiumRequest,
  type UpdateMatterRequest,
  VERDICT_LABELS,
  VERDICTS,
  type VerdictRequest,
} from '../../../common/schemas/consultations.js';
import type { NotificationKind } from '../../../common/schemas/notifications.js';
import { shanghaiDate, shanghaiYear, toUtcIso } from '../../../common/shanghai-time.js';
import { addWorkingDays, subtractWorkingDays, workingDaysBetween } from '../../../common/working-days.js';
import { allowed, authorize } from '../../access/authorize.js';
import { counterpartOf, type Scope } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError, notFound } from '../../errors.js';
import { attachFile, detachFile, fetchFile } from '../attachments/attachments.service.js';
import { filesOf, presentFile } from '../attachments/attachments.store.js';
import { appendAudit } from '../audit/audit.writer.js';
import type { RenderedDocument } from '../documents/documents.service.js';
import { type AdoptionClass, isBreach, suggestionState } from '../facts/facts.rules.js';
import {
  insertNotifications,
  reviewersOfRegion,
  usersOfOrganisations,
} from '../notifications/notifications.repository.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { currentPerson } from '../roster/roster.repository.js';
import { readSetting, writeSetting } from '../settings/settings.repository.js';
import {
  consultationScope,
  isOwner,
  itemAbilities,
  matterAbilities,
  seesAnalysis,
  seesReplies,
} from './consultations.policy.js';
import {
  counterpartsByIds,
  decideExtension,
  type ExtensionRow,
  extensionsOf,
  findItemIds,
  findMatterIds,
  type ItemRow,
  insertExtension,
  insertItem,
  insertItemEvent,
  insertMatter,
  insertMatterCounterparts,
  insertReply,
  itemCounts,
  itemEvents,
  itemsByIds,
  type MatterRow,
  markInvited,
  matterCounterparts,
  mattersByIds,
  pairedCounterparts,
  type ReplyRow,
  removeMatterCounterparts,
  repliesOf,
  setVerdict,
  updateItemRow,
  updateMatterRow,
} from './consultations.repository.js';

// ---------------------------------------------------------------------------------------------------------
// Settings: N (working days to reply) and K (reminder lead), per region, inherited down the region tree

const settingKey = (regionId: number) => `consultations.region.${regionId}`;

/** The region ids of a materialised path, deepest first: '/1/2/3/' → [3, 2, 1]. */
const pathIds = (regionPath: string): number[] => regionPath.split('/').filter(Boolean).map(Number).reverse();

/** The settings in force for a region: its own, else the nearest enclosing region's, else the defaults. */
export async function consultationSettingsFor(
  db: Executor,
  regionPath: string,
): Promise<ConsultationSettings & { customised: boolean }> {
  for (const id of pathIds(regionPath)) {
    const value = await readSetting<ConsultationSettings>(db, settingKey(id));
    if (value) return { ...CONSULTATION_DEFAULTS, ...value, customised: true };
  }
  return { ...CONSULTATION_DEFAULTS, customised: false };
}

/** Settings looked up once per region path within one operation (lists, the sweep). */
export function settingsCache(db: Executor) {
  const cache = new Map<string, Promise<ConsultationSettings>>();
  return (regionPath: string): Promise<ConsultationSettings> => {
    let hit = cache.get(regionPath);
    if (!hit) {
      hit = consultationSettingsFor(db, regionPath);
      cache.set(regionPath, hit);
    }
    return hit;
  };
}

export async function getSettings(ctx: RequestContext): Promise<ConsultationSettingsResponse> {
  const s = await consultationSettingsFor(ctx.db, ctx.actor.regionPath);
  return {
    regionId: ctx.actor.regionId,
    replyWorkingDays: s.replyWorkingDays,
    reminderLeadDays: s.reminderLeadDays,
    customised: s.customised,
    abilities: { canEdit: can(ctx.actor.role, 'consultations:supervise') },
  };
}

/** 统战部 sets N and K for its own region (and, by inheritance, the regions under it without their own). */
export async function updateSettings(
  ctx: RequestContext,
  input: ConsultationSettings,
): Promise<ConsultationSettingsResponse> {
  const before = await consultationSettingsFor(ctx.db, ctx.actor.regionPath);
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, settingKey(ctx.actor.regionId), input, ctx.actor.userId);
    await appendAudit(trx, ctx, {
      action: 'consultation.settings.update',
      entityType: 'settings',
      entityId: settingKey(ctx.actor.regionId),
      regionId: ctx.actor.regionId,
      before,
      after: input,
    });
  });
  return getSettings(ctx);
}

// ---------------------------------------------------------------------------------------------------------
// Due dates

export const today = (): string => shanghaiDate(nowIso());

const awaitingReply = (status: string): boolean => status === 'awaiting_reply' || status === 'rehandling';

/** Where an unanswered item stands against its due date on `day` (null once replied or closed). */
export function dueStateOf(status: string, dueDate: string, day: string, leadDays: number): DueState | null {
  if (!awaitingReply(status)) return null;
  if (day > dueDate) return 'overdue';
  if (day === dueDate) return 'due_today';
  if (leadDays > 0 && day >= subtractWorkingDays(dueDate, leadDays)) return 'due_soon';
  return 'on_track';
}

// ---------------------------------------------------------------------------------------------------------
// Presenting

async function inSlices<T>(ids: number[], fn: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

/** Matter rows → API shapes with counterparts, documents, item counts, the violation flag and abilities. */
async function presentMatters(ctx: RequestContext, rows: MatterRow[], db: Executor = ctx.db) {
  const ids = rows.map((r) => r.id);
  const day = today();
  const [cps, files, counts] = await Promise.all([
    inSlices(ids, (s) => matterCounterparts(db, s)),
    inSlices(ids, (s) => filesOf(db, 'consultation', s)),
    inSlices(ids, (s) => itemCounts(db, s, day)),
  ]);
  return rows.map((row): MatterDto => {
    const counterparts = cps.filter((c) => c.matter_id === row.id);
    const c = counts.find((x) => x.matterId === row.id);
    return {
      id: row.id,
      regionId: row.region_id,
      year: row.year,
      kind: row.kind,
      title: row.title,
      summary: row.summary,
      plannedDecisionDate: row.planned_decision_date,
      department: { id: row.department_id, name: row.department_name },
      counterparts: counterparts.map((cp) => ({
        id: cp.id,
        name: cp.name,
        paired: cp.paired === 1,
        invitee: cp.invitee,
        invitedAt: cp.invited_at,
      })),
      symposium: {
        status: row.symposium_status,
        scheduledAt: row.symposium_at,
        place: row.symposium_place,
        heldAt: row.held_at,
        attendees: row.attendees,
        minutes: row.minutes,
      },
      decidedAt: row.decided_at,
      decisionNote: row.decision_note,
      violation: isViolation(row),
      attachments: files.filter((f) => f.owner_id === row.id).map((f) => presentFile(ctx.actor, f)),
      itemCounts: { total: c?.total ?? 0, open: c?.open ?? 0, overdue: c?.overdue ?? 0 },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      abilities: matterAbilities(ctx.actor, {
        departmentId: row.department_id,
        counterpartIds: counterparts.map((cp) => cp.id),
        symposiumStatus: row.symposium_status,
        decidedAt: row.decided_at,
      }),
    };
  });
}

/** 先协商后决策: a decision recorded before the symposium was held — or with none held — is a violation. */
export function isViolation(m: { decided_at: string | null; held_at: string | null }): boolean {
  return isBreach(m);
}

function presentReply(ctx: RequestContext, r: ReplyRow): ReplyDto {
  return {
    round: r.round,
    replyClass: r.reply_class as ReplyDto['replyClass'],
    text: r.text,
    reason: r.reason,
    analysis: seesAnalysis(ctx.actor) ? r.analysis : null,
    repliedOn: r.replied_on,
    repliedAt: r.replied_at,
    repliedBy: r.replied_by_name,
    dueDate: r.due_date,
    onTime: r.on_time === 1,
    verdict: r.verdict,
    verdictComment: r.verdict_comment,
    verdictAt: r.verdict_at,
  };
}

function presentExtension(e: ExtensionRow): ExtensionDto {
  return {
    id: e.id,
    round: e.round,
    reason: e.reason,
    daysRequested: e.days_requested,
    status: e.status,
    daysGranted: e.days_granted,
    dueBefore: e.due_before,
    dueAfter: e.due_after,
    requestedAt: e.requested_at,
    decidedAt: e.decided_at,
    decisionNote: e.decision_note,
  };
}

async function presentItems(ctx: RequestContext, rows: ItemRow[], day: string, db: Executor = ctx.db) {
  const ids = rows.map((r) => r.id);
  const [replies, extensions] = await Promise.all([
    inSlices(ids, (s) => repliesOf(db, s)),
    inSlices(ids, (s) => extensionsOf(db, s)),
  ]);
  const settings = settingsCache(db);
  const out: ItemDto[] = [];
  for (const row of rows) {
    const { reminderLeadDays } = await settings(row.region_path);
    const visibleReplies = seesReplies(ctx.actor, row.counterpart_id);
    const mine = replies.filter((r) => r.item_id === row.id);
    const latest = mine[mine.length - 1];
    const pending = extensions.find((e) => e.item_id === row.id && e.status === 'requested');
    const open = awaitingReply(row.status);
    out.push({
      id: row.id,
      matter: {
        id: row.matter_id,
        name: row.matter_title,
        department: { id: row.department_id, name: row.department_name },
      },
      counterpart: { id: row.counterpart_id, name: row.counterpart_name },
      source: row.source,
      text: row.text,
      receivedOn: row.received_on,
      enteredBy: { id: row.entered_by_org, name: row.entered_by_name },
      createdAt: row.created_at,
      status: row.status,
      round: row.round,
      dueDate: row.due_date,
      dueState: dueStateOf(row.status, row.due_date, day, reminderLeadDays),
      workingDaysLeft: open ? workingDaysBetween(day, row.due_date) : null,
      analysis: seesAnalysis(ctx.actor) ? row.analysis : null,
      latestReply: visibleReplies && latest ? presentReply(ctx, latest) : null,
      repliesVisible: visibleReplies,
      pendingExtension: pending && visibleReplies ? presentExtension(pending) : null,
      closedAt: row.closed_at,
      closeNote: visibleReplies ? row.close_note : null,
      abilities: itemAbilities(ctx.actor, {
        departmentId: row.department_id,
        counterpartId: row.counterpart_id,
        status: row.status,
        pendingExtension: pending !== undefined,
      }),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Matters

export async function listMatters(ctx: RequestContext, query: MatterListQuery): Promise<MatterListResponse> {
  const ids = await findMatterIds(ctx.db, {
    scope: consultationScope(ctx.actor),
    year: query.year,
    departmentId: query.departmentId,
    counterpartId: query.counterpartId,
    kind: query.kind,
    violation: query.violation === '1',
  });
  const rows = await mattersByIds(ctx.db, ids.slice(query.offset, query.offset + query.limit));
  return {
    items: await presentMatters(ctx, rows),
    total: ids.length,
    abilities: { canCreate: allowed(ctx.actor, 'consultations.offerCreate', null) },
  };
}

/** A matter the actor may see, or NOT_FOUND — the same answer as a matter that does not exist. */
export async function visibleMatter(
  ctx: RequestContext,
  id: number,
  db: Executor = ctx.db,
): Promise<MatterRow> {
  const [found] = await findMatterIds(db, { scope: consultationScope(ctx.actor), ids: [id] });
  if (!found) throw notFound();
  const [row] = await mattersByIds(db, [id]);
  if (!row) throw notFound();
  return row;
}

/** A matter of the actor's own department (managing it); anyone else who can see it may not. */
async function ownMatter(ctx: RequestContext, id: number): Promise<MatterRow> {
  const row = await visibleMatter(ctx, id);
  authorize(ctx.actor, 'consultations.manage', { departmentId: row.department_id });
  return row;
}

export async function getMatter(ctx: RequestContext, id: number): Promise<MatterDto> {
  const row = await visibleMatter(ctx, id);
  return (await presentMatters(ctx, [row]))[0] as MatterDto;
}

/**
 * The counterparts a matter consults: given ids must be counterparts of the department's region paired with it
 * in the year; omitted, all its pairs in force in the year.
 */
async function resolveCounterparts(
  db: Executor,
  department: { id: number; region_id: number },
  year: number,
  requested: number[] | undefined,
): Promise<{ counterpartId: number; paired: boolean }[]> {
  const paired = new Set(await pairedCounterparts(db, department.id, year));
  const ids = requested ? [...new Set(requested)] : [...paired];
  if (!ids.length) {
    throw new AppError('CONSULTATION_NO_PAIRS', { year });
  }
  const found = await counterpartsByIds(db, ids);
  const valid = new Set(found.filter((c) => c.region_id === department.region_id).map((c) => c.id));
  const wrong = ids.filter((c) => !valid.has(c));
  if (wrong.length) {
    throw new AppError('NOT_COUNTERPARTS', { ids: wrong.join(', ') });
  }
  // a department consults the counterparts it is paired with in the year, no others
  const unpaired = ids.filter((c) => !paired.has(c));
  if (unpaired.length) {
    throw new AppError('NOT_PAIRED', { field: 'counterpartIds', ids: unpaired.join(', '), year });
  }
  return ids.map((id) => ({ counterpartId: id, paired: true }));
}

export async function createMatter(ctx: RequestContext, input: CreateMatterRequest): Promise<MatterDto> {
  authorize(ctx.actor, 'consultations.manage', { departmentId: input.departmentId });
  const department = await findOrganisation(ctx.db, input.departmentId);
  if (department?.kind !== 'department') throw notFound();
  const year = shanghaiYear(nowIso());
  const counterparts = await resolveCounterparts(ctx.db, department, year, input.counterpartIds);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertMatter(trx, {
      regionId: department.region_id,
      departmentId: department.id,
      year,
      kind: input.kind,
      title: input.title,
      summary: input.summary ?? null,
      plannedDecisionDate: input.plannedDecisionDate ?? null,
      createdBy: ctx.actor.userId,
    });
    await insertMatterCounterparts(trx, created.id, counterparts);
    await appendAudit(trx, ctx, {
      action: 'consultation.matter.create',
      entityType: 'consultation_matter',
      entityId: created.id,
      regionId: created.region_id,
      after: { ...created, counterparts },
    });
    return created.id;
  });
  return getMatter(ctx, id);
}

export async function updateMatter(
  ctx: RequestContext,
  id: number,
  input: UpdateMatterRequest,
): Promise<MatterDto> {
  const before = await ownMatter(ctx, id);
  let added: { counterpartId: number; paired: boolean }[] = [];
  let removed: number[] = [];
  if (input.counterpartIds) {
    const department = { id: before.department_id, region_id: before.region_id };
    const next = await resolveCounterparts(ctx.db, department, before.year, input.counterpartIds);
    const current = (await matterCounterparts(ctx.db, [id])).map((c) => c.id);
    added = next.filter((n) => !current.includes(n.counterpartId));
    removed = current.filter((c) => !next.some((n) => n.counterpartId === c));
    if (removed.length) {
      const withItems = await findItemIds(ctx.db, {
        scope: consultationScope(ctx.actor),
        matterIds: [id],
      }).then((ids) => itemsByIds(ctx.db, ids));
      const blocked = removed.filter((c) => withItems.some((i) => i.counterpart_id === c));
      if (blocked.length) {
        throw new AppError('COUNTERPART_HAS_ITEMS', { names: blocked.join(', ') });
      }
    }
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateMatterRow(trx, id, {
      kind: input.kind,
      title: input.title,
      summary: input.summary,
      planned_decision_date: input.plannedDecisionDate,
    });
    await removeMatterCounterparts(trx, id, removed);
    await insertMatterCounterparts(trx, id, added);
    await appendAudit(trx, ctx, {
      action: 'consultation.matter.update',
      entityType: 'consultation_matter',
      entityId: id,
      regionId: before.region_id,
      before,
      after: { ...input, added, removed },
    });
  });
  return getMatter(ctx, id);
}

async function notifyOrganisations(
  trx: Executor,
  organisationIds: number[],
  n: { kind: NotificationKind; title: string; body: string; link: string; key: string },
): Promise<number> {
  const users = await usersOfOrganisations(trx, organisationIds);
  return insertNotifications(
    trx,
    users.map((u) => ({
      userId: u.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link,
      dedupeKey: `${n.key}:${u.id}`,
    })),
  );
}

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
        kind: 'consultation_invitation',
        title: `专题协商座谈会邀请：${before.title}`,
        body: `${before.department_name}定于${input.scheduledAt.slice(0, 16).replace('T', ' ')}在${input.place}召开专题协商座谈会，听取意见和建议，敬请负责人参加。`,
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

// ---------------------------------------------------------------------------------------------------------
// Documents of a matter (the attachment store and its checks, shared with the ledger)

/** The matter's facts for its files: its region, and whether the actor may add documents (its department). */
async function matterFileFacts(ctx: RequestContext, matterId: number) {
  const matter = await visibleMatter(ctx, matterId);
  const counterpartIds = (await matterCounterparts(ctx.db, [matterId])).map((c) => c.id);
  const abilities = matterAbilities(ctx.actor, {
    departmentId: matter.department_id,
    counterpartIds,
    symposiumStatus: matter.symposium_status,
    decidedAt: matter.decided_at,
  });
  return { regionId: matter.region_id, canAttach: abilities.canAttach };
}

export async function uploadMatterAttachment(
  ctx: RequestContext,
  matterId: number,
  input: UploadAttachmentRequest,
): Promise<MatterAttachmentDto> {
  return attachFile(ctx, 'consultation', matterId, await matterFileFacts(ctx, matterId), input);
}

export async function downloadMatterAttachment(
  ctx: RequestContext,
  matterId: number,
  attachmentId: number,
): Promise<RenderedDocument> {
  await visibleMatter(ctx, matterId);
  return fetchFile(ctx, 'consultation', matterId, attachmentId);
}

export async function removeMatterAttachment(
  ctx: RequestContext,
  matterId: number,
  attachmentId: number,
): Promise<void> {
  await detachFile(ctx, 'consultation', matterId, await matterFileFacts(ctx, matterId), attachmentId);
}

// ---------------------------------------------------------------------------------------------------------
// Items: opinions and suggestions

/**
 * An opinion or suggestion: raised at the symposium (typed in by the department or by the counterpart) or
 * submitted in writing by a counterpart's 联络员, before or after it. Its due date is N working days after
 * its receipt date.
 */
export async function createItem(
  ctx: RequestContext,
  matterId: number,
  input: CreateItemRequest,
): Promise<ItemScreenResponse> {
  const matter = await visibleMatter(ctx, matterId);
  const owner = isOwner(ctx.actor, matter.department_id);
  // a counterpart writes its own opinion; the department names whose opinion it types in
  const counterpartId = input.counterpartId ?? (owner ? undefined : ctx.actor.organisationId);
  authorize(ctx.actor, 'consultations.addItem', { departmentId: matter.department_id, counterpartId });
  if (counterpartId === undefined) throw new AppError('ITEM_AUTHOR_REQUIRED');
  const consulted = (await matterCounterparts(ctx.db, [matterId])).map((c) => c.id);
  if (!consulted.includes(counterpartId)) {
    throw new AppError('NOT_CONSULTED');
  }
  if (input.source === 'symposium' && matter.symposium_status === 'none') {
    throw new AppError('SYMPOSIUM_NOT_SCHEDULED');
  }
  const day = today();
  const heldOn = matter.held_at ? shanghaiDate(matter.held_at) : null;
  const receivedOn = input.receivedOn ?? (input.source === 'symposium' && heldOn ? heldOn : day);
  if (receivedOn > day) throw new AppError('DATE_IN_FUTURE', { field: 'receivedOn' });
  const { replyWorkingDays } = await consultationSettingsFor(ctx.db, matter.region_path);
  const dueDate = addWorkingDays(receivedOn, replyWorkingDays);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const item = await insertItem(trx, {
      matterId,
      counterpartId,
      source: input.source,
      text: input.text,
      receivedOn,
      enteredByOrg: ctx.actor.organisationId,
      createdBy: ctx.actor.userId,
      dueDate,
    });
    await insertItemEvent(trx, {
      itemId: item.id,
      round: 1,
      action: 'created',
      note: `收到日期 ${receivedOn}，答复期限 ${dueDate}（${replyWorkingDays}个工作日）`,
      actorId: ctx.actor.userId,
    });
    if (!owner) {
      await notifyOrganisations(trx, [matter.department_id], {
        kind: 'consultation_item',
        title: `收到意见建议：${matter.title}`,
        body: `${ctx.actor.organisationName}提出了意见建议，请于${dueDate}前答复。`,
        link: `/consultations/items/${item.id}`,
        key: `consultation-item-created:${item.id}`,
      });
    }
    await appendAudit(trx, ctx, {
      action: 'consultation.item.create',
      entityType: 'consultation_item',
      entityId: item.id,
      regionId: matter.region_id,
      after: item,
    });
    return item.id;
  });
  return getItemScreen(ctx, id);
}

export async function listItems(ctx: RequestContext, query: ItemListQuery): Promise<ItemListResponse> {
  const day = today();
  const byStatus: Record<ItemFilter, ItemStatus[]> = {
    awaiting_reply: ['awaiting_reply'],
    rehandling: ['rehandling'],
    awaiting_verdict: ['awaiting_verdict'],
    closed: ['closed'],
    due_soon: ['awaiting_reply', 'rehandling'],
    overdue: ['awaiting_reply', 'rehandling'],
  };
  const ids = await findItemIds(ctx.db, {
    scope: consultationScope(ctx.actor),
    matterIds: query.matterId ? [query.matterId] : undefined,
    year: query.year,
    departmentId: query.departmentId,
    counterpartId: query.counterpartId,
    statuses: query.status ? byStatus[query.status] : undefined,
  });
  let items: ItemDto[];
  let total: number;
  if (query.status === 'due_soon' || query.status === 'overdue') {
    // the due state depends on each region's lead days and the calendar: computed, then filtered
    const rows = await inSlices(ids, (s) => itemsByIds(ctx.db, s));
    const wanted: DueState[] = query.status === 'overdue' ? ['overdue'] : ['due_soon', 'due_today'];
    const all = (await presentItems(ctx, rows, day)).filter((i) => i.dueState && wanted.includes(i.dueState));
    total = all.length;
    items = all.slice(query.offset, query.offset + query.limit);
  } else {
    const rows = await itemsByIds(ctx.db, ids.slice(query.offset, query.offset + query.limit));
    items = await presentItems(ctx, rows, day);
    total = ids.length;
  }
  return { items, total, today: day };
}

/** An item the actor may see (an item of a matter it sees), or NOT_FOUND. */
async function visibleItem(ctx: RequestContext, id: number, db: Executor = ctx.db): Promise<ItemRow> {
  const [found] = await findItemIds(db, { scope: consultationScope(ctx.actor), ids: [id] });
  if (!found) throw notFound();
  const [row] = await itemsByIds(db, [id]);
  if (!row) throw notFound();
  return row;
}

/** The reply screen: the matter with its minutes, the item, every round, the extensions and the timeline. */
export async function getItemScreen(ctx: RequestContext, id: number): Promise<ItemScreenResponse> {
  const row = await visibleItem(ctx, id);
  const day = today();
  const [matter] = await presentMatters(ctx, await mattersByIds(ctx.db, [row.matter_id]));
  const [item] = await presentItems(ctx, [row], day);
  if (!matter || !item) throw notFound();
  const visible = seesReplies(ctx.actor, row.counterpart_id);
  const rounds = visible ? (await repliesOf(ctx.db, [id])).map((r) => presentReply(ctx, r)) : [];
  const extensions = visible ? (await extensionsOf(ctx.db, [id])).map(presentExtension) : [];
  const timeline = visible
    ? (await itemEvents(ctx.db, id)).map(
        (e): ItemEventDto => ({
          id: e.id,
          round: e.round,
          action: e.action,
          stage: e.stage,
          note: e.note,
          actor: e.actor_name,
          at: e.at,
        }),
      )
    : [];
  return { matter, item, rounds, extensions, timeline, today: day };
}

/** An item of the actor's own department, not closed: what the department's actions start from. */
async function ownOpenItem(ctx: RequestContext, id: number): Promise<ItemRow> {
  const row = await visibleItem(ctx, id);
  authorize(ctx.actor, 'consultations.manage', { departmentId: row.department_id });
  if (row.status === 'closed') throw new AppError('ITEM_CLOSED');
  return row;
}

const moved = (): AppError => new AppError('CHANGED_MEANWHILE');

/** The department's internal analysis (认真分析研究): kept with the item, never shown to counterparts. */
export async function saveAnalysis(
  ctx: RequestContext,
  id: number,
  input: AnalysisRequest,
): Promise<ItemScreenResponse> {
  const row = await ownOpenItem(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateItemRow(trx, id, row, { analysis: input.analysis });
    if (!ok) throw moved();
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'analysed',
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.item.analyse',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { analysis: row.analysis },
      after: { analysis: input.analysis },
    });
  });
  return getItemScreen(ctx, id);
}

/**
 * 及时给予反馈和答复: the department replies (class, text, the reason when not adopting). On time when given on
 * or before the due date (Asia/Shanghai). A pending extension request lapses. The counterpart is asked to rate.
 */
export async function replyToItem(
  ctx: RequestContext,
  id: number,
  input: ReplyRequest,
): Promise<ItemScreenResponse> {
  const row = await ownOpenItem(ctx, id);
  if (!awaitingReply(row.status)) throw new AppError('ITEM_ALREADY_REPLIED');
  const day = today();
  const onTime = day <= row.due_date;
  const analysis = input.analysis ?? row.analysis;
  const label = REPLY_CLASS_LABELS[input.replyClass].zh;
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateItemRow(trx, id, row, { status: 'awaiting_verdict', analysis });
    if (!ok) throw moved();
    await insertReply(trx, {
      itemId: id,
      round: row.round,
      replyClass: input.replyClass,
      text: input.text,
      reason: input.reason ?? null,
      analysis,
      repliedOn: day,
      repliedBy: ctx.actor.userId,
      dueDate: row.due_date,
      onTime,
    });
    const pending = (await extensionsOf(trx, [id])).find((e) => e.status === 'requested');
    if (pending) {
      await decideExtension(trx, pending.id, {
        status: 'withdrawn',
        daysGranted: null,
        dueAfter: null,
        note: '已答复，延期申请失效 / replied: the request lapsed',
        userId: null,
      });
    }
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'replied',
      note: `${label}${onTime ? '' : `（逾期，期限 ${row.due_date}）`}`,
      actorId: ctx.actor.userId,
    });
    await notifyOrganisations(trx, [row.counterpart_id], {
      kind: 'consultation_reply',
      title: `意见建议已答复：${row.matter_title}`,
      body: `${row.department_name}已答复贵单位的意见建议（${label}），请评价。`,
      link: `/consultations/items/${id}`,
      key: `consultation-reply:${id}:${row.round}`,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.item.reply',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { status: row.status, round: row.round },
      after: {
        status: 'awaiting_verdict',
        replyClass: input.replyClass,
        text: input.text,
        reason: input.reason ?? null,
        repliedOn: day,
        onTime,
      },
    });
  });
  return getItemScreen(ctx, id);
}

/** The department asks 统战部 for more working days, with a reason; one request at a time. */
export async function requestExtension(
  ctx: RequestContext,
  id: number,
  input: ExtensionRequest,
): Promise<ItemScreenResponse> {
  const row = await ownOpenItem(ctx, id);
  if (!awaitingReply(row.status)) throw new AppError('ITEM_ALREADY_REPLIED');
  const pending = (await extensionsOf(ctx.db, [id])).find((e) => e.status === 'requested');
  if (pending) throw new AppError('EXTENSION_PENDING');
  await ctx.db.transaction().execute(async (trx) => {
    const ext = await insertExtension(trx, {
      itemId: id,
      round: row.round,
      reason: input.reason,
      days: input.days,
      dueBefore: row.due_date,
      userId: ctx.actor.userId,
    });
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'extension_requested',
      note: `申请延期${input.days}个工作日：${input.reason}`,
      actorId: ctx.actor.userId,
    });
    const reviewers = await reviewersOfRegion(trx, row.region_path);
    await insertNotifications(
      trx,
      reviewers.map((userId) => ({
        userId,
        kind: 'consultation_extension',
        title: `延期申请：${row.matter_title}`,
        body: `${row.department_name}申请将意见建议答复期限延长${input.days}个工作日（现期限 ${row.due_date}）。理由：${input.reason}`,
        link: `/consultations/items/${id}`,
        dedupeKey: `consultation-extension:${ext.id}:${userId}`,
      })),
    );
    await appendAudit(trx, ctx, {
      action: 'consultation.extension.request',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      after: ext,
    });
  });
  return getItemScreen(ctx, id);
}

/** 统战部's item: one in its region (NOT_FOUND otherwise), not closed. */
async function supervisedOpenItem(ctx: RequestContext, id: number): Promise<ItemRow> {
  const row = await visibleItem(ctx, id);
  authorize(ctx.actor, 'consultations.supervise', null);
  if (row.status === 'closed') throw new AppError('ITEM_CLOSED');
  return row;
}

async function pendingExtensionOf(db: Executor, id: number): Promise<ExtensionRow> {
  const pending = (await extensionsOf(db, [id])).find((e) => e.status === 'requested');
  if (!pending) throw new AppError('NO_EXTENSION_PENDING');
  return pending;
}

/** 统战部 grants: the due date moves by the working days granted (default: those requested). */
export async function grantExtension(
  ctx: RequestContext,
  id: number,
  input: GrantExtensionRequest,
): Promise<ItemScreenResponse> {
  const row = await supervisedOpenItem(ctx, id);
  const pending = await pendingExtensionOf(ctx.db, id);
  const days = input.days ?? pending.days_requested;
  const dueAfter = addWorkingDays(row.due_date, days);
  await ctx.db.transaction().execute(async (trx) => {
    const decided = await decideExtension(trx, pending.id, {
      status: 'granted',
      daysGranted: days,
      dueAfter,
      note: input.note ?? null,
      userId: ctx.actor.userId,
    });
    if (!decided || !(await updateItemRow(trx, id, row, { due_date: dueAfter }))) throw moved();
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'extension_granted',
      note: `延期${days}个工作日：${row.due_date} → ${dueAfter}${input.note ? `。${input.note}` : ''}`,
      actorId: ctx.actor.userId,
    });
    await notifyOrganisations(trx, [row.department_id], {
      kind: 'consultation_extension',
      title: `延期申请已批准：${row.matter_title}`,
      body: `答复期限延至${dueAfter}。`,
      link: `/consultations/items/${id}`,
      key: `consultation-extension-decided:${pending.id}`,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.extension.grant',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { dueDate: row.due_date },
      after: { extensionId: pending.id, days, dueDate: dueAfter, note: input.note ?? null },
    });
  });
  return getItemScreen(ctx, id);
}

/** 统战部 refuses: the due date stays. */
export async function refuseExtension(
  ctx: RequestContext,
  id: number,
  input: RefuseExtensionRequest,
): Promise<ItemScreenResponse> {
  const row = await supervisedOpenItem(ctx, id);
  const pending = await pendingExtensionOf(ctx.db, id);
  await ctx.db.transaction().execute(async (trx) => {
    const decided = await decideExtension(trx, pending.id, {
      status: 'refused',
      daysGranted: null,
      dueAfter: null,
      note: input.note,
      userId: ctx.actor.userId,
    });
    if (!decided) throw moved();
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'extension_refused',
      note: input.note,
      actorId: ctx.actor.userId,
    });
    await notifyOrganisations(trx, [row.department_id], {
      kind: 'consultation_extension',
      title: `延期申请未获批准：${row.matter_title}`,
      body: `答复期限仍为${row.due_date}。${input.note}`,
      link: `/consultations/items/${id}`,
      key: `consultation-extension-decided:${pending.id}`,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.extension.refuse',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      after: { extensionId: pending.id, note: input.note },
    });
  });
  return getItemScreen(ctx, id);
}

/**
 * The counterpart's verdict on the reply to its own item: satisfied or basically satisfied closes the item;
 * not satisfied reopens it for 二次办理 — a new round, due N working days after the verdict date.
 */
export async function rateReply(
  ctx: RequestContext,
  id: number,
  input: VerdictRequest,
): Promise<ItemScreenResponse> {
  const row = await visibleItem(ctx, id);
  authorize(ctx.actor, 'consultations.rate', { counterpartId: row.counterpart_id });
  if (row.status === 'closed') throw new AppError('ITEM_CLOSED');
  if (row.status !== 'awaiting_verdict') throw new AppError('ITEM_NOT_REPLIED');
  const day = today();
  const reopen = input.verdict === 'not_satisfied';
  const { replyWorkingDays } = await consultationSettingsFor(ctx.db, row.region_path);
  const nextDue = addWorkingDays(day, replyWorkingDays);
  const now = nowIso();
  const label = VERDICT_LABELS[input.verdict].zh;
  await ctx.db.transaction().execute(async (trx) => {
    const rated = await setVerdict(trx, id, row.round, {
      verdict: input.verdict,
      comment: input.comment ?? null,
      userId: ctx.actor.userId,
    });
    const next = reopen
      ? { status: 'rehandling' as const, round: row.round + 1, due_date: nextDue }
      : { status: 'closed' as const, closed_at: now, closed_by: ctx.actor.userId };
    if (!rated || !(await updateItemRow(trx, id, row, next))) throw moved();
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'verdict',
      note: input.comment ? `${label}：${input.comment}` : label,
      actorId: ctx.actor.userId,
    });
    await insertItemEvent(trx, {
      itemId: id,
      round: reopen ? row.round + 1 : row.round,
      action: reopen ? 'reopened' : 'closed',
      note: reopen ? `二次办理，答复期限 ${nextDue}` : `评价${label}，办结`,
      actorId: ctx.actor.userId,
    });
    await notifyOrganisations(trx, [row.department_id], {
      kind: 'consultation_verdict',
      title: `${reopen ? '答复不满意，请二次办理' : `答复评价：${label}`}：${row.matter_title}`,
      body: reopen
        ? `${ctx.actor.organisationName}对答复不满意：${input.comment ?? ''}。请于${nextDue}前再次答复。`
        : `${ctx.actor.organisationName}评价：${label}。`,
      link: `/consultations/items/${id}`,
      key: `consultation-verdict:${id}:${row.round}`,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.item.verdict',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { status: row.status, round: row.round },
      after: { verdict: input.verdict, comment: input.comment ?? null, ...next },
    });
  });
  return getItemScreen(ctx, id);
}

/** 统战部 closes an item with a note (e.g. the counterpart does not rate, or the matter was withdrawn). */
export async function closeItem(
  ctx: RequestContext,
  id: number,
  input: CloseItemRequest,
): Promise<ItemScreenResponse> {
  const row = await supervisedOpenItem(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateItemRow(trx, id, row, {
      status: 'closed',
      closed_at: nowIso(),
      close_note: input.note,
      closed_by: ctx.actor.userId,
    });
    if (!ok) throw moved();
    const pending = (await extensionsOf(trx, [id])).find((e) => e.status === 'requested');
    if (pending) {
      await decideExtension(trx, pending.id, {
        status: 'withdrawn',
        daysGranted: null,
        dueAfter: null,
        note: '已办结 / the item was closed',
        userId: ctx.actor.userId,
      });
    }
    await insertItemEvent(trx, {
      itemId: id,
      round: row.round,
      action: 'closed',
      note: input.note,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'consultation.item.close',
      entityType: 'consultation_item',
      entityId: id,
      regionId: row.region_id,
      before: { status: row.status },
      after: { status: 'closed', note: input.note },
    });
  });
  return getItemScreen(ctx, id);
}

// ---------------------------------------------------------------------------------------------------------
// Figures: per year (of receipt), department and counterpart — for the annual report and the dashboard

const emptyFigures = (): Figures => ({
  received: 0,
  replied: 0,
  repliedOnTime: 0,
  overdue: 0,
  closed: 0,
  adoption: Object.fromEntries(REPLY_CLASSES.map((c) => [c, 0])) as Figures['adoption'],
  satisfaction: Object.fromEntries([...VERDICTS, 'unrated'].map((v) => [v, 0])) as Figures['satisfaction'],
});

const REPLY_CLASS_OF: Record<AdoptionClass, keyof Figures['adoption'] | null> = {
  adopted: 'adopted',
  partly: 'partly_adopted',
  reference: 'for_reference',
  not_adopted: 'not_adopted',
  under_study: null,
};

/** One item into the figures, classified by the facts module's rule (server/modules/facts/facts.rules.ts). */
function addItem(f: Figures, item: ItemRow, replies: ReplyRow[], day: string): void {
  const at = { iso: new Date(`${day}T23:59:59.999+08:00`).toISOString(), date: day };
  const state = suggestionState(item, replies, at);
  f.received += 1;
  if (state.reply !== 'open') {
    f.replied += 1;
    if (state.reply === 'on_time') f.repliedOnTime += 1;
  }
  const latestRound = Math.max(0, ...replies.filter((r) => r.replied_on <= day).map((r) => r.round));
  if (latestRound > 0) {
    const cls = REPLY_CLASS_OF[state.adoption];
    if (cls) f.adoption[cls] += 1;
    const verdict = state.verdicts.find((v) => v.round === latestRound)?.verdict ?? 'unrated';
    f.satisfaction[verdict] += 1;
  }
  if (state.overdue) f.overdue += 1;
  if (item.status === 'closed') f.closed += 1;
}

/**
 * The consultation figures of the items a scope sees (a counterpart: only its own items), per year of receipt,
 * department and counterpart, and in total:
 * - received: items; replied: items with a first reply; repliedOnTime: first reply on or before its due date
 *   (after any extension granted);
 * - overdue: unanswered past the due date on `day`; closed: closed items;
 * - adoption: the class of each replied item's latest reply; satisfaction: its verdict (`unrated` if none yet).
 */
export async function consultationFigures(
  db: Executor,
  scope: Scope,
  filter: FiguresQuery,
  day: string = today(),
): Promise<FiguresResponse> {
  // a counterpart counts its own suggestions only
  const own = counterpartOf(scope);
  const ids = await findItemIds(db, {
    scope,
    year: filter.year,
    departmentId: filter.departmentId,
    counterpartId: own ?? filter.counterpartId,
  });
  if (own !== null && filter.counterpartId && filter.counterpartId !== own) {
    return { totals: emptyFigures(), rows: [], today: day };
  }
  const items = await inSlices(ids, (s) => itemsByIds(db, s));
  const replies = await inSlices(ids, (s) => repliesOf(db, s));
  const byItem = new Map<number, ReplyRow[]>();
  for (const r of replies) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r]);
  const totals = emptyFigures();
  const rows = new Map<string, FiguresRow>();
  for (const item of items) {
    const year = Number(item.received_on.slice(0, 4));
    const key = `${year}:${item.department_id}:${item.counterpart_id}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        year,
        department: { id: item.department_id, name: item.department_name },
        counterpart: { id: item.counterpart_id, name: item.counterpart_name },
        ...emptyFigures(),
      };
      rows.set(key, row);
    }
    const mine = byItem.get(item.id) ?? [];
    addItem(row, item, mine, day);
    addItem(totals, item, mine, day);
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      a.year - b.year ||
      a.department.name.localeCompare(b.department.name, 'zh-CN') ||
      a.counterpart.name.localeCompare(b.counterpart.name, 'zh-CN'),
  );
  return { totals, rows: sorted, today: day };
}

export async function figuresFor(ctx: RequestContext, query: FiguresQuery): Promise<FiguresResponse> {
  return consultationFigures(ctx.db, consultationScope(ctx.actor), query);
}
