import type { Role } from '../../../common/roles.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { likeContains } from '../../db/like.js';
import type { NewUser } from '../../db/schema.js';
import { usersWithUnit } from '../auth/index.js';

export function selectUsers(db: Executor) {
  return usersWithUnit(db).select([
    't.enabled_at as totp_enabled_at',
    'u.id',
    'u.username',
    'u.display_name',
    'u.role',
    'u.email',
    'u.disabled',
    'u.must_change_password',
    'u.activation_pending',
    'u.locked_until',
    'u.last_login_at',
    'u.created_at',
    'o.id as organisation_id',
    'o.name as organisation_name',
    'o.kind as organisation_kind',
    'r.path as region_path',
  ]);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>>;

export async function listUsers(
  db: Executor,
  f: { regionPath: string; role?: Role; organisationId?: number; q?: string; ids?: number[] },
): Promise<UserRow[]> {
  let query = selectUsers(db).where('r.path', 'like', `${f.regionPath}%`);
  if (f.role) query = query.where('u.role', '=', f.role);
  if (f.organisationId) query = query.where('u.organisation_id', '=', f.organisationId);
  if (f.ids) query = query.where('u.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.q) {
    const q = f.q;
    query = query.where((eb) =>
      eb.or([likeContains('u.username', q), likeContains('u.display_name', q), likeContains('o.name', q)]),
    );
  }
  return query.orderBy('o.kind').orderBy('o.sort_order').orderBy('u.username').execute();
}

export async function insertUser(
  db: Executor,
  values: Omit<NewUser, 'created_at' | 'updated_at' | 'password_changed_at'>,
) {
  const now = nowIso();
  return db
    .insertInto('users')
    .values({ ...values, created_at: now, updated_at: now, password_changed_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  return (
    (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst()) !==
    undefined
  );
}
