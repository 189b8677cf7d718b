// The public face of the dashboard module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { dashboard } from './dashboard.service.js';
