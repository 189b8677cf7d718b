// The public face of the plans module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { itemsOf, itemsWithLinks, listPlans } from './plans.repository.js';
export { createPlan, itemStatus, listPlansFor } from './plans.service.js';
