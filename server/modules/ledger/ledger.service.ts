import type {
  Adoption,
  AdoptionRequest,
  AttendanceRequest,
  CreateLedgerRecordRequest,
  LedgerExportQuery,
  LedgerKind,
  LedgerListQuery,
  LedgerListResponse,
  LedgerRecordDto,
  MinutesRequest,
  ReceiptRequest,
  ReplyRequest,
  UpdateLedgerRecordRequest,
} from '../../../common/schemas/ledger.js';
import { INVITATION_SUBTYPES } from '../../../common/schemas/ledger.js';
import { addDays, dayStartUtc, shanghaiYear, toUtcIso } from '../../../common/shanghai-time.js';
import { allowed, authorize } from '../../access/authorize.js';
import type { Scope } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError, forbidden, invalid, notFound } from '../../errors.js';
import { filesOf as attachmentsOf, presentFile } from '../attachments/index.js';
import { appendAudit } from '../audit/index.js';
import { findOrganisation } from '../organisations/index.js';
import { abilitiesFor, inviteesOf, ledgerScope, type RecordFacts } from './ledger.policy.js';
import {
  counterpartsOf,
  findPlanItemWithPlan,
  findRecordIds,
  insertRecord,
  insertRecordCounterparts,
  insertResponses,
  type LedgerRow,
  pairedWith,
  recordsByIds,
  responsesOf,
  updateRecordRow,
  updateResponseRow,
} from './ledger.repository.js';

/** Kind-specific fields, kept as JSON text in ledger_records.details_json. */
export interface LedgerDetails {
  docNumber?: string | null;
  team?: { department: string[]; counterpart: string[] };
  instruction?: string | null;
  adoption?: Adoption;
  adoptionNote?: string | null;
  adoptedAt?: string | null;
  takenUpBy?: number | null;
  takenUpAt?: string | null;
  service?: {
    participants?: string | null;
    beneficiaries?: string | null;
    fundsWan?: number | null;
    peopleServed?: number | null;
    projectsLanded?: number | null;
    outcome?: string | null;
  };
  minutes?: string | null;
  heldAt?: string | null;
}

const parseDetails = (row: LedgerRow): LedgerDetails => JSON.parse(row.details_json) as LedgerDetails;

/** Run a query over ids in slices, so no statement carries more parameters than an engine allows. */
async function inSlices<T>(ids: number[], fn: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

function factsOf(row: LedgerRow, counterpartIds: number[]): RecordFacts {
  return {
    kind: row.kind,
    subtype: row.subtype,
    direction: row.direction,
    status: row.status,
    startsAt: row.starts_at,
    departmentId: row.department_id,
    hostId: row.host_id,
    counterpartIds,
    takenUpBy: parseDetails(row).takenUpBy ?? null,
  };
}

/** Rows → API shapes, with each record's counterparts, responses, attachments and the actor's abilities. */
export async function presentRecords(
  db: Executor,
  ctx: RequestContext,
  rows: LedgerRow[],
): Promise<LedgerRecordDto[]> {
  const ids = rows.map((r) => r.id);
  const [cps, responses, files] = await Promise.all([
    inSlices(ids, (s) => counterpartsOf(db, s)),
    inSlices(ids, (s) => responsesOf(db, s)),
    inSlices(ids, (s) => attachmentsOf(db, 'ledger', s)),
  ]);
  // grouped by record once: a filter per row made a large export quadratic (100,000 rows: 10^10 steps)
  const byRecord = <T extends { record_id: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const x of list) {
      const bucket = map.get(x.record_id);
      if (bucket) bucket.push(x);
      else map.set(x.record_id, [x]);
    }
    return (id: number): T[] => map.get(id) ?? [];
  };
  const cpsOf = byRecord(cps);
  const responsesOfRecord = byRecord(responses);
  const filesOf = byRecord(files.map((f) => ({ ...f, record_id: f.owner_id })));
  return rows.map((row) => {
    const d = parseDetails(row);
    const counterparts = cpsOf(row.id).map((c) => ({ id: c.id, name: c.name }));
    const takenUpBy = d.takenUpBy ? (counterparts.find((c) => c.id === d.takenUpBy) ?? null) : null;
    return {
      id: row.id,
      kind: row.kind as LedgerKind,
      subtype: row.subtype,
      direction: row.direction as LedgerRecordDto['direction'],
      year: row.year,
      title: row.title,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      place: row.place,
      summary: row.summary,
      status: row.status,
      department: { id: row.department_id, name: row.department_name },
      counterparts,
      host: { id: row.host_id, name: row.host_name },
      planItemId: row.plan_item_id,
      notice: row.kind === 'notice' ? { docNumber: d.docNumber ?? null } : null,
      research:
        row.kind === 'research'
          ? {
              team: d.team ?? { department: [], counterpart: [] },
              instruction: d.instruction ?? null,
              adoption: d.adoption ?? 'none',
              adoptionNote: d.adoptionNote ?? null,
              adoptedAt: d.adoptedAt ?? null,
              takenUpBy,
              takenUpAt: d.takenUpAt ?? null,
            }
          : null,
      service:
        row.kind === 'service'
          ? {
              participants: d.service?.participants ?? null,
              beneficiaries: d.service?.beneficiaries ?? null,
              fundsWan: d.service?.fundsWan ?? null,
              peopleServed: d.service?.peopleServed ?? null,
              projectsLanded: d.service?.projectsLanded ?? null,
              outcome: d.service?.outcome ?? null,
            }
          : null,
      symposium: row.kind === 'symposium' ? { minutes: d.minutes ?? null, heldAt: d.heldAt ?? null } : null,
      responses: responsesOfRecord(row.id).map((r) => ({
        organisation: { id: r.organisation_id, name: r.organisation_name },
        reply: r.reply as LedgerRecordDto['responses'][number]['reply'],
        replyAttendees: r.reply_attendees,
        replyNote: r.reply_note,
        repliedAt: r.replied_at,
        repliedBy: r.replied_by,
        attended: r.attended === null ? null : r.attended === 1,
        attendees: r.attendees,
        receivedAt: r.received_at,
        receivedBy: r.received_by,
        readAt: r.read_at,
        readBy: r.read_by,
      })),
      attachments: filesOf(row.id).map((f) => presentFile(ctx.actor, f)),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      abilities: abilitiesFor(
        ctx.actor,
        factsOf(
          row,
          counterparts.map((c) => c.id),
        ),
      ),
    };
  });
}

function filterOf(scope: Scope, q: Omit<LedgerListQuery, 'limit' | 'offset'>) {
  return {
    scope,
    year: q.year,
    departmentId: q.departmentId,
    counterpartId: q.counterpartId,
    kind: q.kind,
    q: q.q || undefined,
    fromIso: q.from ? dayStartUtc(q.from) : undefined,
    toIso: q.to ? dayStartUtc(addDays(q.to, 1)) : undefined,
  };
}

const canCreate = (ctx: RequestContext): boolean => allowed(ctx.actor, 'ledger.offerCreate', null);

export async function listLedger(ctx: RequestContext, query: LedgerListQuery): Promise<LedgerListResponse> {
  const ids = await findRecordIds(ctx.db, filterOf(ledgerScope(ctx.actor), query));
  const page = ids.slice(query.offset, query.offset + query.limit);
  const rows = await recordsByIds(ctx.db, page);
  return {
    items: await presentRecords(ctx.db, ctx, rows),
    total: ids.length,
    abilities: { canCreate: canCreate(ctx) },
  };
}

/** Every record of an export's filter, chronological (no paging). */
/** The ids an export of `query` covers (the actor's scope and the filter), in chronological order. */
export async function ledgerExportIds(ctx: RequestContext, query: LedgerExportQuery): Promise<number[]> {
  return findRecordIds(ctx.db, filterOf(ledgerScope(ctx.actor), query));
}

/** Presented records of these (already scope-checked) ids, a slice at a time: for streamed exports. */
export async function presentRecordsByIds(ctx: RequestContext, ids: number[]): Promise<LedgerRecordDto[]> {
  return presentRecords(ctx.db, ctx, await inSlices(ids, (s) => recordsByIds(ctx.db, s)));
}

export async function ledgerForExport(ctx: RequestContext, query: LedgerExportQuery) {
  const ids = await findRecordIds(ctx.db, filterOf(ledgerScope(ctx.actor), query));
  const rows = await inSlices(ids, (s) => recordsByIds(ctx.db, s));
  return presentRecords(ctx.db, ctx, rows);
}

interface Visible {
  row: LedgerRow;
  counterpartIds: number[];
  facts: RecordFacts;
}

/** A record the actor may see, or NOT_FOUND — the same answer as a record that does not exist. */
export async function visibleRecord(
  ctx: RequestContext,
  id: number,
  db: Executor = ctx.db,
): Promise<Visible> {
  const [found] = await findRecordIds(db, { scope: ledgerScope(ctx.actor), ids: [id] });
  if (!found) throw notFound();
  const [row] = await recordsByIds(db, [id]);
  if (!row) throw notFound();
  const counterpartIds = (await counterpartsOf(db, [id])).map((c) => c.id);
  return { row, counterpartIds, facts: factsOf(row, counterpartIds) };
}

export async function getRecord(
  ctx: RequestContext,
  id: number,
  db: Executor = ctx.db,
): Promise<LedgerRecordDto> {
  const { row } = await visibleRecord(ctx, id, db);
  return (await presentRecords(db, ctx, [row]))[0] as LedgerRecordDto;
}

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
    if (!allowed.includes(input.subtype)) throw invalid(`subtype: ${input.subtype} ∉ ${allowed.join('/')}`);
  }
}

function checkTimes(startsAt: string, endsAt: string | null): void {
  if (endsAt !== null && endsAt < startsAt) throw invalid('endsAt < startsAt');
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

/**
 * An invitee answers (will attend / cannot, who goes). Replies may change until the host records attendance;
 * after that only the same answer is accepted (idempotent), a different one is INVALID_STATE.
 */
export async function replyToInvitation(
  ctx: RequestContext,
  id: number,
  input: ReplyRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'invitation') throw new AppError('NOT_AN_INVITATION');
  const org = ctx.actor.organisationId;
  authorize(ctx.actor, 'ledger.reply', v.facts);
  const current = (await responsesOf(ctx.db, [id])).find((r) => r.organisation_id === org);
  if (!current) throw forbidden();
  const same =
    current.reply === input.reply &&
    current.reply_attendees === (input.attendees ?? null) &&
    current.reply_note === (input.note ?? null);
  if (v.row.status === 'attended') {
    if (same) return getRecord(ctx, id);
    throw new AppError('REPLY_LOCKED');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await updateResponseRow(trx, id, org, {
      reply: input.reply,
      reply_attendees: input.attendees ?? null,
      reply_note: input.note ?? null,
      replied_at: nowIso(),
      replied_by: ctx.actor.displayName,
    });
    await appendAudit(trx, ctx, {
      action: 'ledger.reply',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      before: { reply: current.reply, attendees: current.reply_attendees },
      after: input,
    });
  });
  return getRecord(ctx, id);
}

/** The host records who attended and a summary — only once the event has started; it may be corrected later. */
export async function recordAttendance(
  ctx: RequestContext,
  id: number,
  input: AttendanceRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'invitation') throw new AppError('NOT_AN_INVITATION');
  authorize(ctx.actor, 'ledger.recordAttendance', v.facts);
  if (v.row.starts_at > nowIso()) throw new AppError('EVENT_NOT_STARTED');
  const invitees = inviteesOf(v.facts);
  const strangers = input.attendance.filter((a) => !invitees.includes(a.organisationId));
  if (strangers.length)
    throw new AppError('NOT_INVITED', { ids: strangers.map((s) => s.organisationId).join(', ') });
  await ctx.db.transaction().execute(async (trx) => {
    for (const a of input.attendance) {
      await updateResponseRow(trx, id, a.organisationId, {
        attended: a.attended ? 1 : 0,
        attendees: a.attendees ?? null,
      });
    }
    await updateRecordRow(trx, id, {
      status: 'attended',
      summary: input.summary === undefined ? v.row.summary : input.summary,
    });
    await appendAudit(trx, ctx, {
      action: 'ledger.attendance',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      after: input,
    });
  });
  return getRecord(ctx, id);
}

/** A recipient confirms receipt (and reading). The first time of each is kept; repeating changes nothing. */
export async function acknowledgeNotice(
  ctx: RequestContext,
  id: number,
  input: ReceiptRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'notice') throw new AppError('NOT_A_NOTICE');
  const org = ctx.actor.organisationId;
  authorize(ctx.actor, 'ledger.acknowledge', v.facts);
  const current = (await responsesOf(ctx.db, [id])).find((r) => r.organisation_id === org);
  if (!current) throw forbidden();
  const now = nowIso();
  const who = ctx.actor.displayName;
  const change = {
    received_at: current.received_at ?? now,
    received_by: current.received_by ?? who,
    read_at: input.read ? (current.read_at ?? now) : current.read_at,
    read_by: input.read ? (current.read_by ?? who) : current.read_by,
  };
  if (change.received_at === current.received_at && change.read_at === current.read_at)
    return getRecord(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await updateResponseRow(trx, id, org, change);
    await appendAudit(trx, ctx, {
      action: input.read ? 'ledger.read' : 'ledger.receive',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      after: change,
    });
  });
  return getRecord(ctx, id);
}

/** A counterpart takes up an offered research topic (提供研究课题); once taken, it is taken. */
export async function takeUpTopic(ctx: RequestContext, id: number): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'research' || v.row.subtype !== 'offered') throw new AppError('NOT_AN_OFFERED_TOPIC');
  if (!allowed(ctx.actor, 'ledger.takeUp', v.facts)) throw forbidden();
  const details = parseDetails(v.row);
  if (details.takenUpBy) throw new AppError('TOPIC_TAKEN');
  details.takenUpBy = ctx.actor.organisationId;
  details.takenUpAt = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await updateRecordRow(trx, id, { status: 'taken', details_json: JSON.stringify(details) });
    await appendAudit(trx, ctx, {
      action: 'ledger.take_up',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      after: { takenUpBy: details.takenUpBy },
    });
  });
  return getRecord(ctx, id);
}

/**
 * The department records whether the research results were adopted (采纳落实调研成果), with the leader's
 * instruction if any. 'implemented' needs a note of what was done; an offered topic nobody took up has no
 * results to adopt (INVALID_STATE).
 */
export async function recordAdoption(
  ctx: RequestContext,
  id: number,
  input: AdoptionRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'research') throw new AppError('NOT_RESEARCH');
  authorize(ctx.actor, 'ledger.adopt', v.facts);
  const details = parseDetails(v.row);
  if (v.row.subtype === 'offered' && !details.takenUpBy) throw new AppError('TOPIC_NOT_TAKEN');
  if (input.adoption === 'implemented' && !input.note) throw new AppError('ADOPTION_NOTE_REQUIRED');
  const before = {
    adoption: details.adoption,
    adoptionNote: details.adoptionNote,
    instruction: details.instruction,
  };
  details.adoption = input.adoption;
  details.adoptionNote = input.note ?? null;
  details.adoptedAt = input.adoption === 'none' ? null : nowIso();
  if (input.instruction !== undefined) details.instruction = input.instruction;
  await ctx.db.transaction().execute(async (trx) => {
    await updateRecordRow(trx, id, { details_json: JSON.stringify(details) });
    await appendAudit(trx, ctx, {
      action: 'ledger.adopt',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      before,
      after: input,
    });
  });
  return getRecord(ctx, id);
}

/** Minutes of a symposium: either side of the pair, once it has started; the record becomes 'held'. */
export async function recordMinutes(
  ctx: RequestContext,
  id: number,
  input: MinutesRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'symposium') throw new AppError('NOT_A_SYMPOSIUM');
  if (!abilitiesFor(ctx.actor, v.facts).canRecordMinutes) {
    if (v.row.starts_at > nowIso() && allowed(ctx.actor, 'ledger.isUnitUser', null)) {
      throw new AppError('SYMPOSIUM_NOT_HELD');
    }
    throw forbidden();
  }
  const details = parseDetails(v.row);
  details.minutes = input.minutes;
  details.heldAt = details.heldAt ?? nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await updateRecordRow(trx, id, {
      status: 'held',
      details_json: JSON.stringify(details),
      summary: input.summary === undefined ? v.row.summary : input.summary,
    });
    await appendAudit(trx, ctx, {
      action: 'ledger.minutes',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      after: { length: input.minutes.length },
    });
  });
  return getRecord(ctx, id);
}
