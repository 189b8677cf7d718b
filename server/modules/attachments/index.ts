// The public face of the attachments module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { attachFile, detachFile, fetchFile, type OwnerFacts } from './attachments.service.js';
export { filesOf, presentFile } from './attachments.store.js';
export { limitsOf, refuseOversizedBody, uploadLimits } from './upload-limit.js';
export { guardedPackage, oneAtATime, readGuardedXlsxRows } from './xlsx-rows.js';
