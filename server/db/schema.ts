import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The Kysely database type. Conventions (see docs/ARCHITECTURE.md):
 * - timestamps are ISO-8601 UTC text, dates 'YYYY-MM-DD' text: identical on SQLite and PostgreSQL;
 * - booleans are integers 0/1 for the same reason;
 * - JSON is stored as text and parsed by the repository that owns it.
 */
export interface Database {
  regions: RegionTable;
  organisations: OrganisationTable;
  organisation_aliases: OrganisationAliasTable;
  users: UserTable;
  sessions: SessionTable;
  pairings: PairingTable;
  pairing_events: PairingEventTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
}

type Bool = number;

export interface RegionTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  level: string;
  /** '/1/4/9/': ids from the root, so "this region and everything under it" is a prefix match */
  path: string;
  created_at: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  region_id: number;
  kind: string;
  name: string;
  short_name: string | null;
  sort_order: number;
  active: Bool;
  created_at: string;
  updated_at: string;
}

export interface OrganisationAliasTable {
  id: Generated<number>;
  organisation_id: number;
  alias: string;
  note: string | null;
  created_at: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: string;
  organisation_id: number;
  password_hash: string;
  must_change_password: Bool;
  disabled: Bool;
  email: string | null;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a leaked database does not yield usable cookies */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface PairingTable {
  id: Generated<number>;
  region_id: number;
  counterpart_id: number;
  department_id: number;
  valid_from: number;
  valid_to: number | null;
  source: string | null;
  /** 共同联系单位: the department liaises with every counterpart; one row per counterpart, flagged */
  shared: Bool;
  end_source: string | null;
  end_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface PairingEventTable {
  id: Generated<number>;
  pairing_id: number;
  action: string;
  year: number;
  source: string | null;
  note: string | null;
  actor_id: number | null;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  outcome: string;
  region_id: number | null;
  before_json: string | null;
  after_json: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: string;
  updated_by: number | null;
}

export type Region = Selectable<RegionTable>;
export type Organisation = Selectable<OrganisationTable>;
export type NewOrganisation = Insertable<OrganisationTable>;
export type OrganisationUpdate = Updateable<OrganisationTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type Session = Selectable<SessionTable>;
export type Pairing = Selectable<PairingTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
export type Count = ColumnType<number | string | bigint, never, never>;
