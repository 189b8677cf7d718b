import type { Kysely } from 'kysely';
import { ROLE_PERMISSIONS } from '../../../common/roles.js';
import type { SessionResponse, TotpSetupResponse } from '../../../common/schemas/auth.js';
import type { SecurityPolicy } from '../../../common/security-policy.js';
import { isAdminRole } from '../../access/rules.js';
import type { Actor, Executor, RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { Database, User } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { appendAudit, appendAuditAlone } from '../audit/index.js';
import { currentSecurityPolicy, type PolicyDefaults } from '../settings/index.js';
import { loadActor } from './actor.repository.js';
import {
  dummyPasswordHash,
  hashPassword,
  passwordNeedsRehash,
  passwordProblems,
  passwordRules,
  verifyPassword,
} from './password.js';
import { recordPasswordHash, usedRecently } from './password-history.js';
import { createSession, deleteSession, deleteUserSessions } from './session.repository.js';
import {
  acceptedStep,
  consumeTotpStep,
  enableTotp,
  findTotp,
  newTotpSecret,
  savePendingTotp,
} from './totp.js';

/** What the session knows about the account's second factor. */
export interface SecondFactorState {
  totpEnabled: boolean;
  mustEnrolTotp: boolean;
}

/** An admin (三员) without TOTP while the policy requires it may only enrol. */
export function secondFactorState(
  actor: Pick<Actor, 'role'> & { totpEnabled: boolean },
  policy: Pick<SecurityPolicy, 'totpRequiredForAdmins'>,
): SecondFactorState {
  return {
    totpEnabled: actor.totpEnabled,
    mustEnrolTotp: policy.totpRequiredForAdmins && isAdminRole(actor.role) && !actor.totpEnabled,
  };
}

export function presentSession(actor: Actor, csrfToken: string, factor: SecondFactorState): SessionResponse {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      role: actor.role,
      organisation: { id: actor.organisationId, name: actor.organisationName, kind: actor.organisationKind },
      region: { id: actor.regionId, path: actor.regionPath },
      permissions: [...ROLE_PERMISSIONS[actor.role]],
      mustChangePassword: actor.mustChangePassword,
      totpEnabled: factor.totpEnabled,
      mustEnrolTotp: factor.mustEnrolTotp,
    },
    csrfToken,
  };
}

interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
  ip: string | null;
  userAgent: string | null;
}

/** A failed attempt: counted toward the lockout (when the account exists) and audited. */
async function recordFailure(
  db: Kysely<Database>,
  policy: SecurityPolicy,
  user: User | undefined,
  input: LoginInput,
  reason: string,
  count: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (user && count) {
      // read again inside the transaction: concurrent failures each count
      const fresh = await trx
        .selectFrom('users')
        .select(['failed_logins', 'locked_until'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
      const failures = fresh.failed_logins + 1;
      const lock = failures >= policy.lockoutThreshold;
      await trx
        .updateTable('users')
        .set({
          failed_logins: lock ? 0 : failures,
          locked_until: lock
            ? new Date(Date.now() + policy.lockoutMinutes * 60_000).toISOString()
            : fresh.locked_until,
        })
        .where('id', '=', user.id)
        .execute();
      if (lock) {
        await appendAudit(
          trx,
          { actor: null, ip: input.ip },
          {
            action: 'auth.lockout',
            entityType: 'user',
            entityId: user.id,
            regionId: await userRegionId(trx, user.id),
            outcome: 'denied',
            detail: `${policy.lockoutThreshold} failures: locked for ${policy.lockoutMinutes} min`,
          },
        );
      }
    }
    await appendAudit(
      trx,
      { actor: null, ip: input.ip },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user?.id ?? null,
        regionId: user ? await userRegionId(trx, user.id) : null,
        outcome: 'failed',
        detail: `${reason}: ${input.username.slice(0, 64)}`,
      },
    );
  });
}

const passwordExpired = (user: User, policy: SecurityPolicy): boolean =>
  policy.passwordMaxAgeDays > 0 &&
  Date.now() - Date.parse(user.password_changed_at) > policy.passwordMaxAgeDays * 86_400_000;

/**
 * Check the password (and the second factor when the account has one), count failures, lock after the
 * policy's threshold. Every failure answers the same INVALID_CREDENTIALS, so nobody learns whether an account
 * exists or is locked. Only after the right password of an account with TOTP does a missing code answer
 * TOTP_REQUIRED (the client then asks for it).
 */
export async function login(
  db: Kysely<Database>,
  defaults: PolicyDefaults,
  input: LoginInput,
): Promise<{ token: string; session: SessionResponse }> {
  const policy = await currentSecurityPolicy(db, defaults);
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', input.username)
    .executeTakeFirst();
  const passwordOk = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  const locked = user?.locked_until != null && Date.parse(user.locked_until) > Date.now();

  if (!user || !passwordOk || locked || user.disabled === 1) {
    const reason = !user ? 'unknown-user' : locked ? 'locked' : user.disabled ? 'disabled' : 'bad-password';
    await recordFailure(db, policy, user, input, reason, Boolean(user && !passwordOk && !locked));
    throw new AppError('INVALID_CREDENTIALS');
  }

  const totp = await findTotp(db, user.id);
  if (totp?.enabled) {
    if (!input.totp) {
      await recordFailure(db, policy, user, input, 'totp-required', false);
      throw new AppError('TOTP_REQUIRED');
    }
    const step = acceptedStep(totp.secret, input.totp, totp.lastStep);
    if (step === null || !(await consumeTotpStep(db, user.id, step))) {
      await recordFailure(db, policy, user, input, 'bad-totp', true);
      throw new AppError('INVALID_CREDENTIALS');
    }
  }

  const expired = passwordExpired(user, policy);
  // a hash of the other scheme (scrypt after a switch to gm) is rewritten while the password is at hand
  const rehashed = passwordNeedsRehash(user.password_hash) ? await hashPassword(input.password) : null;
  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        failed_logins: 0,
        locked_until: null,
        last_login_at: nowIso(),
        ...(expired ? { must_change_password: 1 } : {}),
        ...(rehashed ? { password_hash: rehashed } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    const created = await createSession(trx, user.id, policy.sessionAbsoluteHours, input);
    await appendAudit(
      trx,
      { actor: { userId: user.id, username: user.username }, ip: input.ip },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        regionId: await userRegionId(trx, user.id),
        detail: [
          totp?.enabled ? 'totp' : 'password',
          expired ? 'password expired' : null,
          rehashed ? `password hash upgraded to ${rehashed.split('$')[0]}` : null,
        ]
          .filter(Boolean)
          .join('; '),
      },
    );
    return created;
  });
  const actor = await loadActor(db, user.id);
  if (!actor) throw new AppError('INVALID_CREDENTIALS');
  return {
    token: session.token,
    session: presentSession(actor, session.csrfToken, secondFactorState(actor, policy)),
  };
}

export async function logout(ctx: RequestContext, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await appendAudit(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
  });
}

/**
 * The region of a user's organisation: sign-in entries carry it, so each region's audit admin sees the
 * sign-ins of its own users and not another district's usernames and addresses.
 */
async function userRegionId(db: Executor, userId: number): Promise<number | null> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select('o.region_id')
    .where('u.id', '=', userId)
    .executeTakeFirst();
  return row?.region_id ?? null;
}

/** Set a new password hash (and remember it for the history rule), inside the caller's transaction. */
export async function storePassword(
  trx: Executor,
  userId: number,
  hash: string,
  mustChange: boolean,
  extra: { failed_logins?: number; locked_until?: null } = {},
): Promise<void> {
  await trx
    .updateTable('users')
    .set({
      password_hash: hash,
      must_change_password: mustChange ? 1 : 0,
      password_changed_at: nowIso(),
      updated_at: nowIso(),
      ...extra,
    })
    .where('id', '=', userId)
    .execute();
  await recordPasswordHash(trx, userId, hash);
}

/**
 * A wrong current password on a password change counts toward the lockout like a failed sign-in (someone at an
 * unattended session guessing); at the threshold the account locks and every session of it ends, this one too.
 */
async function wrongCurrentPassword(
  ctx: RequestContext,
  policy: SecurityPolicy,
  userId: number,
  alreadyLocked: boolean,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    let lock = false;
    if (!alreadyLocked) {
      const fresh = await trx
        .selectFrom('users')
        .select('failed_logins')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      const failures = fresh.failed_logins + 1;
      lock = failures >= policy.lockoutThreshold;
      await trx
        .updateTable('users')
        .set({
          failed_logins: lock ? 0 : failures,
          ...(lock
            ? { locked_until: new Date(Date.now() + policy.lockoutMinutes * 60_000).toISOString() }
            : {}),
        })
        .where('id', '=', userId)
        .execute();
      if (lock) await deleteUserSessions(trx, userId);
    }
    await appendAudit(trx, ctx, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: userId,
      outcome: 'failed',
      detail: alreadyLocked
        ? 'account locked'
        : lock
          ? `wrong current password: ${policy.lockoutThreshold} failures, locked for ${policy.lockoutMinutes} min`
          : 'wrong current password',
    });
  });
}
export async function changePassword(
  ctx: RequestContext,
  defaults: PolicyDefaults,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'password_hash', 'locked_until'])
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  const policy = await currentSecurityPolicy(ctx.db, defaults);
  const locked = user.locked_until !== null && user.locked_until > nowIso();
  if (locked || !(await verifyPassword(input.currentPassword, user.password_hash))) {
    await wrongCurrentPassword(ctx, policy, user.id, locked);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const problems = passwordProblems(input.newPassword, ctx.actor.username, passwordRules(policy));
  if (input.newPassword === input.currentPassword) problems.push('same-as-current');
  else if (
    await usedRecently(ctx.db, user.id, input.newPassword, user.password_hash, policy.passwordHistory)
  ) {
    problems.push(`reused<${policy.passwordHistory}`);
  }
  if (problems.length) throw new AppError('WEAK_PASSWORD', { detail: problems.join(', ') });
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await storePassword(trx, user.id, hash, false);
    // Other sessions of this user end: whoever knew the old password is out.
    await deleteUserSessions(trx, user.id, sessionId);
    await appendAudit(trx, ctx, { action: 'auth.password.change', entityType: 'user', entityId: user.id });
  });
}

/** Start TOTP enrolment: a new secret, pending until a code confirms it. Refused once TOTP is enabled. */
export async function setupTotp(ctx: RequestContext): Promise<TotpSetupResponse> {
  const existing = await findTotp(ctx.db, ctx.actor.userId);
  if (existing?.enabled) {
    throw new AppError('TOTP_ALREADY_ENABLED');
  }
  const fresh = newTotpSecret(ctx.actor.username);
  await ctx.db.transaction().execute(async (trx) => {
    await savePendingTotp(trx, ctx.actor.userId, fresh.secret);
    await appendAudit(trx, ctx, {
      action: 'auth.totp.setup',
      entityType: 'user',
      entityId: ctx.actor.userId,
    });
  });
  return fresh;
}

/** Confirm enrolment with a code from the app: from now on sign-in needs a code. */
export async function confirmTotp(ctx: RequestContext, code: string): Promise<void> {
  const pending = await findTotp(ctx.db, ctx.actor.userId);
  if (!pending || pending.enabled) throw new AppError('TOTP_NOT_PENDING');
  const step = acceptedStep(pending.secret, code, pending.lastStep);
  if (step === null) {
    await appendAuditAlone(ctx.db, ctx, {
      action: 'auth.totp.enable',
      entityType: 'user',
      entityId: ctx.actor.userId,
      outcome: 'failed',
      detail: 'wrong code',
    });
    throw new AppError('TOTP_CODE_WRONG');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await enableTotp(trx, ctx.actor.userId, step);
    await appendAudit(trx, ctx, {
      action: 'auth.totp.enable',
      entityType: 'user',
      entityId: ctx.actor.userId,
    });
  });
}
