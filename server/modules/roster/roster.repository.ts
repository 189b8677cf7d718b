import type { OrganisationKind } from '../../../common/organisations.js';
import type { PersonRole } from '../../../common/schemas/roster.js';
import { type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { decryptColumns, encryptField } from '../../db/field-crypto.js';
import type { ChangeReportTable } from '../../db/schema.js';
import { inForceSql } from '../../year-rules.js';
import { indexPerson } from '../search/index.js';

// Phone numbers are stored encrypted when LIAISON_DATA_KEY is set (数据保密性): written through encryptField,
// every row read through these functions comes back decrypted. Nothing outside this file and
// filings.repository.ts reads or writes the phone columns.
export const PERSON_PHONE_COLUMNS = ['office_phone', 'mobile'] as const;
export const FILING_PHONE_COLUMNS = ['leader_phone', 'liaison_phone'] as const;
const decryptPerson = <T extends { office_phone: string | null; mobile: string | null }>(row: T): T =>
  decryptColumns(row, PERSON_PHONE_COLUMNS);

/** The kinds of organisation that keep a roster and file 附件2. */
export const UNIT_KINDS = ['department', 'counterpart'] as const;

function selectUnits(db: Executor) {
  return db
    .selectFrom('organisations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.region_id', 'o.sort_order', 'o.active', 'r.path as region_path'])
    .where('o.kind', 'in', [...UNIT_KINDS]);
}

export type UnitRow = Awaited<ReturnType<ReturnType<typeof selectUnits>['executeTakeFirstOrThrow']>>;

export interface UnitFilter {
  scope: Scope;
  kind?: OrganisationKind;
  ids?: number[];
  /** exactly this region (a round's units), not the ones under it */
  regionId?: number;
  activeOnly?: boolean;
  /** only units of a pair in force in this year */
  inForceYear?: number;
}

/** Departments and counterparts the scope may see, in print order. */
export async function listUnits(db: Executor, f: UnitFilter): Promise<UnitRow[]> {
  let query = selectUnits(db).where((eb) =>
    scopeWhere(eb, f.scope, { region: { path: 'r.path' }, organisation: 'o.id' }),
  );
  if (f.kind) query = query.where('o.kind', '=', f.kind);
  if (f.ids) query = query.where('o.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.regionId !== undefined) query = query.where('o.region_id', '=', f.regionId);
  if (f.activeOnly) query = query.where('o.active', '=', 1);
  if (f.inForceYear !== undefined) {
    // a unit of a pair in force in the year (one added by a later year's list is not part of this one)
    const year = f.inForceYear;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('pairings as p')
          .select('p.id')
          .where((w) =>
            w.or([w('p.department_id', '=', w.ref('o.id')), w('p.counterpart_id', '=', w.ref('o.id'))]),
          )
          .where(inForceSql(year, 'p')),
      ),
    );
  }
  return query.orderBy('o.kind').orderBy('o.sort_order').orderBy('o.id').execute();
}

function selectPersons(db: Executor) {
  return db
    .selectFrom('responsible_persons as p')
    .leftJoin('users as u', 'u.id', 'p.created_by')
    .selectAll('p')
    .select('u.display_name as created_by_name');
}

export type PersonRow = Awaited<ReturnType<ReturnType<typeof selectPersons>['executeTakeFirstOrThrow']>>;

/** The versions in force on `date` (served_from ≤ date ≤ served_to), for these units. */
export async function personsInForce(db: Executor, organisationIds: number[], date: string) {
  if (!organisationIds.length) return [];
  const rows = await selectPersons(db)
    .where('p.organisation_id', 'in', organisationIds)
    .where('p.served_from', '<=', date)
    .where((eb) => eb.or([eb('p.served_to', 'is', null), eb('p.served_to', '>=', date)]))
    .orderBy('p.id')
    .execute();
  return rows.map(decryptPerson);
}

/** Every version of a unit's persons, newest first. */
export async function personHistory(db: Executor, organisationIds: number[]): Promise<PersonRow[]> {
  if (!organisationIds.length) return [];
  const rows = await selectPersons(db)
    .where('p.organisation_id', 'in', organisationIds)
    .orderBy('p.served_from', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
  return rows.map(decryptPerson);
}

/** The open-ended (current) version of a role, if any. */
export async function currentPerson(db: Executor, organisationId: number, role: PersonRole) {
  const row = await db
    .selectFrom('responsible_persons')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .where('served_to', 'is', null)
    .executeTakeFirst();
  return row && decryptPerson(row);
}

export async function closePerson(db: Executor, id: number, servedTo: string): Promise<void> {
  await db.updateTable('responsible_persons').set({ served_to: servedTo }).where('id', '=', id).execute();
  await indexPerson(db, id);
}

/** One version of a unit's 责任人 as it is written: the roster or a filed 附件2 is its source. */
export interface PersonVersionInput {
  organisationId: number;
  role: PersonRole;
  name: string;
  position: string;
  officePhone: string | null;
  mobile: string | null;
  servedFrom: string;
  source: 'roster' | 'filing';
  filingId: number | null;
}

export async function insertPerson(db: Executor, values: PersonVersionInput & { createdBy: number | null }) {
  const person = await db
    .insertInto('responsible_persons')
    .values({
      organisation_id: values.organisationId,
      role: values.role,
      name: values.name,
      position: values.position,
      office_phone: encryptField(values.officePhone),
      mobile: encryptField(values.mobile),
      served_from: values.servedFrom,
      served_to: null,
      source: values.source,
      filing_id: values.filingId,
      created_by: values.createdBy,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await indexPerson(db, person.id);
  return decryptPerson(person);
}

export async function insertChangeReport(
  db: Executor,
  values: {
    organisationId: number;
    role: PersonRole;
    previousPersonId: number | null;
    nextPersonId: number;
    effectiveDate: string;
    reason: string;
    reportedBy: number | null;
  },
) {
  return db
    .insertInto('change_reports')
    .values({
      organisation_id: values.organisationId,
      role: values.role,
      previous_person_id: values.previousPersonId,
      next_person_id: values.nextPersonId,
      effective_date: values.effectiveDate,
      reason: values.reason,
      status: 'reported',
      reported_by: values.reportedBy,
      reported_at: nowIso(),
      acknowledged_by: null,
      acknowledged_at: null,
      acknowledge_note: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

function selectChangeReports(db: Executor) {
  return db
    .selectFrom('change_reports as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .innerJoin('responsible_persons as np', 'np.id', 'c.next_person_id')
    .leftJoin('responsible_persons as pp', 'pp.id', 'c.previous_person_id')
    .leftJoin('users as ru', 'ru.id', 'c.reported_by')
    .leftJoin('users as au', 'au.id', 'c.acknowledged_by')
    .selectAll('c')
    .select([
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'o.region_id',
      'r.path as region_path',
      'np.name as next_name',
      'np.position as next_position',
      'pp.name as previous_name',
      'pp.position as previous_position',
      'ru.display_name as reported_by_name',
      'au.display_name as acknowledged_by_name',
    ]);
}

export type ChangeReportRow = Awaited<
  ReturnType<ReturnType<typeof selectChangeReports>['executeTakeFirstOrThrow']>
>;

export async function listChangeReports(
  db: Executor,
  f: { scope: Scope; status?: ChangeReportTable['status']; organisationIds?: number[]; ids?: number[] },
): Promise<ChangeReportRow[]> {
  let query = selectChangeReports(db).where((eb) =>
    scopeWhere(eb, f.scope, { region: { path: 'r.path' }, organisation: 'c.organisation_id' }),
  );
  if (f.status) query = query.where('c.status', '=', f.status);
  if (f.organisationIds)
    query = query.where('c.organisation_id', 'in', f.organisationIds.length ? f.organisationIds : [-1]);
  if (f.ids) query = query.where('c.id', 'in', f.ids.length ? f.ids : [-1]);
  return query.orderBy('c.reported_at', 'desc').orderBy('c.id', 'desc').execute();
}

export async function acknowledgeChangeReportRow(
  db: Executor,
  id: number,
  values: { by: number; note: string | null },
): Promise<number> {
  const result = await db
    .updateTable('change_reports')
    .set({
      status: 'acknowledged',
      acknowledged_by: values.by,
      acknowledged_at: nowIso(),
      acknowledge_note: values.note,
    })
    .where('id', '=', id)
    .where('status', '=', 'reported')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Whether the unit has a 附件2 on file with 统战部 (in any round): from then on, changes are reported. */
export async function hasFiled(db: Executor, organisationId: number): Promise<boolean> {
  const row = await db
    .selectFrom('filings')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'filed')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The filed forms of a unit with their round's year, newest filing first. */
export async function filedFormsOf(db: Executor, organisationId: number) {
  const rows = await db
    .selectFrom('filings as f')
    .innerJoin('filing_rounds as fr', 'fr.id', 'f.round_id')
    .selectAll('f')
    .select('fr.year')
    .where('f.organisation_id', '=', organisationId)
    .where('f.status', '=', 'filed')
    .orderBy('f.filed_at', 'desc')
    .orderBy('f.id', 'desc')
    .execute();
  return rows.map((r) => decryptColumns(r, FILING_PHONE_COLUMNS));
}
