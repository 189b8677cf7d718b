// The public face of the audit module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export {
  anchorFileOf,
  anchorIncrementally,
  chainHead,
  checkAnchor,
  makeAnchor,
  readAnchorFile,
  verifyAndAnchor,
  writeAnchor,
} from './audit.anchor.js';
export { archiveAudit, verifyArchiveFile } from './audit.archive.js';
export { verifyAuditChain } from './audit.verify.js';
export { type AuditSource, appendAudit, appendAuditAlone, appendExportAudit } from './audit.writer.js';
