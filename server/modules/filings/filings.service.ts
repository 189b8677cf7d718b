import {
  effectiveStatus,
  type FilingStatus,
  type FormStatus,
  isAfterDeadline,
  localDate,
} from '../../../common/filings.js';
import { maskPhone } from '../../../common/phone.js';
import { can } from '../../../common/roles.js';
import type {
  BoardUnitDto,
  CreateFilingRoundRequest,
  FilingBoardResponse,
  FilingDto,
  FilingRoundDto,
  RegistrationFormQuery,
  RemindResponse,
  ReturnFilingRequest,
  SaveFilingRequest,
  UpdateFilingRoundRequest,
} from '../../../common/schemas/filings.js';
import type { NotificationKind } from '../../../common/schemas/notifications.js';
import type { FormPersonDto, RevealRequest, UnitRef } from '../../../common/schemas/roster.js';
import { allowed } from '../../access/authorize.js';
import { overseenRegion, type Scope, scopeOf } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import type { Filing, ResponsiblePerson } from '../../db/schema.js';
import type { RegistrationFormInput } from '../../documents/registration-form.docx.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { appendAudit, appendAuditAlone } from '../audit/index.js';
import { insertNotifications, usersOfOrganisations } from '../notifications/index.js';
import {
  currentPerson,
  isOwnUnit,
  listUnits,
  maskFormPerson,
  phonesMaskedForAudit,
  recordPersonVersion,
  sameVersion,
  type UnitRow,
  unitRef,
  visibleUnit,
} from '../roster/index.js';
import {
  changeReportsOf,
  type FormValues,
  filingEvents,
  filingsOfRound,
  findFiling,
  getFilingById,
  insertFiling,
  insertFilingEvent,
  insertRound,
  listRounds,
  openRoundOf,
  type RoundRow,
  updateFilingRow,
  updateRoundRow,
} from './filings.repository.js';

// ---------------------------------------------------------------------------------------------------------
// Rounds

export function presentRound(row: RoundRow): FilingRoundDto {
  return {
    id: row.id,
    regionId: row.region_id,
    year: row.year,
    deadline: row.deadline,
    recipient: row.recipient,
    contactPerson: row.contact_person,
    contactPhone: row.contact_phone,
    fax: row.fax,
    status: row.status,
    openedBy: row.opened_by_name,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

/** A round the actor may see (an overseer: its region and under; a unit: its own region's). Else NOT_FOUND. */
export async function visibleRound(ctx: RequestContext, id: number): Promise<RoundRow> {
  const [row] = await listRounds(ctx.db, { scope: scopeOf(ctx.actor), ids: [id] });
  if (!row) throw notFound();
  return row;
}

/** Only a region-scoped reviewer (统战部) manages rounds and reviews forms. */
function requireReviewer(ctx: RequestContext): Scope {
  const scope = scopeOf(ctx.actor);
  if (overseenRegion(scope) === null || !can(ctx.actor.role, 'filings:review')) throw forbidden();
  return scope;
}

const storedStatus = (f: Filing | undefined): FormStatus => (f ? (f.status as FormStatus) : 'not_started');

export async function listRoundsFor(ctx: RequestContext) {
  const rows = await listRounds(ctx.db, { scope: scopeOf(ctx.actor) });
  const today = localDate();
  const unitActor = allowed(ctx.actor, 'filings.fileOwn', null);
  const items = [];
  for (const row of rows) {
    let mine = null;
    if (unitActor && row.region_id === ctx.actor.regionId) {
      const f = await findFiling(ctx.db, row.id, ctx.actor.organisationId);
      const formStatus = storedStatus(f);
      mine = {
        status: effectiveStatus(formStatus, row.deadline, today),
        formStatus,
        submittedLate: f?.submitted_late === 1,
      };
    }
    items.push({ ...presentRound(row), mine });
  }
  return { items, abilities: { canManage: can(ctx.actor.role, 'filings:review') } };
}

export async function getRound(ctx: RequestContext, id: number): Promise<FilingRoundDto> {
  return presentRound(await visibleRound(ctx, id));
}

/** 统战部 opens the year's round for its own region: one open round per region and year. */
export async function createRound(
  ctx: RequestContext,
  input: CreateFilingRoundRequest,
): Promise<FilingRoundDto> {
  requireReviewer(ctx);
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await openRoundOf(trx, ctx.actor.regionId, input.year)) {
      throw new AppError('FILING_ROUND_OPEN', { year: input.year });
    }
    const round = await insertRound(trx, {
      regionId: ctx.actor.regionId,
      year: input.year,
      deadline: input.deadline,
      recipient: input.recipient,
      contactPerson: input.contactPerson,
      contactPhone: input.contactPhone,
      fax: input.fax,
      openedBy: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'filing_round.create',
      entityType: 'filing_round',
      entityId: round.id,
      regionId: round.region_id,
      after: round,
    });
    return round.id;
  });
  return getRound(ctx, id);
}

/** Move the deadline or correct the form's contact line; only while the round is open. */
export async function updateRound(
  ctx: RequestContext,
  id: number,
  input: UpdateFilingRoundRequest,
): Promise<FilingRoundDto> {
  requireReviewer(ctx);
  const before = await visibleRound(ctx, id);
  if (before.status !== 'open') throw new AppError('FILING_ROUND_CLOSED');
  await ctx.db.transaction().execute(async (trx) => {
    await updateRoundRow(trx, id, {
      deadline: input.deadline,
      recipient: input.recipient,
      contact_person: input.contactPerson,
      contact_phone: input.contactPhone,
      fax: input.fax,
    });
    await appendAudit(trx, ctx, {
      action: 'filing_round.update',
      entityType: 'filing_round',
      entityId: id,
      regionId: before.region_id,
      before: presentRound(before),
      after: input,
    });
  });
  return getRound(ctx, id);
}

/** Closing stops saving and submitting; forms already submitted can still be reviewed. */
export async function closeRound(ctx: RequestContext, id: number): Promise<FilingRoundDto> {
  requireReviewer(ctx);
  const before = await visibleRound(ctx, id);
  if (before.status !== 'open') throw new AppError('FILING_ROUND_CLOSED');
  await ctx.db.transaction().execute(async (trx) => {
    await updateRoundRow(trx, id, { status: 'closed', closed_at: new Date().toISOString() });
    await appendAudit(trx, ctx, {
      action: 'filing_round.close',
      entityType: 'filing_round',
      entityId: id,
      regionId: before.region_id,
      before: presentRound(before),
      after: { status: 'closed' },
    });
  });
  return getRound(ctx, id);
}

// ---------------------------------------------------------------------------------------------------------
// One unit's form

/** A unit the round asks a form of (a department or counterpart of the round's region), visible to the actor. */
async function roundUnit(ctx: RequestContext, round: RoundRow, organisationId: number): Promise<UnitRow> {
  const unit = await visibleUnit(ctx, organisationId);
  if (unit.region_id !== round.region_id) throw notFound();
  return unit;
}

const formPerson = (name: string | null, position: string | null, phone: string | null): FormPersonDto => ({
  name,
  position,
  phone,
});

/** 附件2 has one 联系电话: the office line if the roster has one, else the mobile. */
async function prefillFromRoster(db: Executor, organisationId: number, role: 'leader' | 'liaison') {
  const p = await currentPerson(db, organisationId, role);
  return p ? formPerson(p.name, p.position, p.office_phone ?? p.mobile) : formPerson(null, null, null);
}

const EDITABLE: readonly FormStatus[] = ['not_started', 'draft', 'returned'];

async function presentFiling(
  ctx: RequestContext,
  round: RoundRow,
  unit: UnitRow,
  filing: Filing | undefined,
  options: { reveal?: boolean } = {},
): Promise<FilingDto> {
  const own = isOwnUnit(ctx, unit.id);
  const masked = !own && !options.reveal;
  const formStatus = storedStatus(filing);
  const status = effectiveStatus(formStatus, round.deadline, localDate());
  const canEdit =
    own && can(ctx.actor.role, 'filings:write') && round.status === 'open' && EDITABLE.includes(formStatus);
  let leader = formPerson(null, null, null);
  let liaison = formPerson(null, null, null);
  let prefilled = false;
  if (filing) {
    leader = formPerson(filing.leader_name, filing.leader_position, filing.leader_phone);
    liaison = formPerson(filing.liaison_name, filing.liaison_position, filing.liaison_phone);
  } else if (canEdit) {
    // Nothing saved yet: the unit starts from its roster.
    leader = await prefillFromRoster(ctx.db, unit.id, 'leader');
    liaison = await prefillFromRoster(ctx.db, unit.id, 'liaison');
    prefilled = true;
  }
  const events = filing ? await filingEvents(ctx.db, filing.id) : [];
  return {
    id: filing?.id ?? null,
    round: {
      id: round.id,
      year: round.year,
      deadline: round.deadline,
      status: round.status,
    },
    organisation: unitRef(unit),
    status,
    formStatus,
    late: status === 'late',
    submittedLate: filing?.submitted_late === 1,
    leader: maskFormPerson(leader, masked),
    liaison: maskFormPerson(liaison, masked),
    prefilled,
    firstSubmittedAt: filing?.first_submitted_at ?? null,
    submittedAt: filing?.submitted_at ?? null,
    filedAt: filing?.filed_at ?? null,
    returnReason: filing?.return_reason ?? null,
    events: events.map((e) => ({
      id: e.id,
      action: e.action as FilingDto['events'][number]['action'],
      note: e.note,
      actor: e.actor_name,
      at: e.at,
    })),
    phonesMasked: masked,
    abilities: {
      canEdit,
      canSubmit: canEdit,
      canReview: can(ctx.actor.role, 'filings:review') && formStatus === 'submitted',
      canReveal: can(ctx.actor.role, 'contacts:reveal'),
    },
  };
}

export async function getFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
): Promise<FilingDto> {
  const round = await visibleRound(ctx, roundId);
  const unit = await roundUnit(ctx, round, organisationId);
  return presentFiling(ctx, round, unit, await findFiling(ctx.db, round.id, unit.id));
}

export async function revealFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  input: RevealRequest,
): Promise<FilingDto> {
  const round = await visibleRound(ctx, roundId);
  const unit = await roundUnit(ctx, round, organisationId);
  const filing = await findFiling(ctx.db, round.id, unit.id);
  await appendAuditAlone(ctx.db, ctx, {
    action: 'contacts.reveal',
    entityType: 'filing',
    entityId: filing?.id ?? `${round.id}/${unit.id}`,
    regionId: unit.region_id,
    detail: input.reason,
  });
  return presentFiling(ctx, round, unit, filing, { reveal: true });
}

function formValues(input: SaveFilingRequest): FormValues {
  return {
    leader_name: input.leader.name ?? null,
    leader_position: input.leader.position ?? null,
    leader_phone: input.leader.phone ?? null,
    liaison_name: input.liaison.name ?? null,
    liaison_position: input.liaison.position ?? null,
    liaison_phone: input.liaison.phone ?? null,
  };
}

/** The unit's own form, in a round it may still write in. Another unit's answers NOT_FOUND. */
async function writableFiling(ctx: RequestContext, roundId: number, organisationId: number) {
  const round = await visibleRound(ctx, roundId);
  const unit = await roundUnit(ctx, round, organisationId);
  if (!isOwnUnit(ctx, unit.id)) throw notFound();
  if (round.status !== 'open') throw new AppError('FILING_ROUND_CLOSED');
  return { round, unit };
}

async function saveInTransaction(
  trx: Executor,
  ctx: RequestContext,
  round: RoundRow,
  unit: UnitRow,
  input: SaveFilingRequest,
): Promise<void> {
  const before = await findFiling(trx, round.id, unit.id);
  const status = storedStatus(before);
  if (!EDITABLE.includes(status)) {
    throw new AppError(status === 'filed' ? 'FILING_ALREADY_FILED' : 'FILING_AWAITING_REVIEW');
  }
  const values = formValues(input);
  let filingId: number;
  if (!before) {
    if (unit.active !== 1) throw new AppError('UNIT_INACTIVE');
    const created = await insertFiling(trx, {
      ...values,
      roundId: round.id,
      organisationId: unit.id,
      userId: ctx.actor.userId,
    });
    filingId = created.id;
  } else {
    filingId = before.id;
    const ok = await updateFilingRow(trx, before.id, before.status, {
      ...values,
      updated_by: ctx.actor.userId,
    });
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
  }
  await insertFilingEvent(trx, { filingId, action: 'saved', note: null, actorId: ctx.actor.userId });
  await appendAudit(trx, ctx, {
    action: 'filing.save',
    entityType: 'filing',
    entityId: filingId,
    regionId: unit.region_id,
    before: before ? phonesMaskedForAudit(before) : undefined,
    after: phonesMaskedForAudit(await getFilingById(trx, filingId)),
  });
}

export async function saveFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  input: SaveFilingRequest,
): Promise<FilingDto> {
  const { round, unit } = await writableFiling(ctx, roundId, organisationId);
  await ctx.db.transaction().execute((trx) => saveInTransaction(trx, ctx, round, unit, input));
  return getFiling(ctx, roundId, organisationId);
}

const REQUIRED_FIELDS: { key: keyof FormValues; label: string }[] = [
  { key: 'leader_name', label: 'leader.name 分管领导姓名' },
  { key: 'leader_position', label: 'leader.position 分管领导职务' },
  { key: 'leader_phone', label: 'leader.phone 分管领导联系电话' },
  { key: 'liaison_name', label: 'liaison.name 联络员姓名' },
  { key: 'liaison_position', label: 'liaison.position 联络员职务' },
  { key: 'liaison_phone', label: 'liaison.phone 联络员联系电话' },
];

/**
 * Submit the saved form (or save these values and submit them): every field of both persons must be filled.
 * The first submission after the deadline marks the form `submittedLate` for good.
 */
export async function submitFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  input: SaveFilingRequest | null | undefined,
): Promise<FilingDto> {
  const { round, unit } = await writableFiling(ctx, roundId, organisationId);
  await ctx.db.transaction().execute(async (trx) => {
    if (input) await saveInTransaction(trx, ctx, round, unit, input);
    const filing = await findFiling(trx, round.id, unit.id);
    const status = storedStatus(filing);
    if (filing && status !== 'draft' && status !== 'returned') {
      throw new AppError(status === 'filed' ? 'FILING_ALREADY_FILED' : 'FILING_AWAITING_REVIEW');
    }
    const missing = REQUIRED_FIELDS.filter((f) => !filing?.[f.key]).map((f) => f.label);
    if (!filing || missing.length) throw new AppError('FILING_INCOMPLETE', { missing: missing.join(', ') });
    const now = new Date().toISOString();
    const first = filing.first_submitted_at ?? now;
    const late = isAfterDeadline(round.deadline, localDate(first));
    const ok = await updateFilingRow(trx, filing.id, filing.status, {
      status: 'submitted',
      submitted_at: now,
      first_submitted_at: first,
      submitted_late: late ? 1 : 0,
      return_reason: null,
      updated_by: ctx.actor.userId,
    });
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    await insertFilingEvent(trx, {
      filingId: filing.id,
      action: 'submitted',
      note: late ? '逾期报送 / submitted after the deadline' : null,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'filing.submit',
      entityType: 'filing',
      entityId: filing.id,
      regionId: unit.region_id,
      before: { status: filing.status },
      after: { status: 'submitted', submittedLate: late },
    });
  });
  return getFiling(ctx, roundId, organisationId);
}

/** A submitted form, for the reviewer: anything else is INVALID_STATE. */
async function reviewableFiling(ctx: RequestContext, roundId: number, organisationId: number) {
  requireReviewer(ctx);
  const round = await visibleRound(ctx, roundId);
  const unit = await roundUnit(ctx, round, organisationId);
  const filing = await findFiling(ctx.db, round.id, unit.id);
  if (filing?.status !== 'submitted') {
    throw new AppError('FILING_NOT_SUBMITTED');
  }
  return { round, unit, filing };
}

async function notifyUnit(
  trx: Executor,
  unit: UnitRow,
  n: { kind: NotificationKind; title: string; body: string; link: string; key: string },
): Promise<number> {
  const users = await usersOfOrganisations(trx, [unit.id]);
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

/** 统战部 returns a submitted form with a reason; the unit corrects and resubmits. */
export async function returnFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  input: ReturnFilingRequest,
): Promise<FilingDto> {
  const { round, unit, filing } = await reviewableFiling(ctx, roundId, organisationId);
  await ctx.db.transaction().execute(async (trx) => {
    const ok = await updateFilingRow(trx, filing.id, 'submitted', {
      status: 'returned',
      return_reason: input.reason,
      reviewed_by: ctx.actor.userId,
      reviewed_at: new Date().toISOString(),
    });
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    const event = await insertFilingEvent(trx, {
      filingId: filing.id,
      action: 'returned',
      note: input.reason,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'filing.return',
      entityType: 'filing',
      entityId: filing.id,
      regionId: unit.region_id,
      before: { status: 'submitted' },
      after: { status: 'returned', reason: input.reason },
    });
    await notifyUnit(trx, unit, {
      kind: 'filing_returned',
      title: `${round.year}年对口联系工作分管领导、联络员登记表被退回`,
      body: `退回原因：${input.reason}`,
      link: `/filings/${round.id}/${unit.id}`,
      key: `filing-returned:${filing.id}:${event.id}`,
    });
  });
  return getFiling(ctx, roundId, organisationId);
}

const digitsOf = (phone: string | null): string => (phone ?? '').replace(/\D/g, '');
const isMobile = (phone: string): boolean => /^(?:86)?1\d{10}$/.test(digitsOf(phone));

/**
 * The roster's two phone fields after filing a form with one 联系电话: the same person keeps the numbers the
 * roster has, and a new number goes to `mobile` or `officePhone` by its shape; a new person has only the filed one.
 */
function phonesOf(
  cur: ResponsiblePerson | undefined,
  name: string,
  phone: string,
): { officePhone: string | null; mobile: string | null } {
  const same = cur !== undefined && cur.name === name;
  const kept = { officePhone: same ? cur.office_phone : null, mobile: same ? cur.mobile : null };
  const d = digitsOf(phone);
  if (same && (d === digitsOf(cur.office_phone) || d === digitsOf(cur.mobile))) return kept;
  return isMobile(phone) ? { ...kept, mobile: phone } : { ...kept, officePhone: phone };
}

/**
 * 备案: 统战部 accepts a submitted form. The unit's roster becomes the filed persons — a new version for each
 * role where the form differs from the roster (the form's one phone goes to mobile or office line by its shape).
 */
export async function fileFiling(
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  note: string | null,
): Promise<FilingDto> {
  const { round, unit, filing } = await reviewableFiling(ctx, roundId, organisationId);
  await ctx.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const ok = await updateFilingRow(trx, filing.id, 'submitted', {
      status: 'filed',
      filed_at: now,
      return_reason: null,
      reviewed_by: ctx.actor.userId,
      reviewed_at: now,
    });
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    const today = localDate(now);
    for (const role of ['leader', 'liaison'] as const) {
      const name = filing[`${role}_name`];
      const position = filing[`${role}_position`];
      const phone = filing[`${role}_phone`];
      if (!name || !position || !phone) continue; // cannot happen: submission checks every field
      const cur = await currentPerson(trx, unit.id, role);
      const version = {
        organisationId: unit.id,
        role,
        name,
        position,
        ...phonesOf(cur, name, phone),
        source: 'filing' as const,
        filingId: filing.id,
      };
      if (cur && sameVersion(cur, version)) continue;
      const servedFrom = cur && cur.served_from > today ? cur.served_from : today;
      await recordPersonVersion(trx, ctx, unit.region_id, { ...version, servedFrom });
    }
    await insertFilingEvent(trx, { filingId: filing.id, action: 'filed', note, actorId: ctx.actor.userId });
    await appendAudit(trx, ctx, {
      action: 'filing.file',
      entityType: 'filing',
      entityId: filing.id,
      regionId: unit.region_id,
      before: { status: 'submitted' },
      after: { status: 'filed', note },
    });
    await notifyUnit(trx, unit, {
      kind: 'filing_filed',
      title: `${round.year}年对口联系工作分管领导、联络员登记表已备案`,
      body: `${unit.name}的登记表已由${ctx.actor.organisationName}备案。`,
      link: `/filings/${round.id}/${unit.id}`,
      key: `filing-filed:${filing.id}`,
    });
  });
  return getFiling(ctx, roundId, organisationId);
}

// ---------------------------------------------------------------------------------------------------------
// The board and reminders

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
        kind: 'filing_reminder',
        title: `请尽快报送${year}年对口联系工作分管领导、联络员登记表`,
        body: `${nameOf.get(u.organisation_id) ?? ''}的登记表应于${deadline}前报${recipient}，目前尚未报送。`,
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

// ---------------------------------------------------------------------------------------------------------
// 附件2 for printing

export interface RegistrationFormData {
  input: RegistrationFormInput;
  unitName: string;
  phones: 'full' | 'masked' | 'none';
}

/**
 * 附件2 of a unit for a year, from its form in that year's round of its region (the round it has a form in, or
 * the newest). Phones print in full for the unit itself and for contacts:reveal holders (the printed form goes
 * to 统战部); anyone else gets them masked. `blank` prints the empty form with the round's deadline and contact —
 * for any year, even one with no round (the deadline then left blank).
 */
export async function registrationFormData(
  ctx: RequestContext,
  query: RegistrationFormQuery,
): Promise<RegistrationFormData> {
  const unit = await visibleUnit(ctx, query.organisationId);
  const rounds = await listRounds(ctx.db, {
    scope: scopeOf(ctx.actor),
    regionId: unit.region_id,
    year: query.year,
  });
  let round: RoundRow | undefined;
  let filing: Filing | undefined;
  for (const r of rounds) {
    filing = await findFiling(ctx.db, r.id, unit.id);
    if (filing) {
      round = r;
      break;
    }
  }
  round ??= rounds[0];
  const blank = query.blank === '1';
  if (!round && blank) {
    // a blank form for a year with no round: the year asked, the deadline left to write in, the office and
    // contact of the region's latest round (if any)
    const [latest] = await listRounds(ctx.db, { scope: scopeOf(ctx.actor), regionId: unit.region_id });
    return {
      unitName: unit.name,
      phones: 'none',
      input: {
        year: query.year,
        organisationName: null,
        date: null,
        leader: null,
        liaison: null,
        deadline: null,
        recipient: latest?.recipient ?? null,
        contactPerson: latest?.contact_person ?? null,
        contactPhone: latest?.contact_phone ?? null,
        fax: latest?.fax ?? null,
      },
    };
  }
  if (!round) throw notFound();
  const full = isOwnUnit(ctx, unit.id) || can(ctx.actor.role, 'contacts:reveal');
  const person = (role: 'leader' | 'liaison') => {
    if (blank || !filing) return null;
    const phone = filing[`${role}_phone`] ?? '';
    return {
      name: filing[`${role}_name`] ?? '',
      position: filing[`${role}_position`] ?? '',
      phone: full ? phone : maskPhone(phone),
    };
  };
  return {
    unitName: unit.name,
    phones: blank || !filing ? 'none' : full ? 'full' : 'masked',
    input: {
      year: round.year,
      organisationName: blank ? null : unit.name,
      date: !blank && filing?.submitted_at ? localDate(filing.submitted_at) : null,
      leader: person('leader'),
      liaison: person('liaison'),
      deadline: round.deadline,
      recipient: round.recipient,
      contactPerson: round.contact_person,
      contactPhone: round.contact_phone,
      fax: round.fax,
    },
  };
}
