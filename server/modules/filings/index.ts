// The public face of the filings module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export {
  closeRound,
  createRound,
  fileFiling,
  filingBoard,
  returnFiling,
  saveFiling,
  submitFiling,
} from './filings.service.js';
