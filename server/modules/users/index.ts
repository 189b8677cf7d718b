// The public face of the users module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export {
  ACCOUNT_HOLDER_ROLE,
  authorizeAccount,
  holdsUnitAccount,
  isUnitAccount,
  UNIT_ACCOUNT_ROLE,
  UNIT_KINDS,
} from './users.policy.js';
export { listUsers } from './users.repository.js';
export { createUserRecord } from './users.service.js';
