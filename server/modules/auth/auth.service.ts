import type { Kysely } from 'kysely';
import { ROLE_PERMISSIONS } from '../../../common/roles.js';
import type { SessionResponse } from '../../../common/schemas/auth.js';
import type { Actor, RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { appendAudit, appendAuditAlone } from '../audit/audit.writer.js';
import { currentSecurityPolicy, type PolicyDefaults } from '../settings/security-policy.js';
import { loadActor } from '../users/actor.repository.js';
import { dummyPasswordHash, hashPassword, passwordProblems, verifyPassword } from './password.js';
import { createSession, deleteSession, deleteUserSessions } from './session.repository.js';

export function presentSession(actor: Actor, csrfToken: string): SessionResponse {
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
    },
    csrfToken,
  };
}

interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Check the password, count failures, lock after the policy's threshold. Every outcome answers the same
 * INVALID_CREDENTIALS, so nobody learns whether an account exists or is locked.
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
  const now = Date.now();
  const locked = user?.locked_until != null && Date.parse(user.locked_until) > now;
  const audit = { actor: null, ip: input.ip };

  if (!user || !passwordOk || locked || user.disabled === 1) {
    const reason = !user ? 'unknown-user' : locked ? 'locked' : user.disabled ? 'disabled' : 'bad-password';
    await db.transaction().execute(async (trx) => {
      if (user && !passwordOk && !locked) {
        const failures = user.failed_logins + 1;
        const lock = failures >= policy.lockoutThreshold;
        await trx
          .updateTable('users')
          .set({
            failed_logins: lock ? 0 : failures,
            locked_until: lock
              ? new Date(now + policy.lockoutMinutes * 60_000).toISOString()
              : user.locked_until,
          })
          .where('id', '=', user.id)
          .execute();
      }
      await appendAudit(trx, audit, {
        action: 'auth.login',
        entityType: 'user',
        entityId: user?.id ?? null,
        outcome: 'failed',
        detail: `${reason}: ${input.username.slice(0, 64)}`,
      });
    });
    throw new AppError('INVALID_CREDENTIALS');
  }

  const session = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: nowIso() })
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
      },
    );
    return created;
  });
  const actor = await loadActor(db, user.id);
  if (!actor) throw new AppError('INVALID_CREDENTIALS');
  return { token: session.token, session: presentSession(actor, session.csrfToken) };
}

export async function logout(ctx: RequestContext, sessionId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await appendAudit(trx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
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
    .select(['id', 'password_hash'])
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    await appendAuditAlone(ctx.db, ctx, {
      action: 'auth.password.change',
      entityType: 'user',
      entityId: user.id,
      outcome: 'failed',
      detail: 'wrong current password',
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  const policy = await currentSecurityPolicy(ctx.db, defaults);
  const problems = passwordProblems(input.newPassword, ctx.actor.username, {
    minLength: policy.passwordMinLength,
    minClasses: policy.passwordMinClasses,
  });
  if (input.newPassword === input.currentPassword) problems.push('same-as-current');
  if (problems.length) throw new AppError('WEAK_PASSWORD', { detail: problems.join(', ') });
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        password_hash: hash,
        must_change_password: 0,
        password_changed_at: nowIso(),
        updated_at: nowIso(),
      })
      .where('id', '=', user.id)
      .execute();
    // Other sessions of this user end: whoever knew the old password is out.
    await deleteUserSessions(trx, user.id, sessionId);
    await appendAudit(trx, ctx, { action: 'auth.password.change', entityType: 'user', entityId: user.id });
  });
}
