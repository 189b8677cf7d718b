import type { OrganisationKind } from '../../../common/organisations.js';
import type { Role } from '../../../common/roles.js';
import type { Actor, Executor } from '../../context.js';

/** Users with their unit, its region and their second factor: the one join both the actor and the account list read. */
export function usersWithUnit(db: Executor) {
  return db
    .selectFrom('users as u')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .leftJoin('user_totp as t', 't.user_id', 'u.id');
}

/**
 * The acting user with the organisation and region that scope everything they do, and the account state
 * the session checks (disabled, second factor enabled).
 */
export async function loadActor(
  db: Executor,
  userId: number,
): Promise<(Actor & { disabled: boolean; totpEnabled: boolean }) | null> {
  const row = await usersWithUnit(db)
    .select([
      't.enabled_at as totp_enabled_at',
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.disabled',
      'u.must_change_password',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.kind as organisation_kind',
      'r.id as region_id',
      'r.path as region_path',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationKind: row.organisation_kind as OrganisationKind,
    regionId: row.region_id,
    regionPath: row.region_path,
    mustChangePassword: row.must_change_password === 1,
    disabled: row.disabled === 1,
    totpEnabled: row.totp_enabled_at !== null,
  };
}
