// The public face of the auth module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { loadActor, usersWithUnit } from './actor.repository.js';
export { type SecondFactorState, secondFactorState, storePassword } from './auth.service.js';
export {
  generatePassword,
  hashPassword,
  type PasswordPolicy,
  passwordNeedsRehash,
  passwordProblems,
  passwordRules,
  verifyPassword,
} from './password.js';
export { recordPasswordHash } from './password-history.js';
export { deleteSession, deleteUserSessions, findSession, touchSession } from './session.repository.js';
export { removeTotp, totpCode } from './totp.js';
