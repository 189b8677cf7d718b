// The public face of the roster module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { latestByRole } from './latest-by-role.js';
export {
  currentPerson,
  FILING_PHONE_COLUMNS,
  insertChangeReport,
  insertPerson,
  listUnits,
  personsInForce,
  type UnitRow,
} from './roster.repository.js';
export {
  acknowledgeChangeReport,
  isOwnUnit,
  maskFormPerson,
  phonesMaskedForAudit,
  recordPersonVersion,
  sameVersion,
  unitRef,
  updateRosterPerson,
  visibleUnit,
} from './roster.service.js';
