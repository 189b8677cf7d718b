import type { Migration } from 'kysely';
import * as foundation from './2026_11_28_0900_foundation.js';
import * as rosterAndFilings from './2026_11_28_1200_roster_and_filings.js';
import * as ledger from './2026_11_28_1300_ledger.js';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0900_foundation': foundation,
  '2026_11_28_1200_roster_and_filings': rosterAndFilings,
  '2026_11_28_1300_ledger': ledger,
};
