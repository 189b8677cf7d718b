// Creating and correcting a ledger record: the creator's side, the pairs in force in the record's year, the plan
// item it fulfils.
import type {
  CreateLedgerRecordRequest,
  LedgerRecordDto,
  UpdateLedgerRecordRequest,
} from '../../../common/schemas/ledger.js';
import { INVITATION_SUBTYPES } from '../../../common/schemas/ledger.js';
import { shanghaiYear, toUtcIso } from '../../../common/shanghai-time.js';
import { notBeforeIssue } from '../../../common/validation.js';
import { authorize } from '../../access/authorize.js';
import type { Executor, RequestContext } from '../../context.js';
import { AppError, FieldsInvalid, forbidden, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { findOrganisation } from '../organisations/index.js';
import { notifyRecordEntered } from './ledger.notices.js';
import { abilitiesFor, inviteesOf } from './ledger.policy.js';
import { type LedgerDetails, parseDetails } from './ledger.present.js';
import { getRecord, visibleRecord } from './ledger.queries.js';
import {
  findPlanItemWithPlan,
  insertRecord,
  insertRecordCounterparts,
  insertResponses,
  pairedWith,
  updateRecordRow,
} from './ledger.repository.js';

/** A plan item the record may fulfil: same department, year and kind (and counterpart, if the item names one). */
async function checkPlanItem(
  db: Executor,
  itemId: number,
  r: { departmentId: number; year: number; kind: string; counterpartIds: readonly number[] },
): Promise<void> {
  const item = await findPlanItemWithPlan(db, itemId);
  if (!item || item.department_id !== r.departmentId) throw new AppError('PLAN_ITEM_NOT_OWN');
  if (item.year !== r.year) throw new AppError('PLAN_ITEM_YEAR_MISMATCH', { year: item.year });
  if (item.kind !== r.kind) throw new AppError('PLAN_ITEM_KIND_MISMATCH', { kind: item.kind });
  if (item.counterpart_id !== null && !r.counterpartIds.includes(item.counterpart_id)) {
    throw new AppError('PLAN_ITEM_COUNTERPART_MISMATCH');
  }
}

/** Every counterpart must be paired with the department in the record's year (pairings in force). */
async function checkPairs(
  db: Executor,
  departmentId: number,
  counterpartIds: readonly number[],
  year: number,
) {
  const paired = await pairedWith(db, 'department', departmentId, year);
  const unpaired = counterpartIds.filter((c) => !paired.has(c));
  if (unpaired.length) {
    throw new AppError('NOT_PAIRED', { field: 'counterpartIds', ids: unpaired.join(', '), year });
  }
}

function initialStatus(input: CreateLedgerRecordRequest): string {
  switch (input.kind) {
    case 'invitation':
      return 'open';
    case 'notice':
      return 'sent';
    case 'research':
      return input.subtype === 'offered' ? 'offered' : 'ongoing';
    case 'service':
      return 'done';
    case 'symposium':
      return 'scheduled';
  }
}

function initialDetails(input: CreateLedgerRecordRequest): LedgerDetails {
  switch (input.kind) {
    case 'notice':
      return { docNumber: input.docNumber ?? null };
    case 'research':
      return {
        team: input.team ?? { department: [], counterpart: [] },
        instruction: input.instruction ?? null,
        adoption: 'none',
        adoptionNote: null,
        adoptedAt: null,
        takenUpBy: null,
        takenUpAt: null,
      };
    case 'service':
      return { service: { ...(input.service ?? {}) } };
    case 'symposium':
      return { minutes: null, heldAt: null };
    default:
      return {};
  }
}

/** The role and side checks are the policy's (ledger.create); what remains is shape. */
function checkCreator(ctx: RequestContext, input: CreateLedgerRecordRequest): void {
  authorize(ctx.actor, 'ledger.create', input);
  if (input.kind === 'invitation' && input.direction === 'cp_to_dept' && input.counterpartIds.length !== 1)
    throw new AppError('INVITATION_ONE_HOST');
  if (input.kind === 'invitation') {
    const allowed: readonly string[] = INVITATION_SUBTYPES[input.direction];
    if (!allowed.includes(input.subtype)) throw new AppError('INVITATION_SUBTYPE_NOT_ALLOWED');
  }
}

function checkTimes(startsAt: string, endsAt: string | null): void {
  if (endsAt !== null && endsAt < startsAt) throw new FieldsInvalid([notBeforeIssue('endsAt', 'startsAt')]);
}

export async function createRecord(
  ctx: RequestContext,
  input: CreateLedgerRecordRequest,
): Promise<LedgerRecordDto> {
  checkCreator(ctx, input);
  const counterpartIds = [...new Set(input.counterpartIds)];
  const startsAt = toUtcIso(input.startsAt);
  const endsAt = input.endsAt ? toUtcIso(input.endsAt) : null;
  checkTimes(startsAt, endsAt);
  const year = shanghaiYear(startsAt);
  const department = await findOrganisation(ctx.db, input.departmentId);
  if (department?.kind !== 'department' || !department.region_path.startsWith(ctx.actor.regionPath)) {
    throw notFound();
  }
  await checkPairs(ctx.db, department.id, counterpartIds, year);
  if (input.planItemId) {
    await checkPlanItem(ctx.db, input.planItemId, {
      departmentId: department.id,
      year,
      kind: input.kind,
      counterpartIds,
    });
  }
  const id = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertRecord(trx, {
      regionId: department.region_id,
      departmentId: department.id,
      hostId: ctx.actor.organisationId,
      year,
      kind: input.kind,
      subtype: input.kind === 'symposium' ? 'symposium' : input.subtype,
      direction: input.kind === 'invitation' ? input.direction : null,
      title: input.title,
      startsAt,
      endsAt,
      place: input.place ?? null,
      summary: input.summary ?? null,
      status: initialStatus(input),
      details: initialDetails(input),
      planItemId: input.planItemId ?? null,
      createdBy: ctx.actor.userId,
    });
    await insertRecordCounterparts(trx, created.id, counterpartIds);
    const invitees = inviteesOf({
      kind: input.kind,
      direction: input.kind === 'invitation' ? input.direction : null,
      departmentId: department.id,
      counterpartIds,
    });
    await insertResponses(trx, created.id, invitees, input.kind === 'notice' ? 'n/a' : 'pending');
    await notifyRecordEntered(
      trx,
      {
        id: created.id,
        kind: input.kind,
        title: input.title,
        startsAt,
        endsAt,
        place: input.place ?? null,
        departmentId: department.id,
        counterpartIds,
        hostId: ctx.actor.organisationId,
        hostName: ctx.actor.organisationName,
      },
      invitees,
      new Date().toISOString(),
    );
    await appendAudit(trx, ctx, {
      action: 'ledger.create',
      entityType: 'ledger_record',
      entityId: created.id,
      regionId: created.region_id,
      after: { ...created, counterpartIds },
    });
    return created.id;
  });
  return getRecord(ctx, id);
}

/** Correct a record: its host, or 统战部 in its region. Moving it to another year re-checks the pairs. */
export async function updateRecord(
  ctx: RequestContext,
  id: number,
  input: UpdateLedgerRecordRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (!abilitiesFor(ctx.actor, v.facts).canEdit) throw forbidden();
  const { row } = v;
  const startsAt = input.startsAt ? toUtcIso(input.startsAt) : row.starts_at;
  const endsAt =
    input.endsAt === undefined ? row.ends_at : input.endsAt === null ? null : toUtcIso(input.endsAt);
  checkTimes(startsAt, endsAt);
  const year = shanghaiYear(startsAt);
  if (year !== row.year) await checkPairs(ctx.db, row.department_id, v.counterpartIds, year);
  const planItemId = input.planItemId === undefined ? row.plan_item_id : input.planItemId;
  if (planItemId !== null && (planItemId !== row.plan_item_id || year !== row.year)) {
    await checkPlanItem(ctx.db, planItemId, {
      departmentId: row.department_id,
      year,
      kind: row.kind,
      counterpartIds: v.counterpartIds,
    });
  }
  const details = parseDetails(row);
  if (row.kind === 'notice' && input.docNumber !== undefined) details.docNumber = input.docNumber;
  if (row.kind === 'research') {
    if (input.team) details.team = input.team;
    if (input.instruction !== undefined) details.instruction = input.instruction;
  }
  if (row.kind === 'service' && input.service) details.service = { ...details.service, ...input.service };
  await ctx.db.transaction().execute(async (trx) => {
    await updateRecordRow(trx, id, {
      title: input.title ?? row.title,
      starts_at: startsAt,
      ends_at: endsAt,
      year,
      place: input.place === undefined ? row.place : input.place,
      summary: input.summary === undefined ? row.summary : input.summary,
      plan_item_id: planItemId,
      details_json: JSON.stringify(details),
    });
    await appendAudit(trx, ctx, {
      action: 'ledger.update',
      entityType: 'ledger_record',
      entityId: id,
      regionId: row.region_id,
      before: row,
      after: input,
    });
  });
  return getRecord(ctx, id);
}
