// The public face of the setup module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { checkSetupToken, newSetupToken, setupLink, setupNeeded } from './setup.service.js';
