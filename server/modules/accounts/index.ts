// The public face of the accounts module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { proposeHandover } from './handover.js';
export { createHeldAccount } from './holders.js';
