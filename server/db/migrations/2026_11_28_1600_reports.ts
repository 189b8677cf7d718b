import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// The annual report (附件3) and its review, mutual evaluations of a pair's year, and the generic job table.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: any) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  // The deadline 统战部 sets for a region's reports of a year; without a row it is 1月31日 of the next year.
  await db.schema
    .createTable('report_rounds')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('set_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_rounds_region_year')
    .on('report_rounds')
    .columns(['region_id', 'year'])
    .unique()
    .execute();

  // One report per department and year; no row = not started.
  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    /** { [sectionKey]: text | null } — null: the generated text */
    .addColumn('sections_json', 'text', (c) => c.notNull())
    /** the generated text of each section when last saved, to show what the department changed */
    .addColumn('generated_json', 'text', (c) => c.notNull())
    .addColumn('first_submitted_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('return_comment', 'text')
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reports_department_year')
    .on('reports')
    .columns(['department_id', 'year'])
    .unique()
    .execute();
  await db.schema.createIndex('reports_region_year').on('reports').columns(['region_id', 'year']).execute();

  // Every saved, submitted, returned or accepted state of a report, as it stood.
  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'integer', id)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('generated_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_versions_report')
    .on('report_versions')
    .columns(['report_id', 'version'])
    .execute();

  // Comments on a department's report by its counterparts, 统战部 or the department itself.
  await db.schema
    .createTable('report_comments')
    .addColumn('id', 'integer', id)
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('author_id', 'integer', (c) => c.references('users.id'))
    .addColumn('section_key', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_comments_report').on('report_comments').column('report_id').execute();

  // Each side of a pair rates the other's liaison work of a year (1–5) — once per side, editable.
  await db.schema
    .createTable('pair_evaluations')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('department_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('counterpart_id', 'integer', (c) => c.notNull().references('organisations.id'))
    /** 'department' (the department rates the counterpart) | 'counterpart' */
    .addColumn('rater_side', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('rated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('pair_evaluations_score', sql`score between 1 and 5`)
    .execute();
  await db.schema
    .createIndex('pair_evaluations_pair_side')
    .on('pair_evaluations')
    .columns(['year', 'department_id', 'counterpart_id', 'rater_side'])
    .unique()
    .execute();

  // Long documents built in the background; the row is the state the UI polls, the result its bytes.
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message', 'text')
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('result', pg ? 'bytea' : 'blob')
    .addColumn('result_name', 'text')
    .addColumn('result_type', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    /** touched at every step: a running job whose heartbeat is old belongs to a dead process */
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_created_by').on('jobs').columns(['created_by', 'created_at']).execute();
  await db.schema.createIndex('jobs_status').on('jobs').column('status').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'jobs',
    'pair_evaluations',
    'report_comments',
    'report_versions',
    'reports',
    'report_rounds',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
