import type { Permission } from '../common/roles';
import type { MeUser } from '../common/schemas/auth';

/** What the UI shows follows the permissions the server sent with the user; the server checks again. */
export function hasPermission(
  user: Pick<MeUser, 'permissions'> | null | undefined,
  permission: Permission,
): boolean {
  if (!user) return false;
  return permission === 'public' || permission === 'self' || user.permissions.includes(permission);
}
