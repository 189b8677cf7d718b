// The public face of the sweep module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { runSweep } from './sweep.service.js';
export { anchorAuditHead, startSweepTimer, sweepAndSend } from './sweep.timer.js';
