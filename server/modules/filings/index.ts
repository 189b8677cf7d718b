// The public face of the filings module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { filingBoard } from './filings.board.js';
export { fileFiling, returnFiling } from './filings.review.js';
export { closeRound, createRound } from './filings.rounds.js';
export { saveFiling, submitFiling } from './filings.submission.js';
