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
  plans: PlanTable;
  plan_items: PlanItemTable;
  ledger_records: LedgerRecordTable;
  ledger_record_counterparts: LedgerRecordCounterpartTable;
  ledger_responses: LedgerResponseTable;
  attachments: AttachmentTable;
  ledger_attachments: LedgerAttachmentTable;
  calendar_feed_tokens: CalendarFeedTokenTable;
  filing_rounds: FilingRoundTable;
  filings: FilingTable;
  filing_events: FilingEventTable;
  responsible_persons: ResponsiblePersonTable;
  change_reports: ChangeReportTable;
  notifications: NotificationTable;
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

/** 年度对口联系工作计划: one per department and year. */
export interface PlanTable {
  id: Generated<number>;
  region_id: number;
  department_id: number;
  year: number;
  /** the 对口联系工作座谈会 (a ledger record) where the plan was agreed */
  symposium_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PlanItemTable {
  id: Generated<number>;
  plan_id: number;
  /** a ledger kind (common/schemas/ledger.ts LEDGER_KINDS) */
  kind: string;
  title: string;
  /** 1–12 */
  target_month: number;
  counterpart_id: number | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

/** 工作台账: one row per thing a pair did; kind-specific fields in details_json. */
export interface LedgerRecordTable {
  id: Generated<number>;
  region_id: number;
  department_id: number;
  host_id: number;
  /** the year (Asia/Shanghai) of starts_at: the pairing year the record is validated against */
  year: number;
  kind: string;
  subtype: string;
  /** invitations only: 'dept_to_cp' | 'cp_to_dept' */
  direction: string | null;
  title: string;
  starts_at: string;
  ends_at: string | null;
  place: string | null;
  summary: string | null;
  status: string;
  details_json: string;
  plan_item_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface LedgerRecordCounterpartTable {
  record_id: number;
  counterpart_id: number;
}

/** An invitee's reply and attendance, or a recipient's receipt and reading. */
export interface LedgerResponseTable {
  record_id: number;
  organisation_id: number;
  /** 'pending' | 'attend' | 'decline' ('n/a' for notices) */
  reply: string;
  reply_attendees: string | null;
  reply_note: string | null;
  replied_at: string | null;
  replied_by: string | null;
  attended: Bool | null;
  attendees: string | null;
  received_at: string | null;
  received_by: string | null;
  read_at: string | null;
  read_by: string | null;
}

/** Content-addressed file store (sha256 of the bytes is the key). */
export interface AttachmentTable {
  sha256: string;
  size: number;
  mime: string;
  bytes: Buffer;
  created_at: string;
}

export interface LedgerAttachmentTable {
  id: Generated<number>;
  record_id: number;
  sha256: string;
  file_name: string;
  uploaded_by: number | null;
  uploaded_at: string;
}

export interface CalendarFeedTokenTable {
  user_id: number;
  /** sha256 of the secret in the feed URL */
  token_hash: string;
  created_at: string;
}

/** 附件2 campaign of one region and year (登记报送): what the form prints under its table. */
export interface FilingRoundTable {
  id: Generated<number>;
  region_id: number;
  year: number;
  /** 'YYYY-MM-DD' */
  deadline: string;
  recipient: string;
  contact_person: string;
  contact_phone: string;
  fax: string;
  /** 'open' | 'closed' */
  status: string;
  opened_by: number | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** One unit's 附件2 in a round; no row = not started. */
export interface FilingTable {
  id: Generated<number>;
  round_id: number;
  organisation_id: number;
  /** 'draft' | 'submitted' | 'returned' | 'filed' */
  status: string;
  leader_name: string | null;
  leader_position: string | null;
  leader_phone: string | null;
  liaison_name: string | null;
  liaison_position: string | null;
  liaison_phone: string | null;
  first_submitted_at: string | null;
  submitted_at: string | null;
  /** first submitted after the round's deadline */
  submitted_late: Bool;
  return_reason: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  filed_at: string | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface FilingEventTable {
  id: Generated<number>;
  filing_id: number;
  /** 'saved' | 'submitted' | 'returned' | 'filed' */
  action: string;
  note: string | null;
  actor_id: number | null;
  at: string;
}

/** One version of one responsible person (责任人) of a unit; served_to is the last day served, inclusive. */
export interface ResponsiblePersonTable {
  id: Generated<number>;
  organisation_id: number;
  /** 'principal' | 'leader' | 'liaison' */
  role: string;
  name: string;
  position: string;
  office_phone: string | null;
  mobile: string | null;
  served_from: string;
  served_to: string | null;
  /** 'roster' (typed by the unit) | 'filing' (taken from a filed 附件2) */
  source: string;
  filing_id: number | null;
  created_by: number | null;
  created_at: string;
}

/** 人员如有变动…报告: a leader or liaison replaced after the unit filed. */
export interface ChangeReportTable {
  id: Generated<number>;
  organisation_id: number;
  role: string;
  previous_person_id: number | null;
  next_person_id: number;
  effective_date: string;
  reason: string;
  /** 'reported' | 'acknowledged' */
  status: string;
  reported_by: number | null;
  reported_at: string;
  acknowledged_by: number | null;
  acknowledged_at: string | null;
  acknowledge_note: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  /** unique when set: sending the same notification twice is a no-op */
  dedupe_key: string | null;
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
export type FilingRound = Selectable<FilingRoundTable>;
export type Filing = Selectable<FilingTable>;
export type ResponsiblePerson = Selectable<ResponsiblePersonTable>;
export type ChangeReport = Selectable<ChangeReportTable>;
export type Notification = Selectable<NotificationTable>;
export type NewNotification = Insertable<NotificationTable>;
export type Count = ColumnType<number | string | bigint, never, never>;
