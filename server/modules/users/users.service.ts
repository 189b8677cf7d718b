import type { OrganisationKind } from '../../../common/organisations.js';
import type { Role } from '../../../common/roles.js';
import type {
  CreateUserRequest,
  UpdateUserRequest,
  UserActivationResponse,
  UserDto,
} from '../../../common/schemas/users.js';
import type { Executor, RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError, conflict, notFound } from '../../errors.js';
import {
  codeTarget,
  completeDelivery,
  type DeliveryConfig,
  makePending,
  planDelivery,
} from '../activation/index.js';
import { type AuditSource, appendAudit } from '../audit/index.js';
import {
  deleteUserSessions,
  generatePassword,
  hashPassword,
  type PasswordPolicy,
  passwordProblems,
  passwordRules,
  recordPasswordHash,
  removeTotp,
} from '../auth/index.js';
import { visibleOrganisation } from '../organisations/index.js';
import { currentSecurityPolicy } from '../settings/index.js';
import { authorizeAccount } from './users.policy.js';
import { insertUser, listUsers, type UserRow, usernameTaken } from './users.repository.js';

/** Which kind of organisation each role's user must belong to; admins may sit in any unit. */
const ROLE_ORGANISATION_KINDS: Record<Role, OrganisationKind[] | null> = {
  tzb: ['oversight'],
  qfb: ['office'],
  department: ['department'],
  counterpart: ['counterpart'],
  sysadmin: null,
  secadmin: null,
  auditadmin: null,
};

export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
  const kinds = ROLE_ORGANISATION_KINDS[role];
  return kinds === null || kinds.includes(kind);
}

export function presentUser(row: UserRow): UserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    email: row.email,
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
    activationPending: row.activation_pending === 1,
    totpEnabled: row.totp_enabled_at !== null,
    lockedUntil: row.locked_until,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
  };
}

export async function listUsersFor(
  ctx: RequestContext,
  query: { role?: Role; organisationId?: number; q?: string },
): Promise<UserDto[]> {
  const rows = await listUsers(ctx.db, {
    regionPath: ctx.actor.regionPath,
    ...query,
    q: query.q || undefined,
  });
  return rows.map(presentUser);
}

async function visibleUser(ctx: RequestContext, id: number): Promise<UserRow> {
  const [row] = await listUsers(ctx.db, { regionPath: ctx.actor.regionPath, ids: [id] });
  if (!row) throw notFound();
  return row;
}

/**
 * Create an account. Used by the system admin's route and by the CLI (no actor), so it takes the
 * executor and audit source rather than a request context.
 */
export async function createUserRecord(
  db: Executor,
  source: AuditSource,
  input: CreateUserRequest & { password: string | null; mustChangePassword: boolean; pending?: boolean },
  policy: PasswordPolicy,
): Promise<number> {
  if (await usernameTaken(db, input.username)) throw conflict(input.username);
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'kind', 'region_id'])
    .where('id', '=', input.organisationId)
    .executeTakeFirst();
  if (!org) throw notFound();
  if (!roleFitsOrganisation(input.role, org.kind as OrganisationKind)) {
    throw new AppError('ROLE_ORGANISATION_MISMATCH', { role: input.role, kind: org.kind });
  }
  if (input.password) {
    const problems = passwordProblems(input.password, input.username, policy);
    if (problems.length) throw new AppError('WEAK_PASSWORD', { detail: problems.join(', ') });
  }
  // no password given: a random one nobody is told; the holder sets their own with an activation code
  const password = input.password ?? generatePassword(24);
  const passwordHash = await hashPassword(password);
  const { id } = await insertUser(db, {
    username: input.username,
    display_name: input.displayName,
    role: input.role,
    organisation_id: input.organisationId,
    email: input.email ?? null,
    password_hash: passwordHash,
    must_change_password: input.mustChangePassword ? 1 : 0,
    activation_pending: input.pending ? 1 : 0,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    last_login_at: null,
  });
  await recordPasswordHash(db, id, passwordHash);
  await appendAudit(db, source, {
    action: 'user.create',
    entityType: 'user',
    entityId: id,
    regionId: org.region_id,
    after: { username: input.username, role: input.role, organisationId: input.organisationId },
  });
  return id;
}

/**
 * The system admin creates a business account: it waits for its holder, who sets the password with a one-time
 * code — e-mailed when the account has an address and SMTP is configured, otherwise issued by the holder's
 * 统战部. The system admin never sees a password or a code.
 */
export async function createUser(
  ctx: RequestContext,
  cfg: DeliveryConfig,
  defaults: { sessionIdleMinutes: number; sessionAbsoluteHours: number },
  input: CreateUserRequest,
): Promise<UserActivationResponse> {
  authorizeAccount(ctx.actor, 'create', { newRole: input.role });
  await visibleOrganisation(ctx, input.organisationId);
  const policy = await currentSecurityPolicy(ctx.db, defaults);
  const planned = await ctx.db.transaction().execute(async (trx) => {
    const id = await createUserRecord(
      trx,
      ctx,
      { ...input, password: null, mustChangePassword: false, pending: true },
      passwordRules(policy),
    );
    return planDelivery(trx, ctx, cfg, await codeTarget(trx, id), 'activation', 'keeper');
  });
  const done = await completeDelivery(ctx.db, ctx, cfg, planned);
  return {
    user: presentUser(await visibleUser(ctx, planned.target.userId)),
    activation: done.kind === 'email' ? 'email' : 'unit-office',
  };
}

export async function updateUser(
  ctx: RequestContext,
  id: number,
  input: UpdateUserRequest,
): Promise<UserDto> {
  const before = await visibleUser(ctx, id);
  authorizeAccount(ctx.actor, 'edit', { target: { id, role: before.role } });
  let orgKind = before.organisation_kind as OrganisationKind;
  if (input.organisationId !== undefined)
    orgKind = (await visibleOrganisation(ctx, input.organisationId)).kind as OrganisationKind;
  if (!roleFitsOrganisation(before.role as Role, orgKind))
    throw new AppError('ROLE_ORGANISATION_MISMATCH', { role: before.role, kind: orgKind });
  if (id === ctx.actor.userId && input.disabled === true) {
    throw new AppError('CANNOT_DISABLE_SELF');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({
        display_name: input.displayName,
        organisation_id: input.organisationId,
        email: input.email,
        disabled: input.disabled === undefined ? undefined : input.disabled ? 1 : 0,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    // A disabled account, or one whose unit changed, must sign in again under its new rights.
    if (input.disabled || input.organisationId !== undefined) await deleteUserSessions(trx, id);
    await appendAudit(trx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: presentUser(before),
      after: input,
    });
  });
  return presentUser(await visibleUser(ctx, id));
}

/** The security admin grants a business role to an existing account; its sessions end (new rights). */
export async function grantRole(ctx: RequestContext, id: number, role: Role): Promise<UserDto> {
  const before = await visibleUser(ctx, id);
  authorizeAccount(ctx.actor, 'grant-role', { target: { id, role: before.role }, newRole: role });
  if (!roleFitsOrganisation(role, before.organisation_kind as OrganisationKind))
    throw new AppError('ROLE_ORGANISATION_MISMATCH', { role, kind: before.organisation_kind });
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ role, updated_at: nowIso() }).where('id', '=', id).execute();
    await deleteUserSessions(trx, id);
    await appendAudit(trx, ctx, {
      action: 'user.role.grant',
      entityType: 'user',
      entityId: id,
      before: { role: before.role },
      after: { role },
    });
  });
  return presentUser(await visibleUser(ctx, id));
}

/**
 * The system admin resets a business account: its password becomes one nobody knows, its sessions end, and the
 * holder gets a one-time code (e-mail, else from their 统战部) to set a new one. No password or code is returned.
 */
export async function resetPassword(
  ctx: RequestContext,
  cfg: DeliveryConfig,
  id: number,
): Promise<UserActivationResponse> {
  const before = await visibleUser(ctx, id);
  authorizeAccount(ctx.actor, 'reset-password', { target: { id, role: before.role } });
  const planned = await ctx.db.transaction().execute(async (trx) => {
    await makePending(trx, id);
    await appendAudit(trx, ctx, { action: 'user.password.reset', entityType: 'user', entityId: id });
    return planDelivery(trx, ctx, cfg, await codeTarget(trx, id), 'reset', 'keeper');
  });
  const done = await completeDelivery(ctx.db, ctx, cfg, planned);
  return {
    user: presentUser(await visibleUser(ctx, id)),
    activation: done.kind === 'email' ? 'email' : 'unit-office',
  };
}

export async function endSessions(ctx: RequestContext, id: number): Promise<void> {
  const target = await visibleUser(ctx, id);
  authorizeAccount(ctx.actor, 'end-sessions', { target: { id, role: target.role } });
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await deleteUserSessions(trx, id);
    await appendAudit(trx, ctx, {
      action: 'user.sessions.end',
      entityType: 'user',
      entityId: id,
      detail: `${ended} sessions`,
    });
  });
}

/**
 * Remove a user's TOTP second factor (a lost phone): they sign in with the password alone and may enrol again;
 * their sessions end. Not one's own: another admin must do it.
 */
export async function resetTotp(ctx: RequestContext, id: number): Promise<UserDto> {
  const target = await visibleUser(ctx, id);
  if (id === ctx.actor.userId) {
    throw new AppError('CANNOT_RESET_OWN_TOTP');
  }
  authorizeAccount(ctx.actor, 'reset-totp', { target: { id, role: target.role } });
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await removeTotp(trx, id);
    await deleteUserSessions(trx, id);
    await appendAudit(trx, ctx, {
      action: 'user.totp.reset',
      entityType: 'user',
      entityId: id,
      detail: removed ? null : 'no second factor was set',
    });
  });
  return presentUser(await visibleUser(ctx, id));
}
