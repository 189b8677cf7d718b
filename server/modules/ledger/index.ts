// The public face of the ledger module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { warmLedgerExports } from './ledger.export.js';
export { recordAdoption, recordMinutes, takeUpTopic } from './ledger.outcomes.js';
export { abilitiesFor, ledgerScope } from './ledger.policy.js';
export type { LedgerDetails } from './ledger.present.js';
export { listLedger, visibleRecord } from './ledger.queries.js';
export {
  invitationsAwaitingReply,
  ledgerOfYear,
  noticesAwaitingRead,
  planItemRecorded,
  planItemRecords,
  recordsChangedSince,
  symposiumHeldRef,
} from './ledger.reads.js';
export { createRecord } from './ledger.records.js';
export { counterpartsOf, findRecordIds, pairedWith, recordsByIds } from './ledger.repository.js';
export { acknowledgeNotice, recordAttendance, replyToInvitation } from './ledger.responses.js';
export { ledgerReindexer } from './ledger.search.js';
