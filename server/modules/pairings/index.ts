// The public face of the pairings module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { insertPairing, insertPairingEvent } from './pairings.repository.js';
