// Backdating: the stamps a service call wrote moved to the moment the demo's action is meant to have happened.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

// The services stamp "now" on what they record — a reply's date, a form's submission, a verdict, the rows they
// insert — because in real use the action happens when it is entered. The demo year is entered today but tells
// a story over the year, and on-time and late figures, due states and dashboards read these stamps. So after
// each service call the stamps it wrote (every stamped column of the tables it touches whose value is not older
// than the call) are moved to the moment the action is meant to have happened. Columns that come from the input
// (startsAt, receivedOn, heldAt, decidedAt) are set by the services themselves. The audit trail is never touched:
// its entries record when the data was entered, and its hash chain proves it.

export const STAMPED = {
  responsible_persons: ['created_at'],
  change_reports: ['reported_at', 'acknowledged_at'],
  filing_rounds: ['created_at', 'updated_at', 'closed_at'],
  filings: ['created_at', 'updated_at', 'first_submitted_at', 'submitted_at', 'reviewed_at', 'filed_at'],
  filing_events: ['at'],
  plans: ['created_at', 'updated_at'],
  plan_items: ['created_at', 'updated_at'],
  ledger_records: ['created_at', 'updated_at'],
  ledger_responses: ['replied_at', 'received_at', 'read_at'],
  consultation_matters: ['created_at', 'updated_at', 'decided_at'],
  consultation_matter_counterparts: ['invited_at'],
  consultation_items: ['created_at', 'updated_at', 'closed_at'],
  consultation_replies: ['replied_at', 'verdict_at'],
  consultation_extensions: ['requested_at', 'decided_at'],
  consultation_item_events: ['at'],
  notifications: ['created_at'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;
export type StampedTable = keyof typeof STAMPED;

const GROUPS = {
  roster: ['responsible_persons', 'change_reports', 'notifications'],
  filings: ['filing_rounds', 'filings', 'filing_events', 'responsible_persons', 'notifications'],
  ledger: ['ledger_records', 'ledger_responses', 'notifications'],
  plans: ['plans', 'plan_items'],
  consultations: [
    'consultation_matters',
    'consultation_matter_counterparts',
    'consultation_items',
    'consultation_replies',
    'consultation_extensions',
    'consultation_item_events',
    'notifications',
  ],
} as const satisfies Record<string, readonly StampedTable[]>;
export type Group = keyof typeof GROUPS;

/** ledger_records.details_json keeps stamps of its own (minutes held, topic taken up, results adopted). */
const DETAIL_STAMPS = ['heldAt', 'takenUpAt', 'adoptedAt'] as const;

/**
 * Move the stamps a service call wrote (values ≥ `since`, the instant before the call) in the tables of `group`
 * to `at`. Never the audit trail.
 */
export async function backdate(db: Kysely<Database>, group: Group, since: string, at: string): Promise<void> {
  const stamp = at < since ? at : since;
  await db.transaction().execute(async (trx) => {
    if (group === 'ledger') await backdateDetails(trx, since, stamp);
    for (const table of GROUPS[group] as readonly StampedTable[]) {
      const columns: readonly string[] = STAMPED[table];
      const sets = columns.map(
        (c) => sql`${sql.ref(c)} = case when ${sql.ref(c)} >= ${since} then ${stamp} else ${sql.ref(c)} end`,
      );
      const touched = columns.map((c) => sql`${sql.ref(c)} >= ${since}`);
      await sql`update ${sql.table(table)} set ${sql.join(sets)} where ${sql.join(touched, sql` or `)}`.execute(
        trx,
      );
    }
  });
}

async function backdateDetails(trx: Transaction<Database>, since: string, at: string): Promise<void> {
  const rows = await trx
    .selectFrom('ledger_records')
    .select(['id', 'details_json'])
    .where('updated_at', '>=', since)
    .execute();
  for (const row of rows) {
    const details = JSON.parse(row.details_json) as Record<string, unknown>;
    let changed = false;
    for (const key of DETAIL_STAMPS) {
      const v = details[key];
      if (typeof v === 'string' && v >= since) {
        details[key] = at;
        changed = true;
      }
    }
    if (changed) {
      await trx
        .updateTable('ledger_records')
        .set({ details_json: JSON.stringify(details) })
        .where('id', '=', row.id)
        .execute();
    }
  }
}
