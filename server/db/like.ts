// Text filters (`q`) match what the user typed, literally: `%`, `_` and `\` are escaped, and the ESCAPE clause
// is explicit, because SQLite's LIKE has no default escape character (PostgreSQL's is the backslash).
import { type RawBuilder, sql } from 'kysely';

/** `q` with LIKE's wildcards and the escape character escaped. */
export const escapeLike = (q: string): string => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A pattern that finds `q` anywhere in the text. */
export const containsPattern = (q: string): string => `%${escapeLike(q)}%`;

/** `column LIKE '%q%' ESCAPE '\'` — the same on SQLite and PostgreSQL. */
export function likeContains(column: string, q: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${containsPattern(q)} escape '\\'`;
}
