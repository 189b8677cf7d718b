// The public face of the jobs module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { purgeFinishedJobs } from './jobs.repository.js';
