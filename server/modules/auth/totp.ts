import { Secret, TOTP } from 'otpauth';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { decryptField, encryptField } from '../../db/field-crypto.js';

/** RFC 6238 as every authenticator app reads it: SHA-1, 6 digits, 30 s. */
const PERIOD = 30;
const ISSUER = '对口联系';

function totpOf(secretBase32: string, username: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new random 160-bit secret (base32) and the otpauth:// URI an authenticator app scans. */
export function newTotpSecret(username: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpOf(secret, username).toString() };
}

/** The current code of a secret (tests and the CLI use it; the server only checks codes). */
export function totpCode(secretBase32: string, timestamp = Date.now()): string {
  return totpOf(secretBase32, 'x').generate({ timestamp });
}

/**
 * The time step a code belongs to (±1 step of clock drift), or null when it is wrong or not newer than
 * `lastStep` — a code that was accepted once is never accepted again.
 */
export function acceptedStep(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  timestamp = Date.now(),
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32, 'x').validate({ token: code, timestamp, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(timestamp / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

export interface TotpState {
  secret: string;
  enabled: boolean;
  lastStep: number | null;
}

export async function findTotp(db: Executor, userId: number): Promise<TotpState | null> {
  const row = await db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return null;
  return {
    secret: decryptField(row.secret),
    enabled: row.enabled_at !== null,
    lastStep: row.last_step === null ? null : Number(row.last_step),
  };
}

/** Start (or restart) enrolment: a pending secret replaces any earlier pending one. */
export async function savePendingTotp(db: Executor, userId: number, secret: string): Promise<void> {
  const values = { secret: encryptField(secret), enabled_at: null, last_step: null, created_at: nowIso() };
  await db
    .insertInto('user_totp')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export async function enableTotp(db: Executor, userId: number, step: number): Promise<void> {
  await db
    .updateTable('user_totp')
    .set({ enabled_at: nowIso(), last_step: step })
    .where('user_id', '=', userId)
    .execute();
}

/**
 * Record a used step, only if it is newer than the one stored (two concurrent sign-ins with the same code:
 * one wins). Returns whether this call recorded it.
 */
export async function consumeTotpStep(db: Executor, userId: number, step: number): Promise<boolean> {
  const result = await db
    .updateTable('user_totp')
    .set({ last_step: step })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function removeTotp(db: Executor, userId: number): Promise<boolean> {
  const result = await db.deleteFrom('user_totp').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
