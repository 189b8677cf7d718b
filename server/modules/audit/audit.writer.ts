import { type Kysely, sql } from 'kysely';
import type { AuditAction } from '../../../common/audit-actions.js';
import type { AuditOutcome } from '../../../common/schemas/audit.js';
import type { Actor, Executor } from '../../context.js';
import { isPostgres, nowIso } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { type ChainedFields, chainHash, GENESIS_HASH } from './audit.chain.js';
import { auditShape } from './audit.redact.js';

export type { AuditOutcome };

export interface AuditEvent {
  /** one of common/audit-actions.ts, each with its label on the audit page */
  action: AuditAction;
  entityType: string;
  entityId?: string | number | null;
  outcome?: AuditOutcome;
  regionId?: number | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
}

export interface AuditSource {
  actor: (Pick<Actor, 'userId' | 'username'> & { regionId?: number | null }) | null;
  ip: string | null;
}

// A fixed key for pg_advisory_xact_lock: entries are chained, so appends are serialised.
const AUDIT_CHAIN_LOCK = 0x6c696169; // 'liai'

/**
 * Append one audit entry. Call it with the transaction that makes the change, so the entry and the
 * change commit or roll back together.
 */
export async function appendAudit(db: Executor, source: AuditSource, event: AuditEvent): Promise<void> {
  if (isPostgres(db)) await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(db);
  const last = await db
    .selectFrom('audit_log')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const fields: ChainedFields = {
    at: nowIso(),
    actor_id: source.actor?.userId ?? null,
    actor_username: source.actor?.username ?? null,
    ip: source.ip,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId == null ? null : String(event.entityId),
    outcome: event.outcome ?? 'ok',
    region_id: event.regionId ?? source.actor?.regionId ?? null,
    // which fields changed, not the business content (audit.redact.ts)
    before_json:
      event.before === undefined ? null : JSON.stringify(auditShape(event.entityType, event.before)),
    after_json: event.after === undefined ? null : JSON.stringify(auditShape(event.entityType, event.after)),
    detail: event.detail ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prevHash, hash: chainHash(prevHash, fields) })
    .execute();
}

/**
 * For events that are not part of a data change (a refused request, a failed login): its own
 * transaction, so the chain lock is still taken on PostgreSQL.
 */
export async function appendAuditAlone(
  db: Kysely<Database>,
  source: AuditSource,
  event: AuditEvent,
): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, source, event));
}

/**
 * An export on the audit trail (等保 安全审计): `document.export` naming the document and what it held (year,
 * filter, phones in full or masked). Every route marked `export: true` writes one; `web-security.test.ts`
 * checks them all.
 */
export async function appendExportAudit(
  ctx: { db: Kysely<Database> } & AuditSource,
  document: string,
  detail: string | null,
): Promise<void> {
  await appendAuditAlone(ctx.db, ctx, {
    action: 'document.export',
    entityType: 'document',
    entityId: document,
    detail,
  });
}
