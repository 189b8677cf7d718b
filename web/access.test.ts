import { describe, expect, it } from 'vitest';
import { type Permission, ROLE_PERMISSIONS } from '../common/roles';
import { hasPermission } from './access';

const as = (role: keyof typeof ROLE_PERMISSIONS) => ({ permissions: [...ROLE_PERMISSIONS[role]] });

describe('hasPermission (what the menu and buttons show)', () => {
  it('shows nothing to no one: without a user every permission is refused, public ones too', () => {
    expect(hasPermission(null, 'public')).toBe(false);
    expect(hasPermission(undefined, 'ledger:read')).toBe(false);
  });

  it("gives every signed-in user the public and own-account pages, whatever the role's list says", () => {
    const nobody = { permissions: [] as Permission[] };
    expect(hasPermission(nobody, 'public')).toBe(true);
    expect(hasPermission(nobody, 'self')).toBe(true);
    expect(hasPermission(nobody, 'ledger:read')).toBe(false);
  });

  it('follows the permissions the server sent: 统战部 reviews reports, a department does not', () => {
    expect(hasPermission(as('tzb'), 'reports:review')).toBe(true);
    expect(hasPermission(as('department'), 'reports:review')).toBe(false);
    expect(hasPermission(as('department'), 'ledger:write')).toBe(true);
  });

  it('reads only the list it is given, not the role name', () => {
    const tzbWithout = {
      role: 'tzb',
      permissions: ROLE_PERMISSIONS.tzb.filter((p) => p !== 'pairings:write'),
    };
    expect(hasPermission(tzbWithout, 'pairings:write')).toBe(false);
    expect(hasPermission(tzbWithout, 'organisations:write')).toBe(true);
  });
});
