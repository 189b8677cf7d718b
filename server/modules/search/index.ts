// The public face of the search module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export {
  clean,
  indexEntity,
  indexMatter,
  indexMatterTree,
  indexOrganisation,
  indexPerson,
  indexRepliesOfItem,
  indexReport,
  indexSuggestion,
  type Reindexer,
  rebuildSearchIndex,
  removeFromIndex,
} from './search.index.js';
