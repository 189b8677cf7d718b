import { dayBefore, localDate } from '../../../common/filings.js';
import { maskPhone } from '../../../common/phone.js';
import { can } from '../../../common/roles.js';
import type {
  AcknowledgeChangeReportRequest,
  ChangeReportDto,
  ChangeReportListQuery,
  FormPersonDto,
  PersonRole,
  RevealRequest,
  RosterDetailResponse,
  RosterListQuery,
  RosterListResponse,
  RosterPersonDto,
  RosterPersons,
  UnitRef,
  UpdateRosterPersonRequest,
} from '../../../common/schemas/roster.js';
import { allowed } from '../../access/authorize.js';
import { overseenRegion, scopeOf } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import type { ResponsiblePerson } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import { proposeHandover } from '../accounts/index.js';
import { appendAudit, appendAuditAlone } from '../audit/index.js';
import { insertNotifications, notificationText, reviewersOfRegion } from '../notifications/index.js';
import { holdsUnitAccount } from '../users/index.js';
import { latestByRole } from './latest-by-role.js';
import {
  acknowledgeChangeReportRow,
  type ChangeReportRow,
  closePerson,
  currentPerson,
  filedFormsOf,
  hasFiled,
  insertChangeReport,
  insertPerson,
  listChangeReports,
  listUnits,
  type PersonRow,
  type PersonVersionInput,
  personHistory,
  personsInForce,
  type UnitRow,
} from './roster.repository.js';

// ---------------------------------------------------------------------------------------------------------
// Who sees what

/** A department or counterpart the actor may see: its own unit, or any in its region. Else NOT_FOUND. */
export async function visibleUnit(ctx: RequestContext, organisationId: number): Promise<UnitRow> {
  const [unit] = await listUnits(ctx.db, { scope: scopeOf(ctx.actor), ids: [organisationId] });
  if (!unit) throw notFound();
  return unit;
}

/** The actor is one of the unit's own users (its 联络员): they typed its phones, so they see them in full. */
export function isOwnUnit(ctx: RequestContext, organisationId: number): boolean {
  return allowed(ctx.actor, 'roster.ownUnit', { organisationId });
}

/**
 * A unit the actor may change: only its own (the permission says what, this says which). Another unit answers
 * NOT_FOUND, whether the actor could see it or not.
 */
export async function ownUnit(ctx: RequestContext, organisationId: number): Promise<UnitRow> {
  const unit = await visibleUnit(ctx, organisationId);
  if (!isOwnUnit(ctx, organisationId)) throw notFound();
  return unit;
}

export const unitRef = (u: { id: number; name: string; kind: string }): UnitRef => ({
  id: u.id,
  name: u.name,
  kind: u.kind as UnitRef['kind'],
});

// ---------------------------------------------------------------------------------------------------------
// Presenters

export function presentPerson(row: PersonRow, masked: boolean): RosterPersonDto {
  return {
    id: row.id,
    role: row.role as PersonRole,
    name: row.name,
    position: row.position,
    officePhone: masked ? maskPhone(row.office_phone) : row.office_phone,
    mobile: masked ? maskPhone(row.mobile) : row.mobile,
    servedFrom: row.served_from,
    servedTo: row.served_to,
    source: row.source as RosterPersonDto['source'],
    filingId: row.filing_id,
    recordedAt: row.created_at,
    recordedBy: row.created_by_name,
  };
}

function personsByRole(rows: PersonRow[], organisationId: number, masked: boolean): RosterPersons {
  const current = latestByRole(rows, organisationId);
  const pick = (role: PersonRole) => {
    const row = current.get(role);
    return row ? presentPerson(row, masked) : null;
  };
  return { principal: pick('principal'), leader: pick('leader'), liaison: pick('liaison') };
}

export function presentChangeReport(row: ChangeReportRow): ChangeReportDto {
  return {
    id: row.id,
    organisation: unitRef({
      id: row.organisation_id,
      name: row.organisation_name,
      kind: row.organisation_kind,
    }),
    role: row.role as PersonRole,
    previous:
      row.previous_name !== null && row.previous_position !== null
        ? { name: row.previous_name, position: row.previous_position }
        : null,
    next: { name: row.next_name, position: row.next_position },
    effectiveDate: row.effective_date,
    reason: row.reason,
    status: row.status,
    reportedAt: row.reported_at,
    reportedBy: row.reported_by_name,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by_name,
    acknowledgeNote: row.acknowledge_note,
  };
}

/**
 * A row as the audit trail keeps it: phone columns masked. The audit admin reads the trail but may not read
 * personal information; the full numbers stay in the versioned tables themselves.
 */
export function phonesMaskedForAudit<T extends object>(row: T): T {
  const out = { ...row } as Record<string, unknown>;
  for (const [key, value] of Object.entries(out)) {
    if (/phone|mobile/i.test(key) && typeof value === 'string') out[key] = maskPhone(value);
  }
  return out as T;
}

export const maskFormPerson = (p: FormPersonDto, masked: boolean): FormPersonDto =>
  masked ? { ...p, phone: maskPhone(p.phone) } : p;

// ---------------------------------------------------------------------------------------------------------
// Reading

export async function listRoster(ctx: RequestContext, query: RosterListQuery): Promise<RosterListResponse> {
  const date = query.date ?? localDate();
  const units = await listUnits(ctx.db, {
    scope: scopeOf(ctx.actor),
    kind: query.kind,
    ids: query.organisationId ? [query.organisationId] : undefined,
    activeOnly: true,
  });
  const rows = await personsInForce(
    ctx.db,
    units.map((u) => u.id),
    date,
  );
  return {
    date,
    items: units.map((u) => {
      const masked = !isOwnUnit(ctx, u.id);
      return { organisation: unitRef(u), phonesMasked: masked, ...personsByRole(rows, u.id, masked) };
    }),
    abilities: { canReveal: can(ctx.actor.role, 'contacts:reveal') },
  };
}

/** The persons in force and the filed 附件2 on a day, every version, and the change reports of one unit. */
async function rosterDetail(
  ctx: RequestContext,
  unit: UnitRow,
  date: string,
  masked: boolean,
): Promise<RosterDetailResponse> {
  const inForce = await personsInForce(ctx.db, [unit.id], date);
  const history = await personHistory(ctx.db, [unit.id]);
  const filed = (await filedFormsOf(ctx.db, unit.id)).find(
    (f) => f.filed_at !== null && localDate(f.filed_at) <= date,
  );
  const reports = await listChangeReports(ctx.db, { scope: scopeOf(ctx.actor), organisationIds: [unit.id] });
  const person = (name: string | null, position: string | null, phone: string | null) =>
    maskFormPerson({ name, position, phone }, masked);
  return {
    organisation: unitRef(unit),
    date,
    inForce: personsByRole(inForce, unit.id, masked),
    filed: filed?.filed_at
      ? {
          filingId: filed.id,
          roundId: filed.round_id,
          year: filed.year,
          filedAt: filed.filed_at,
          leader: person(filed.leader_name, filed.leader_position, filed.leader_phone),
          liaison: person(filed.liaison_name, filed.liaison_position, filed.liaison_phone),
        }
      : null,
    history: history.map((r) => presentPerson(r, masked)),
    changeReports: reports.map(presentChangeReport),
    phonesMasked: masked,
    abilities: {
      canWrite: can(ctx.actor.role, 'roster:write') && isOwnUnit(ctx, unit.id),
      canReveal: can(ctx.actor.role, 'contacts:reveal'),
    },
  };
}

export async function getRoster(
  ctx: RequestContext,
  organisationId: number,
  date?: string,
): Promise<RosterDetailResponse> {
  const unit = await visibleUnit(ctx, organisationId);
  return rosterDetail(ctx, unit, date ?? localDate(), !isOwnUnit(ctx, unit.id));
}

/** Phones in full, for one who holds contacts:reveal; recorded with the reason (个人信息 access). */
export async function revealRoster(
  ctx: RequestContext,
  organisationId: number,
  input: RevealRequest,
): Promise<RosterDetailResponse> {
  const unit = await visibleUnit(ctx, organisationId);
  await appendAuditAlone(ctx.db, ctx, {
    action: 'contacts.reveal',
    entityType: 'roster',
    entityId: unit.id,
    regionId: unit.region_id,
    detail: input.reason,
  });
  return rosterDetail(ctx, unit, input.date ?? localDate(), false);
}

// ---------------------------------------------------------------------------------------------------------
// Writing

const digits = (s: string | null): string => (s ?? '').replace(/\D/g, '');

/** Whether a new version would say nothing the current one does not. */
export function sameVersion(cur: ResponsiblePerson, next: Omit<PersonVersionInput, 'servedFrom'>): boolean {
  return (
    cur.name === next.name &&
    cur.position === next.position &&
    digits(cur.office_phone) === digits(next.officePhone) &&
    digits(cur.mobile) === digits(next.mobile)
  );
}

/**
 * Close the current version of the role (its last day is the day before the new one starts) and add the new
 * one, with its audit entry, inside the caller's transaction. A new version may not start before the current
 * one did: the past is changed by no one.
 */
export async function recordPersonVersion(
  trx: Executor,
  ctx: RequestContext,
  regionId: number,
  input: PersonVersionInput,
): Promise<{ previous: ResponsiblePerson | null; next: ResponsiblePerson }> {
  const previous = (await currentPerson(trx, input.organisationId, input.role)) ?? null;
  if (previous && input.servedFrom < previous.served_from) {
    throw new AppError('SERVED_FROM_BEFORE_CURRENT', { date: previous.served_from });
  }
  if (previous) await closePerson(trx, previous.id, dayBefore(input.servedFrom));
  const next = await insertPerson(trx, { ...input, createdBy: ctx.actor.userId });
  if (holdsUnitAccount(input.role) && previous && previous.name !== next.name) {
    // a new 联络员: the unit's account is proposed for hand-over to 统战部 (issue 18)
    const via =
      input.source === 'filing'
        ? 'filing'
        : (await hasFiled(trx, input.organisationId))
          ? 'change_report'
          : 'roster';
    await proposeHandover(trx, ctx, {
      organisationId: input.organisationId,
      previousPersonId: previous.id,
      nextPersonId: next.id,
      nextName: next.name,
      via,
    });
  }
  await appendAudit(trx, ctx, {
    action: 'roster.update',
    entityType: 'responsible_person',
    entityId: next.id,
    regionId,
    before: previous ? phonesMaskedForAudit(previous) : undefined,
    after: phonesMaskedForAudit(next),
  });
  return { previous, next };
}

const REPORTED_ROLES: readonly PersonRole[] = ['leader', 'liaison'];

/**
 * The unit's 联络员 records a new version of a role. Replacing the 分管领导 or 联络员 after the unit has filed
 * is a personnel change (四(二) 人员如有变动，应及时调整并报告): it needs a reason and creates a change report
 * for 统战部, whose reviewers are notified.
 */
export async function updateRosterPerson(
  ctx: RequestContext,
  organisationId: number,
  role: PersonRole,
  input: UpdateRosterPersonRequest,
): Promise<RosterDetailResponse> {
  const unit = await ownUnit(ctx, organisationId);
  const version = {
    organisationId,
    role,
    name: input.name,
    position: input.position,
    officePhone: input.officePhone ?? null,
    mobile: input.mobile ?? null,
    servedFrom: input.servedFrom,
    source: 'roster' as const,
    filingId: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const cur = await currentPerson(trx, organisationId, role);
    if (cur && sameVersion(cur, version)) return; // nothing changes: no version, no report
    const replacing = cur !== undefined && cur.name !== input.name;
    const reported = replacing && REPORTED_ROLES.includes(role) && (await hasFiled(trx, organisationId));
    if (reported && !input.reason) {
      throw new AppError('REPLACEMENT_REASON_REQUIRED');
    }
    const { previous, next } = await recordPersonVersion(trx, ctx, unit.region_id, version);
    if (!reported || !input.reason) return;
    const report = await insertChangeReport(trx, {
      organisationId,
      role,
      previousPersonId: previous?.id ?? null,
      nextPersonId: next.id,
      effectiveDate: input.servedFrom,
      reason: input.reason,
      reportedBy: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'change_report.create',
      entityType: 'change_report',
      entityId: report.id,
      regionId: unit.region_id,
      after: report,
    });
    const reviewers = await reviewersOfRegion(trx, unit.region_path);
    const text = notificationText('changeReport', {
      unit: unit.name,
      role,
      previous: previous?.name ?? null,
      next: next.name,
      servedFrom: input.servedFrom,
      reason: input.reason ?? null,
    });
    await insertNotifications(
      trx,
      reviewers.map((userId) => ({
        userId,
        ...text,
        link: `/roster/${organisationId}`,
        dedupeKey: `change-report:${report.id}:${userId}`,
      })),
    );
  });
  return getRoster(ctx, organisationId);
}

export async function listChangeReportsFor(
  ctx: RequestContext,
  query: ChangeReportListQuery,
): Promise<{ items: ChangeReportDto[]; abilities: { canAcknowledge: boolean } }> {
  if (query.organisationId) await visibleUnit(ctx, query.organisationId);
  const rows = await listChangeReports(ctx.db, {
    scope: scopeOf(ctx.actor),
    status: query.status,
    organisationIds: query.organisationId ? [query.organisationId] : undefined,
  });
  return {
    items: rows.map(presentChangeReport),
    abilities: { canAcknowledge: can(ctx.actor.role, 'filings:review') },
  };
}

/** 统战部 takes note of a change report (only a region-scoped reviewer; once). */
export async function acknowledgeChangeReport(
  ctx: RequestContext,
  id: number,
  input: AcknowledgeChangeReportRequest,
): Promise<ChangeReportDto> {
  const scope = scopeOf(ctx.actor);
  if (overseenRegion(scope) === null) throw forbidden();
  const [before] = await listChangeReports(ctx.db, { scope, ids: [id] });
  if (!before) throw notFound();
  if (before.status !== 'reported') throw new AppError('CHANGE_ALREADY_ACKNOWLEDGED');
  await ctx.db.transaction().execute(async (trx) => {
    const n = await acknowledgeChangeReportRow(trx, id, { by: ctx.actor.userId, note: input?.note ?? null });
    if (n === 0) throw new AppError('CHANGE_ALREADY_ACKNOWLEDGED');
    await appendAudit(trx, ctx, {
      action: 'change_report.acknowledge',
      entityType: 'change_report',
      entityId: id,
      regionId: before.region_id,
      before: presentChangeReport(before),
      after: { status: 'acknowledged', note: input?.note ?? null },
    });
  });
  const [after] = await listChangeReports(ctx.db, { scope, ids: [id] });
  if (!after) throw notFound();
  return presentChangeReport(after);
}

// ---------------------------------------------------------------------------------------------------------
// Export

export interface RosterExportData {
  date: string;
  /** every unit in scope with the persons in force on `date` */
  current: { unit: UnitRow; persons: RosterPersons }[];
  /** every version of every unit in scope */
  history: { unit: UnitRow; person: RosterPersonDto }[];
  phones: 'full' | 'masked' | 'own';
}

/**
 * What roster.xlsx holds. Phones are masked, except the actor's own unit's; `full` (needs contacts:reveal and a
 * reason) shows every phone and is recorded with the reason.
 */
export async function rosterExportData(
  ctx: RequestContext,
  options: { date?: string; full: boolean; reason?: string },
): Promise<RosterExportData> {
  if (options.full) {
    if (!can(ctx.actor.role, 'contacts:reveal')) throw forbidden();
    if (!options.reason) throw new AppError('EXPORT_REASON_REQUIRED');
  }
  const date = options.date ?? localDate();
  const units = await listUnits(ctx.db, { scope: scopeOf(ctx.actor) });
  const ids = units.map((u) => u.id);
  const inForce = await personsInForce(ctx.db, ids, date);
  const history = await personHistory(ctx.db, ids);
  const byId = new Map(units.map((u) => [u.id, u]));
  const masked = (orgId: number) => !options.full && !isOwnUnit(ctx, orgId);
  if (options.full) {
    await appendAuditAlone(ctx.db, ctx, {
      action: 'contacts.reveal',
      entityType: 'document',
      entityId: 'roster.xlsx',
      detail: options.reason ?? null,
    });
  }
  return {
    date,
    current: units
      .filter((u) => u.active === 1)
      .map((unit) => ({ unit, persons: personsByRole(inForce, unit.id, masked(unit.id)) })),
    history: history.map((row) => ({
      unit: byId.get(row.organisation_id) as UnitRow,
      person: presentPerson(row, masked(row.organisation_id)),
    })),
    phones: options.full ? 'full' : units.some((u) => isOwnUnit(ctx, u.id)) ? 'own' : 'masked',
  };
}
