import type { Kysely } from 'kysely';
import type { ErrorCode } from '../../../common/errors.js';
import type { ActivationCheckResponse } from '../../../common/schemas/activation.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { appendAudit, appendAuditAlone } from '../audit/index.js';
import {
  deleteUserSessions,
  hashPassword,
  passwordProblems,
  passwordRules,
  storePassword,
} from '../auth/index.js';
import { currentSecurityPolicy, type PolicyDefaults } from '../settings/index.js';
import { type CodeRow, consumeCode, findCode } from './activation.codes.js';

interface Caller {
  ip: string | null;
}

/**
 * The code's account, or the refusal: unknown → ACTIVATION_CODE_INVALID, used → ACTIVATION_CODE_USED,
 * expired or replaced by a newer one → ACTIVATION_CODE_EXPIRED. Every refusal is audited (never the code).
 */
async function usableCode(
  db: Kysely<Database>,
  code: string,
  caller: Caller,
  action: 'account.code.check' | 'account.activate',
): Promise<CodeRow> {
  const row = await findCode(db, code);
  let refusal: ErrorCode | null = null;
  if (!row || row.disabled === 1) refusal = 'ACTIVATION_CODE_INVALID';
  else if (row.used_at) refusal = 'ACTIVATION_CODE_USED';
  else if (row.revoked_at || Date.parse(row.expires_at) <= Date.now()) refusal = 'ACTIVATION_CODE_EXPIRED';
  if (refusal || !row) {
    await appendAuditAlone(
      db,
      { actor: null, ip: caller.ip },
      {
        action,
        entityType: 'user',
        entityId: row?.user_id ?? null,
        regionId: row?.region_id ?? null,
        outcome: 'failed',
        detail: refusal ?? 'ACTIVATION_CODE_INVALID',
      },
    );
    throw new AppError(refusal ?? 'ACTIVATION_CODE_INVALID');
  }
  return row;
}

/** Which account a code opens (the activation page shows it before the holder chooses a password). */
export async function checkCode(
  db: Kysely<Database>,
  code: string,
  caller: Caller,
): Promise<ActivationCheckResponse> {
  const row = await usableCode(db, code, caller, 'account.code.check');
  return {
    username: row.username,
    displayName: row.display_name,
    organisation: row.organisation_name,
    purpose: row.purpose,
    expiresAt: row.expires_at,
  };
}

/**
 * The holder redeems the code with a password of their own (the security admin's rules apply): the code is
 * used up, the account is active, every other open code and every session of the account end.
 */
export async function redeemCode(
  db: Kysely<Database>,
  defaults: PolicyDefaults,
  input: { code: string; newPassword: string },
  caller: Caller,
): Promise<{ username: string }> {
  const row = await usableCode(db, input.code, caller, 'account.activate');
  const policy = await currentSecurityPolicy(db, defaults);
  const problems = passwordProblems(input.newPassword, row.username, passwordRules(policy));
  if (problems.length) throw new AppError('WEAK_PASSWORD', { detail: problems.join(', ') });
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    if (!(await consumeCode(trx, row.id, at))) throw new AppError('ACTIVATION_CODE_USED');
    await storePassword(trx, row.user_id, hash, false, { failed_logins: 0, locked_until: null });
    await trx.updateTable('users').set({ activation_pending: 0 }).where('id', '=', row.user_id).execute();
    await trx
      .updateTable('activation_codes')
      .set({ revoked_at: at })
      .where('user_id', '=', row.user_id)
      .where('used_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await deleteUserSessions(trx, row.user_id);
    await appendAudit(
      trx,
      { actor: { userId: row.user_id, username: row.username }, ip: caller.ip },
      {
        action: 'account.activate',
        entityType: 'user',
        entityId: row.user_id,
        regionId: row.region_id,
        detail: row.purpose,
      },
    );
  });
  return { username: row.username };
}
