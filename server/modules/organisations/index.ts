// The public face of the organisations module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export {
  findOrganisation,
  insertAlias,
  insertOrganisation,
  listOrganisations,
  type NamedOrganisation,
  organisationsWithAliases,
} from './organisations.repository.js';
export { createOrganisation, visibleOrganisation } from './organisations.service.js';
