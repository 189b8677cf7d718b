// The public face of the cycle module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { OBLIGATION_DUE, obligationsWithState, runCycle } from './cycle.service.js';
