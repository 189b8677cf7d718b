import type { Kysely, Transaction } from 'kysely';
import type { Lang } from '../common/errors.js';
import type { OrganisationKind } from '../common/organisations.js';
import type { Role } from '../common/roles.js';
import type { Database } from './db/schema.js';

/** Either the database or an open transaction: repository functions accept both. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Who is acting: loaded from the session on every request, never from the request body. */
export interface Actor {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  organisationId: number;
  organisationName: string;
  organisationKind: OrganisationKind;
  regionId: number;
  /** materialised path of the actor's region, e.g. '/1/2/3/' */
  regionPath: string;
  mustChangePassword: boolean;
}

/** What a service function needs: the database, the actor, where the request came from, its language. */
export interface RequestContext {
  db: Kysely<Database>;
  actor: Actor;
  ip: string | null;
  lang: Lang;
  /**
   * The instant a back-filled entry stands for (the demo seed enters a year of history through the services):
   * the date checks compare with its day instead of today. Requests never set it.
   */
  asOf?: string;
}

/** For writes done by the system itself (first start, CLI): audited with no actor. */
export interface SystemContext {
  db: Kysely<Database>;
  actor: Actor | null;
  ip: string | null;
  lang: Lang;
}
