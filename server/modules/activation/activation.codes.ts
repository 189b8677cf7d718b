// One-time activation / reset codes: random, kept only as a digest (the crypto mode's token digest: SHA-256, or
// `sm3:` in gm mode), expiring, single-use. Redeeming one sets the holder's own password, so nobody but the
// holder ever knows it — not 统战部, not an administrator.
import { randomInt } from 'node:crypto';
import type { CodePurpose } from '../../../common/schemas/activation.js';
import type { Executor } from '../../context.js';
import { tokenDigest, tokenDigests } from '../../crypto/tokens.js';
import { nowIso } from '../../db/dialect.js';
import { type AuditSource, appendAudit } from '../audit/index.js';
import { deleteUserSessions, generatePassword, hashPassword, storePassword } from '../auth/index.js';

/** 32 characters without look-alikes (no 0/O, 1/I/L): 12 of them are 60 bits. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const LENGTH = 12;

export type { CodePurpose };
/** How the code reaches its holder: by e-mail, shown once to 统战部 (screen or 开通通知单), the CLI, first-run setup */
export type CodeDelivery = 'email' | 'shown' | 'cli' | 'setup';

/** XXXX-XXXX-XXXX */
export function newCode(): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return raw.replace(/(.{4})(?=.)/g, '$1-');
}

/** What a person types, however spaced or cased, to the canonical form. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const codeToken = (code: string): string => `liaison-activation:${normaliseCode(code)}`;

/** The digest a new code is stored under, in this crypto mode. */
export const hashCode = (code: string): string => tokenDigest(codeToken(code));

export interface IssuedCode {
  code: string;
  expiresAt: string;
}

/**
 * Issue a code for an account inside the caller's transaction: any earlier open code of the account is
 * revoked (only the newest works), and the entry names who issued it and how it is delivered — never the code.
 */
export async function issueCode(
  trx: Executor,
  source: AuditSource,
  input: {
    userId: number;
    regionId: number | null;
    purpose: CodePurpose;
    delivery: CodeDelivery;
    ttlHours: number;
    now?: Date;
  },
): Promise<IssuedCode> {
  const now = input.now ?? new Date();
  const code = newCode();
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3600_000).toISOString();
  await trx
    .updateTable('activation_codes')
    .set({ revoked_at: now.toISOString() })
    .where('user_id', '=', input.userId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  const row = await trx
    .insertInto('activation_codes')
    .values({
      user_id: input.userId,
      code_hash: hashCode(code),
      purpose: input.purpose,
      delivery: input.delivery,
      issued_by: source.actor?.userId ?? null,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendAudit(trx, source, {
    action: 'account.code.issue',
    entityType: 'user',
    entityId: input.userId,
    regionId: input.regionId,
    after: { purpose: input.purpose, delivery: input.delivery, expiresAt, codeId: row.id },
  });
  return { code, expiresAt };
}

/**
 * Put an account in the "awaiting its holder" state: a random password nobody is told, every session ended,
 * the second factor kept. The caller issues (or asks 统战部 to issue) the code.
 */
export async function makePending(trx: Executor, userId: number): Promise<void> {
  await storePassword(trx, userId, await hashPassword(generatePassword(24)), false, {
    failed_logins: 0,
    locked_until: null,
  });
  await trx
    .updateTable('users')
    .set({ activation_pending: 1, updated_at: nowIso() })
    .where('id', '=', userId)
    .execute();
  await deleteUserSessions(trx, userId);
}

export interface CodeRow {
  id: number;
  user_id: number;
  purpose: CodePurpose;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
  username: string;
  display_name: string;
  disabled: number;
  organisation_name: string;
  region_id: number;
}

/** The code's row, under every digest it may be stored under: one issued before a crypto-mode switch redeems. */
export async function findCode(db: Executor, code: string): Promise<CodeRow | undefined> {
  return db
    .selectFrom('activation_codes as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'c.id',
      'c.user_id',
      'c.purpose',
      'c.expires_at',
      'c.used_at',
      'c.revoked_at',
      'u.username',
      'u.display_name',
      'u.disabled',
      'o.name as organisation_name',
      'o.region_id',
    ])
    .where('c.code_hash', 'in', tokenDigests(codeToken(code)))
    .executeTakeFirst();
}

/** Mark a code used, once: false when another request used (or revoked) it first. */
export async function consumeCode(trx: Executor, id: number, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('activation_codes')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
