// Getting a code to its holder. E-mail when the account has an address and SMTP is configured; otherwise the
// code is shown once to whoever may hand it over (统战部), or — when the caller may not see it (a system admin's
// reset) — 统战部 is told the account waits for a code and issues one itself.
import type { Kysely } from 'kysely';
import type { IssuedCodeDto } from '../../../common/schemas/activation.js';
import type { Config } from '../../config.js';
import type { Executor } from '../../context.js';
import type { Database } from '../../db/schema.js';
import { type AuditSource, appendAuditAlone } from '../audit/index.js';
import { insertNotifications, notificationText, reviewersOfRegion } from '../notifications/index.js';
import { type CodePurpose, issueCode } from './activation.codes.js';
import { type CodeMailConfig, sendCodeMail } from './activation.mail.js';

export type DeliveryConfig = CodeMailConfig & Pick<Config, 'LIAISON_ACTIVATION_HOURS'>;

/** 'show': the caller (统战部, setup, CLI) receives the code; 'keeper': the caller must not, 统战部 issues one. */
export type Fallback = 'show' | 'keeper';

export interface CodeTarget {
  userId: number;
  username: string;
  displayName: string;
  email: string | null;
  organisationId: number;
  organisationName: string;
  regionId: number;
  regionPath: string;
}

export async function codeTarget(db: Executor, userId: number): Promise<CodeTarget> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.email',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'r.id as region_id',
      'r.path as region_path',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    regionId: row.region_id,
    regionPath: row.region_path,
  };
}

export interface PlannedDelivery {
  target: CodeTarget;
  purpose: CodePurpose;
  fallback: Fallback;
  kind: 'email' | 'shown' | 'keeper';
  code: string | null;
  expiresAt: string | null;
}

/** Tell the holder's 统战部 that the account waits for a code (in the caller's transaction). */
async function notifyKeepers(trx: Executor, target: CodeTarget, purpose: CodePurpose): Promise<void> {
  const keepers = await reviewersOfRegion(trx, target.regionPath);
  const text = notificationText('accountPending', {
    organisation: target.organisationName,
    displayName: target.displayName,
    username: target.username,
  });
  await insertNotifications(
    trx,
    keepers.map((userId) => ({
      userId,
      ...text,
      link: '/accounts',
      dedupeKey: `account-pending:${target.userId}:${purpose}:${Date.now()}`,
    })),
  );
}

/** Issue the code (or notify the keepers) inside the caller's transaction; send it with `completeDelivery`. */
export async function planDelivery(
  trx: Executor,
  source: AuditSource,
  cfg: DeliveryConfig,
  target: CodeTarget,
  purpose: CodePurpose,
  fallback: Fallback,
): Promise<PlannedDelivery> {
  const byMail = Boolean(target.email && cfg.LIAISON_SMTP_URL);
  if (!byMail && fallback === 'keeper') {
    await notifyKeepers(trx, target, purpose);
    return { target, purpose, fallback, kind: 'keeper', code: null, expiresAt: null };
  }
  const issued = await issueCode(trx, source, {
    userId: target.userId,
    regionId: target.regionId,
    purpose,
    delivery: byMail ? 'email' : source.actor ? 'shown' : 'cli',
    ttlHours: cfg.LIAISON_ACTIVATION_HOURS,
  });
  return { target, purpose, fallback, kind: byMail ? 'email' : 'shown', ...issued };
}

/**
 * After the transaction committed: send the e-mail. When sending fails the code is shown to the caller
 * ('show'), or revoked and 统战部 told ('keeper'); either way the failure is audited.
 */
export async function completeDelivery(
  db: Kysely<Database>,
  source: AuditSource,
  cfg: DeliveryConfig,
  planned: PlannedDelivery,
): Promise<PlannedDelivery> {
  if (planned.kind !== 'email' || !planned.code || !planned.expiresAt || !planned.target.email)
    return planned;
  const sent = await sendCodeMail(cfg, {
    to: planned.target.email,
    username: planned.target.username,
    displayName: planned.target.displayName,
    organisationName: planned.target.organisationName,
    code: planned.code,
    expiresAt: planned.expiresAt,
    purpose: planned.purpose,
  });
  if (sent) return planned;
  await appendAuditAlone(db, source, {
    action: 'account.code.email',
    entityType: 'user',
    entityId: planned.target.userId,
    regionId: planned.target.regionId,
    outcome: 'failed',
    detail: 'the mail server did not accept the message',
  });
  if (planned.fallback === 'show') return { ...planned, kind: 'shown' };
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('activation_codes')
      .set({ revoked_at: new Date().toISOString() })
      .where('user_id', '=', planned.target.userId)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await notifyKeepers(trx, planned.target, planned.purpose);
  });
  return { ...planned, kind: 'keeper', code: null, expiresAt: null };
}

/** The API shape; the code only when it was shown (never when e-mailed or left to 统战部). */
export function presentIssued(d: PlannedDelivery): IssuedCodeDto {
  return {
    userId: d.target.userId,
    username: d.target.username,
    displayName: d.target.displayName,
    organisation: { id: d.target.organisationId, name: d.target.organisationName },
    delivery: d.kind === 'email' ? 'email' : 'shown',
    code: d.kind === 'shown' ? d.code : null,
    expiresAt: d.expiresAt ?? '',
  };
}
