// The public face of the reports module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { reportFacts } from './report-facts.js';
export { reportStatusItems } from './reports.board.js';
export { annualReportDocx, type OnProgress } from './reports.export.js';
export { reportDepartments } from './reports.repository.js';
