import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: this file must never import application code.
// Issue 5: 重大事项民主协商 — major matters, their 专题协商座谈会, the opinions and suggestions raised, and the
// reply cycle of each (replies by round, extensions, the counterpart's verdict, the item's timeline).

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const id = (c: any) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();

  await db.schema
    .createTable('consultation_matters')
    .addColumn('id', 'integer', id)
    .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('planned_decision_date', 'text')
    .addColumn('symposium_status', 'text', (c) => c.notNull())
    .addColumn('symposium_at', 'text')
    .addColumn('symposium_place', 'text')
    .addColumn('held_at', 'text')
    .addColumn('attendees', 'text')
    .addColumn('minutes', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'consultation_matters_symposium_status',
      sql`symposium_status in ('none', 'scheduled', 'held')`,
    )
    .execute();
  await db.schema
    .createIndex('consultation_matters_region_year')
    .on('consultation_matters')
    .columns(['region_id', 'year'])
    .execute();
  await db.schema
    .createIndex('consultation_matters_department_year')
    .on('consultation_matters')
    .columns(['department_id', 'year'])
    .execute();

  // The counterparts consulted on a matter: its pairs in force by default (paired = 1), others of the region.
  await db.schema
    .createTable('consultation_matter_counterparts')
    .addColumn('matter_id', 'integer', (c) =>
      c.notNull().references('consultation_matters.id').onDelete('cascade'),
    )
    .addColumn('counterpart_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('paired', 'integer', (c) => c.notNull())
    /** the counterpart's 分管领导 invited to the symposium (from the roster when it was scheduled) */
    .addColumn('invitee', 'text')
    .addColumn('invited_at', 'text')
    .addPrimaryKeyConstraint('consultation_matter_counterparts_pk', ['matter_id', 'counterpart_id'])
    .execute();
  await db.schema
    .createIndex('consultation_matter_counterparts_counterpart')
    .on('consultation_matter_counterparts')
    .columns(['counterpart_id', 'matter_id'])
    .execute();

  // Documents of a matter, in the content-addressed store shared with the ledger.
  await db.schema
    .createTable('consultation_attachments')
    .addColumn('id', 'integer', id)
    .addColumn('matter_id', 'integer', (c) =>
      c.notNull().references('consultation_matters.id').onDelete('cascade'),
    )
    .addColumn('sha256', 'text', (c) => c.notNull().references('attachments.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consultation_attachments_matter')
    .on('consultation_attachments')
    .column('matter_id')
    .execute();
  await db.schema
    .createIndex('consultation_attachments_sha256')
    .on('consultation_attachments')
    .column('sha256')
    .execute();

  // One opinion or suggestion (意见建议) and where its reply cycle stands.
  await db.schema
    .createTable('consultation_items')
    .addColumn('id', 'integer', id)
    .addColumn('matter_id', 'integer', (c) => c.notNull().references('consultation_matters.id'))
    .addColumn('counterpart_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('entered_by_org', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('close_note', 'text')
    .addColumn('closed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'consultation_items_status',
      sql`status in ('awaiting_reply', 'awaiting_verdict', 'rehandling', 'closed')`,
    )
    .addCheckConstraint('consultation_items_source', sql`source in ('symposium', 'written')`)
    .execute();
  await db.schema
    .createIndex('consultation_items_matter')
    .on('consultation_items')
    .column('matter_id')
    .execute();
  await db.schema
    .createIndex('consultation_items_status_due')
    .on('consultation_items')
    .columns(['status', 'due_date'])
    .execute();
  await db.schema
    .createIndex('consultation_items_counterpart')
    .on('consultation_items')
    .column('counterpart_id')
    .execute();

  // The department's reply of each round (1 = first handling, 2… = 二次办理) and the counterpart's verdict on it.
  await db.schema
    .createTable('consultation_replies')
    .addColumn('id', 'integer', id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('consultation_items.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('reply_class', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('analysis', 'text')
    .addColumn('replied_on', 'text', (c) => c.notNull())
    .addColumn('replied_at', 'text', (c) => c.notNull())
    .addColumn('replied_by', 'integer', (c) => c.references('users.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('on_time', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'text')
    .addColumn('verdict_comment', 'text')
    .addColumn('verdict_at', 'text')
    .addColumn('verdict_by', 'integer', (c) => c.references('users.id'))
    .addCheckConstraint(
      'consultation_replies_class',
      sql`reply_class in ('adopted', 'partly_adopted', 'not_adopted', 'for_reference')`,
    )
    .addCheckConstraint(
      'consultation_replies_verdict',
      sql`verdict is null or verdict in ('satisfied', 'basically_satisfied', 'not_satisfied')`,
    )
    .execute();
  await db.schema
    .createIndex('consultation_replies_item_round')
    .on('consultation_replies')
    .columns(['item_id', 'round'])
    .unique()
    .execute();

  await db.schema
    .createTable('consultation_extensions')
    .addColumn('id', 'integer', id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('consultation_items.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('days_requested', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('days_granted', 'integer')
    .addColumn('due_before', 'text', (c) => c.notNull())
    .addColumn('due_after', 'text')
    .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addCheckConstraint(
      'consultation_extensions_status',
      sql`status in ('requested', 'granted', 'refused', 'withdrawn')`,
    )
    .execute();
  // At most one request waiting for 统战部 per item.
  await db.schema
    .createIndex('consultation_extensions_one_pending')
    .on('consultation_extensions')
    .column('item_id')
    .unique()
    .where(sql.ref('status'), '=', sql.lit('requested'))
    .execute();

  // The item's timeline; a reminder's event carries a dedupe key so the sweep records it once.
  await db.schema
    .createTable('consultation_item_events')
    .addColumn('id', 'integer', id)
    .addColumn('item_id', 'integer', (c) => c.notNull().references('consultation_items.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('stage', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('consultation_item_events_item')
    .on('consultation_item_events')
    .columns(['item_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'consultation_item_events',
    'consultation_extensions',
    'consultation_replies',
    'consultation_items',
    'consultation_attachments',
    'consultation_matter_counterparts',
    'consultation_matters',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
