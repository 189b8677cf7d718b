// The public face of the regions module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { findRegion, findRegionByPathNames, insertRegion } from './regions.repository.js';
export { addRegion, regionToManage } from './regions.service.js';
