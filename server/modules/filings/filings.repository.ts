import { type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { decryptColumns, encryptColumns } from '../../db/field-crypto.js';
import type { Filing, FilingRoundTable, FilingTable } from '../../db/schema.js';
import { FILING_PHONE_COLUMNS } from '../roster/index.js';

// The form's phone columns are encrypted at rest when LIAISON_DATA_KEY is set: encrypted on the way in,
// decrypted on the way out of every function here.
const decryptFiling = <T extends { leader_phone: string | null; liaison_phone: string | null }>(row: T): T =>
  decryptColumns(row, FILING_PHONE_COLUMNS);
const encryptPhones = <T extends object>(values: T): T =>
  encryptColumns(values as T & Partial<FormValues>, FILING_PHONE_COLUMNS) as T;

function selectRounds(db: Executor) {
  return db
    .selectFrom('filing_rounds as fr')
    .innerJoin('regions as r', 'r.id', 'fr.region_id')
    .leftJoin('users as u', 'u.id', 'fr.opened_by')
    .selectAll('fr')
    .select(['r.path as region_path', 'u.display_name as opened_by_name']);
}

export type RoundRow = Awaited<ReturnType<ReturnType<typeof selectRounds>['executeTakeFirstOrThrow']>>;

/**
 * Rounds the scope may see: an overseer's region and everything under it; a unit the rounds of its own region
 * (the rounds that ask it for a form). `regionId` narrows to one region. Newest first.
 */
export async function listRounds(
  db: Executor,
  f: { scope: Scope; regionId?: number; ids?: number[]; year?: number },
): Promise<RoundRow[]> {
  let query = selectRounds(db).where((eb) =>
    scopeWhere(eb, f.scope, {
      region: { path: 'r.path' },
      organisation: (unit) => eb('fr.region_id', '=', unit.regionId),
    }),
  );
  if (f.regionId !== undefined) query = query.where('fr.region_id', '=', f.regionId);
  if (f.ids) query = query.where('fr.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.year !== undefined) query = query.where('fr.year', '=', f.year);
  return query.orderBy('fr.year', 'desc').orderBy('fr.id', 'desc').execute();
}

/** How many rounds of a year the region has had, open or closed. */
export async function roundsOfYear(db: Executor, regionId: number, year: number): Promise<number> {
  const row = await db
    .selectFrom('filing_rounds')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('region_id', '=', regionId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function openRoundOf(db: Executor, regionId: number, year: number) {
  return db
    .selectFrom('filing_rounds')
    .select('id')
    .where('region_id', '=', regionId)
    .where('year', '=', year)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function insertRound(
  db: Executor,
  values: {
    regionId: number;
    year: number;
    deadline: string;
    recipient: string;
    contactPerson: string;
    contactPhone: string;
    fax: string;
    openedBy: number;
  },
) {
  const now = nowIso();
  return db
    .insertInto('filing_rounds')
    .values({
      region_id: values.regionId,
      year: values.year,
      deadline: values.deadline,
      recipient: values.recipient,
      contact_person: values.contactPerson,
      contact_phone: values.contactPhone,
      fax: values.fax,
      status: 'open',
      opened_by: values.openedBy,
      created_at: now,
      updated_at: now,
      closed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateRoundRow(
  db: Executor,
  id: number,
  values: {
    deadline?: string;
    recipient?: string;
    contact_person?: string;
    contact_phone?: string;
    fax?: string;
    status?: FilingRoundTable['status'];
    closed_at?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('filing_rounds')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

export async function findFiling(db: Executor, roundId: number, organisationId: number) {
  const row = await db
    .selectFrom('filings')
    .selectAll()
    .where('round_id', '=', roundId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row && decryptFiling(row);
}

export async function filingsOfRound(db: Executor, roundId: number): Promise<Filing[]> {
  const rows = await db.selectFrom('filings').selectAll().where('round_id', '=', roundId).execute();
  return rows.map(decryptFiling);
}

export interface FormValues {
  leader_name: string | null;
  leader_position: string | null;
  leader_phone: string | null;
  liaison_name: string | null;
  liaison_position: string | null;
  liaison_phone: string | null;
}

export async function insertFiling(
  db: Executor,
  values: FormValues & { roundId: number; organisationId: number; userId: number },
): Promise<Filing> {
  const now = nowIso();
  const { roundId, organisationId, userId, ...form } = values;
  const row = await db
    .insertInto('filings')
    .values({
      ...encryptPhones(form),
      round_id: roundId,
      organisation_id: organisationId,
      status: 'draft',
      first_submitted_at: null,
      submitted_at: null,
      submitted_late: 0,
      return_reason: null,
      reviewed_by: null,
      reviewed_at: null,
      filed_at: null,
      created_by: userId,
      updated_by: userId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return decryptFiling(row);
}

/**
 * Change a form, only when it is still in the status the caller read (so two reviewers or a reviewer and the
 * unit cannot both win): returns false when the status moved meanwhile.
 */
export async function updateFilingRow(
  db: Executor,
  id: number,
  expectedStatus: FilingTable['status'],
  values: Partial<
    FormValues & {
      status: FilingTable['status'];
      first_submitted_at: string | null;
      submitted_at: string | null;
      submitted_late: number;
      return_reason: string | null;
      reviewed_by: number | null;
      reviewed_at: string | null;
      filed_at: string | null;
      updated_by: number | null;
    }
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('filings')
    .set({ ...encryptPhones(values), updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', expectedStatus)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function getFilingById(db: Executor, id: number): Promise<Filing> {
  return decryptFiling(
    await db.selectFrom('filings').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  );
}

export async function insertFilingEvent(
  db: Executor,
  values: { filingId: number; action: string; note: string | null; actorId: number | null },
) {
  return db
    .insertInto('filing_events')
    .values({
      filing_id: values.filingId,
      action: values.action,
      note: values.note,
      actor_id: values.actorId,
      at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function filingEvents(db: Executor, filingId: number) {
  return db
    .selectFrom('filing_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.id', 'e.action', 'e.note', 'e.at', 'u.display_name as actor_name'])
    .where('e.filing_id', '=', filingId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** Change reports of these units: for the board's "changed since filing" and pending counts. */
export async function changeReportsOf(db: Executor, organisationIds: number[]) {
  if (!organisationIds.length) return [];
  return db
    .selectFrom('change_reports')
    .select(['organisation_id', 'reported_at', 'status'])
    .where('organisation_id', 'in', organisationIds)
    .execute();
}
