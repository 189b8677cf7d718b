import { inRegion, type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { ReportRow, ReportTable } from '../../db/schema.js';
import { inForceSql } from '../../year-rules.js';
import { indexReport } from '../search/index.js';

// ---------------------------------------------------------------------------------------------------------
// Deadlines

export async function findRound(db: Executor, regionId: number, year: number) {
  return db
    .selectFrom('report_rounds')
    .selectAll()
    .where('region_id', '=', regionId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function roundsOf(db: Executor, regionIds: number[], year: number) {
  if (!regionIds.length) return [];
  return db
    .selectFrom('report_rounds')
    .selectAll()
    .where('region_id', 'in', regionIds)
    .where('year', '=', year)
    .execute();
}

export async function upsertRound(
  db: Executor,
  values: { regionId: number; year: number; deadline: string; setBy: number },
): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('report_rounds')
    .values({
      region_id: values.regionId,
      year: values.year,
      deadline: values.deadline,
      set_by: values.setBy,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['region_id', 'year']).doUpdateSet({
        deadline: values.deadline,
        set_by: values.setBy,
        updated_at: now,
      }),
    )
    .execute();
}

// ---------------------------------------------------------------------------------------------------------
// Departments a scope may see reports of

/**
 * Departments whose reports of `year` the scope reads: an overseer's region and under; a department itself; a
 * counterpart the departments paired with it in that year. In print order.
 */
export async function reportDepartments(
  db: Executor,
  scope: Scope,
  year: number,
  ids?: number[],
): Promise<{ id: number; name: string; region_id: number; region_path: string }[]> {
  let query = db
    .selectFrom('organisations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.name', 'o.region_id', 'r.path as region_path'])
    .where('o.kind', '=', 'department')
    .where((eb) =>
      scopeWhere(eb, scope, {
        // the departments of the year's pairs: one added by a later year's list owes no report for this one
        region: (regionPath) =>
          eb.and([
            inRegion(eb, { path: 'r.path' }, regionPath),
            eb.exists(
              eb
                .selectFrom('pairings as p')
                .select('p.id')
                .whereRef('p.department_id', '=', 'o.id')
                .where(inForceSql(year, 'p')),
            ),
          ]),
        organisation: (unit) =>
          eb.or([
            eb('o.id', '=', unit.organisationId),
            eb(
              'o.id',
              'in',
              eb
                .selectFrom('pairings as p')
                .select('p.department_id')
                .where('p.counterpart_id', '=', unit.organisationId)
                .where(inForceSql(year, 'p')),
            ),
          ]),
      }),
    );
  if (ids) query = query.where('o.id', 'in', ids.length ? ids : [-1]);
  return query.orderBy('o.sort_order').orderBy('o.id').execute();
}

// ---------------------------------------------------------------------------------------------------------
// Reports

export async function findReport(db: Executor, departmentId: number, year: number) {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function reportsOf(db: Executor, departmentIds: number[], year: number): Promise<ReportRow[]> {
  if (!departmentIds.length) return [];
  const out: ReportRow[] = [];
  for (let i = 0; i < departmentIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('reports')
        .selectAll()
        .where('department_id', 'in', departmentIds.slice(i, i + 500))
        .where('year', '=', year)
        .execute()),
    );
  }
  return out;
}

export async function insertReport(
  db: Executor,
  values: {
    regionId: number;
    departmentId: number;
    year: number;
    sectionsJson: string;
    generatedJson: string;
    userId: number;
  },
): Promise<ReportRow> {
  const now = nowIso();
  const report = await db
    .insertInto('reports')
    .values({
      region_id: values.regionId,
      department_id: values.departmentId,
      year: values.year,
      status: 'draft',
      version: 0,
      sections_json: values.sectionsJson,
      generated_json: values.generatedJson,
      first_submitted_at: null,
      submitted_at: null,
      submitted_late: 0,
      return_comment: null,
      reviewed_by: null,
      reviewed_at: null,
      accepted_at: null,
      created_by: values.userId,
      updated_by: values.userId,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await indexReport(db, report.id);
  return report;
}

/**
 * Change a report only if it is still in the status and version the caller read, so two writers cannot both
 * win: false when it moved meanwhile.
 */
export async function updateReportRow(
  db: Executor,
  id: number,
  expected: { status: ReportTable['status']; version: number },
  values: Partial<
    Pick<
      ReportRow,
      | 'status'
      | 'version'
      | 'sections_json'
      | 'generated_json'
      | 'first_submitted_at'
      | 'submitted_at'
      | 'submitted_late'
      | 'return_comment'
      | 'reviewed_by'
      | 'reviewed_at'
      | 'accepted_at'
      | 'updated_by'
    >
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', expected.status)
    .where('version', '=', expected.version)
    .executeTakeFirst();
  const updated = Number(result.numUpdatedRows) === 1;
  if (updated) await indexReport(db, id);
  return updated;
}

export async function insertVersion(
  db: Executor,
  values: {
    reportId: number;
    version: number;
    action: string;
    status: ReportTable['status'];
    sectionsJson: string;
    generatedJson: string;
    note: string | null;
    actorId: number | null;
  },
): Promise<void> {
  await db
    .insertInto('report_versions')
    .values({
      report_id: values.reportId,
      version: values.version,
      action: values.action,
      status: values.status,
      sections_json: values.sectionsJson,
      generated_json: values.generatedJson,
      note: values.note,
      actor_id: values.actorId,
      at: nowIso(),
    })
    .execute();
}

export async function versionsOf(db: Executor, reportId: number) {
  return db
    .selectFrom('report_versions as v')
    .leftJoin('users as u', 'u.id', 'v.actor_id')
    .selectAll('v')
    .select('u.display_name as actor_name')
    .where('v.report_id', '=', reportId)
    .orderBy('v.version')
    .orderBy('v.id')
    .execute();
}

export async function insertComment(
  db: Executor,
  values: {
    reportId: number;
    organisationId: number;
    authorId: number;
    sectionKey: string | null;
    body: string;
  },
) {
  return db
    .insertInto('report_comments')
    .values({
      report_id: values.reportId,
      organisation_id: values.organisationId,
      author_id: values.authorId,
      section_key: values.sectionKey,
      body: values.body,
      created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function commentsOf(db: Executor, reportId: number) {
  return db
    .selectFrom('report_comments as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select(['o.name as organisation_name', 'u.display_name as author_name'])
    .where('c.report_id', '=', reportId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}
