// The public face of the facts module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export {
  counterpartsOf,
  countWork,
  pairCounts,
  pairRecords,
  planCounts,
  type SuggestionCounts,
  totalCounts,
  unitCounts,
  unpairedSuggestions,
  type WorkCounts,
} from './facts.count.js';
export { loadYearFacts, rosterOf, type YearFacts } from './facts.load.js';
export { ledgerSummary } from './ledger-summary.js';
