import type { Migration } from 'kysely';
import * as foundation from './2026_11_28_0900_foundation.js';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0900_foundation': foundation,
};
