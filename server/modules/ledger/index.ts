// The public face of the ledger module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { warmLedgerExports } from './ledger.export.js';
export { abilitiesFor, ledgerScope } from './ledger.policy.js';
export {
  invitationsAwaitingReply,
  ledgerOfYear,
  planItemRecorded,
  planItemRecords,
  recordsChangedSince,
  symposiumHeldRef,
} from './ledger.reads.js';
export { counterpartsOf, findRecordIds, pairedWith, recordsByIds } from './ledger.repository.js';
export { ledgerReindexer } from './ledger.search.js';
export {
  acknowledgeNotice,
  createRecord,
  type LedgerDetails,
  listLedger,
  recordAdoption,
  recordAttendance,
  recordMinutes,
  replyToInvitation,
  takeUpTopic,
  visibleRecord,
} from './ledger.service.js';
