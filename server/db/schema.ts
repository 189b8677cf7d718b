import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FormStatus, RoundStatus } from '../../common/filings.js';
import type { OrganisationKind, RegionLevel } from '../../common/organisations.js';
import type { Role } from '../../common/roles.js';
import type { CodePurpose, HandoverSource, HandoverStatus } from '../../common/schemas/activation.js';
import type { AuditOutcome } from '../../common/schemas/audit.js';
import type {
  EXTENSION_STATUSES,
  ITEM_EVENT_ACTIONS,
  ITEM_SOURCES,
  ItemStatus,
  MatterKind,
  ReminderStage,
  ReplyClass,
  SYMPOSIUM_STATUSES,
  Verdict,
} from '../../common/schemas/consultations.js';
import type { ObligationKind, ObligationStatus } from '../../common/schemas/dashboard.js';
import type { LedgerKind } from '../../common/schemas/ledger.js';
import type { DeliveryStatus } from '../../common/schemas/mail.js';
import type { NotificationKind } from '../../common/schemas/notifications.js';
import type { JOB_STATUSES, JobType, ReportStatus } from '../../common/schemas/reports.js';
import type {
  ChangeReportStatus as ChangeReportStatusEnum,
  PersonRole,
} from '../../common/schemas/roster.js';
import type { SEARCH_ENTITY_TYPES } from '../../common/schemas/search.js';

/** A stored form's status: 'not_started' is the absence of a row. */
type StoredFormStatus = Exclude<FormStatus, 'not_started'>;
/** A stored report's status: 'not_started' is the absence of a row. */
type StoredReportStatus = Exclude<ReportStatus, 'not_started'>;
type ChangeReportStatus = (typeof ChangeReportStatusEnum.options)[number];

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
  password_history: PasswordHistoryTable;
  user_totp: UserTotpTable;
  plans: PlanTable;
  plan_items: PlanItemTable;
  ledger_records: LedgerRecordTable;
  rate_limit_counters: RateLimitCounterTable;
  auth_epoch: AuthEpochTable;
  work_visits: WorkVisitTable;
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
  notification_preferences: NotificationPreferenceTable;
  notification_deliveries: NotificationDeliveryTable;
  search_index: SearchIndexTable;
  obligations: ObligationTable;
  consultation_matters: ConsultationMatterTable;
  consultation_matter_counterparts: ConsultationMatterCounterpartTable;
  consultation_attachments: ConsultationAttachmentTable;
  consultation_items: ConsultationItemTable;
  consultation_replies: ConsultationReplyTable;
  consultation_extensions: ConsultationExtensionTable;
  consultation_item_events: ConsultationItemEventTable;
  report_rounds: ReportRoundTable;
  reports: ReportTable;
  report_versions: ReportVersionTable;
  report_comments: ReportCommentTable;
  pair_evaluations: PairEvaluationTable;
  jobs: JobTable;
  activation_codes: ActivationCodeTable;
  account_handovers: AccountHandoverTable;
  account_holders: AccountHolderTable;
}

type Bool = number;

export interface RegionTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  level: RegionLevel;
  /** '/1/4/9/': ids from the root, so "this region and everything under it" is a prefix match */
  path: string;
  created_at: string;
}

export interface OrganisationTable {
  id: Generated<number>;
  region_id: number;
  kind: OrganisationKind;
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
  role: Role;
  organisation_id: number;
  password_hash: string;
  must_change_password: Bool;
  disabled: Bool;
  email: string | null;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  last_login_at: string | null;
  /** 1 while the account waits for its holder to redeem an activation code (nobody knows its password) */
  activation_pending: Generated<Bool>;
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
  outcome: AuditOutcome;
  region_id: number | null;
  before_json: string | null;
  after_json: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** Every password hash a user has had: a new password may not be one of the last N (policy passwordHistory). */
export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: string;
}

/** A user's TOTP second factor; enabled_at null while enrolment is pending. */
export interface UserTotpTable {
  user_id: number;
  /** base32 secret, encrypted with LIAISON_DATA_KEY when configured */
  secret: string;
  enabled_at: string | null;
  /** the last time step accepted: a code is never accepted twice */
  last_step: number | null;
  created_at: string;
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
  kind: LedgerKind;
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
  kind: LedgerKind;
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
  /** this link's type (by its own name's extension); null only before 2026-12 */
  mime: string | null;
  /** the uploader's unit at upload time: it (or 统战部) may remove the file */
  uploader_org_id: number | null;
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
  status: RoundStatus;
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
  status: StoredFormStatus;
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
  role: PersonRole;
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
  role: PersonRole;
  previous_person_id: number | null;
  next_person_id: number;
  effective_date: string;
  reason: string;
  status: ChangeReportStatus;
  reported_by: number | null;
  reported_at: string;
  acknowledged_by: number | null;
  acknowledged_at: string | null;
  acknowledge_note: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  /** Chinese, as e-mail sends it */
  title: string;
  body: string;
  /** the English title and body, composed with the Chinese (null on rows written before they were) */
  title_en: string | null;
  body_en: string | null;
  link: string | null;
  created_at: string;
  read_at: string | null;
  /** unique when set: sending the same notification twice is a no-op */
  dedupe_key: string | null;
}

/** 重大事项 (三(二)): a major matter a department consults its counterparts on before deciding. */
export interface ConsultationMatterTable {
  id: Generated<number>;
  region_id: number;
  department_id: number;
  /** the year (Asia/Shanghai) the matter was registered */
  year: number;
  kind: MatterKind;
  title: string;
  summary: string | null;
  planned_decision_date: string | null;
  /** 专题协商座谈会 */
  symposium_status: (typeof SYMPOSIUM_STATUSES)[number];
  symposium_at: string | null;
  symposium_place: string | null;
  held_at: string | null;
  attendees: string | null;
  minutes: string | null;
  /** when the decision was taken; before held_at (or without a symposium) is a 先协商后决策 violation */
  decided_at: string | null;
  decision_note: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ConsultationMatterCounterpartTable {
  matter_id: number;
  counterpart_id: number;
  /** paired with the department in the matter's year (else added by the department) */
  paired: Bool;
  invitee: string | null;
  invited_at: string | null;
}

export interface ConsultationAttachmentTable {
  id: Generated<number>;
  matter_id: number;
  sha256: string;
  file_name: string;
  uploaded_by: number | null;
  uploaded_at: string;
  /** this link's type (by its own name's extension); null only before 2026-12 */
  mime: string | null;
  /** the uploader's unit at upload time: it (or 统战部) may remove the file */
  uploader_org_id: number | null;
}

/** One opinion or suggestion (意见建议) of a counterpart on a matter, and where its reply cycle stands. */
export interface ConsultationItemTable {
  id: Generated<number>;
  matter_id: number;
  /** the author organisation */
  counterpart_id: number;
  source: (typeof ITEM_SOURCES)[number];
  text: string;
  /** the receipt date the due date counts from */
  received_on: string;
  /** who typed it in: the department or the counterpart */
  entered_by_org: number;
  created_by: number | null;
  created_at: string;
  status: ItemStatus;
  /** 1, then 2… for each 二次办理 */
  round: number;
  /** the current round's due date (moved by a granted extension) */
  due_date: string;
  /** the department's internal analysis (never shown to counterparts) */
  analysis: string | null;
  closed_at: string | null;
  close_note: string | null;
  closed_by: number | null;
  updated_at: string;
}

export interface ConsultationReplyTable {
  id: Generated<number>;
  item_id: number;
  round: number;
  reply_class: ReplyClass;
  text: string;
  /** required for not_adopted (暂不采纳，必须说明理由) */
  reason: string | null;
  analysis: string | null;
  replied_on: string;
  replied_at: string;
  replied_by: number | null;
  due_date: string;
  on_time: Bool;
  verdict: Verdict | null;
  verdict_comment: string | null;
  verdict_at: string | null;
  verdict_by: number | null;
}

export interface ConsultationExtensionTable {
  id: Generated<number>;
  item_id: number;
  round: number;
  reason: string;
  days_requested: number;
  status: (typeof EXTENSION_STATUSES)[number];
  requested_by: number | null;
  requested_at: string;
  days_granted: number | null;
  due_before: string;
  due_after: string | null;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
}

export interface ConsultationItemEventTable {
  id: Generated<number>;
  item_id: number;
  round: number;
  action: (typeof ITEM_EVENT_ACTIONS)[number];
  stage: ReminderStage | null;
  /** Chinese: what the system wrote, or what the user typed */
  note: string | null;
  /** the system's note in English, composed with the Chinese (null on older rows and on notes only typed) */
  note_en: string | null;
  actor_id: number | null;
  at: string;
  /** unique when set: the sweep's reminder events */
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
export type ConsultationMatter = Selectable<ConsultationMatterTable>;
export type ConsultationItem = Selectable<ConsultationItemTable>;
export type ConsultationReply = Selectable<ConsultationReplyTable>;
export type ConsultationExtension = Selectable<ConsultationExtensionTable>;
export type Count = ColumnType<number | string | bigint, never, never>;

/** E-mail on/off per user and notification kind (no row: on when the user has an address). */
export interface NotificationPreferenceTable {
  user_id: number;
  kind: NotificationKind;
  email: Bool;
  updated_at: string;
}

/** One notification sent over one channel: claimed by one instance at a time, retried, at most once sent. */
export interface NotificationDeliveryTable {
  id: Generated<number>;
  notification_id: number;
  /** 'email' */
  channel: string;
  /** the address at the time it was queued */
  recipient: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  /** the instance sending it now, until claimed_until (an expired claim may be taken over) */
  claimed_by: string | null;
  claimed_until: string | null;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One searchable thing, with the columns that scope it (see server/modules/search). */
export interface SearchIndexTable {
  id: Generated<number>;
  entity_type: (typeof SEARCH_ENTITY_TYPES)[number];
  entity_id: number;
  region_id: number;
  /** ',3,17,': the units whose users may see it */
  org_ids: string;
  /** 1: directory data, seen by everyone in its region and above */
  directory: Bool;
  title: string;
  body: string;
  link: string;
  updated_at: string;
}

/** An obligation of the year (symposium per pair, plan and report per department, filing per unit). */
export interface ObligationTable {
  id: Generated<number>;
  /** unique: 'symposium:2026:12:34' — creating it again on any instance is a no-op */
  key: string;
  region_id: number;
  year: number;
  kind: ObligationKind;
  department_id: number | null;
  counterpart_id: number | null;
  /** the unit that owes it */
  organisation_id: number;
  /** the filing round of a 'filing' obligation */
  source_id: number | null;
  due_date: string;
  status: ObligationStatus;
  /** what met it: 'ledger:12', 'plan:3', 'report:5', 'filing:9' */
  met_by_ref: string | null;
  met_at: string | null;
  created_at: string;
  updated_at: string;
}

export type NotificationDelivery = Selectable<NotificationDeliveryTable>;
export type Obligation = Selectable<ObligationTable>;

/** 附件3: the deadline 统战部 sets for a region's reports of a year (default: 1月31日 of the next year). */
export interface ReportRoundTable {
  id: Generated<number>;
  region_id: number;
  year: number;
  /** 'YYYY-MM-DD' */
  deadline: string;
  set_by: number | null;
  created_at: string;
  updated_at: string;
}

/** 附件3 of one department and year; no row = not started. */
export interface ReportTable {
  id: Generated<number>;
  region_id: number;
  department_id: number;
  year: number;
  status: StoredReportStatus;
  /** bumped by every saved state; the matching report_versions row holds it */
  version: number;
  /** { [sectionKey]: text | null } — null or absent: the generated text */
  sections_json: string;
  /** { [sectionKey]: text } — the generated text when last saved */
  generated_json: string;
  first_submitted_at: string | null;
  submitted_at: string | null;
  /** first submitted after the deadline */
  submitted_late: Bool;
  return_comment: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  accepted_at: string | null;
  created_by: number | null;
  updated_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ReportVersionTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  /** 'saved' | 'submitted' | 'returned' | 'accepted' */
  action: string;
  status: StoredReportStatus;
  sections_json: string;
  generated_json: string;
  note: string | null;
  actor_id: number | null;
  at: string;
}

export interface ReportCommentTable {
  id: Generated<number>;
  report_id: number;
  /** the commenter's organisation (a counterpart, 统战部 or the department) */
  organisation_id: number;
  author_id: number | null;
  section_key: string | null;
  body: string;
  created_at: string;
}

/** One side of a pair rating the other's liaison work of a year. */
export interface PairEvaluationTable {
  id: Generated<number>;
  region_id: number;
  year: number;
  department_id: number;
  counterpart_id: number;
  /** 'department' (rates the counterpart) | 'counterpart' (rates the department) */
  rater_side: string;
  /** 1–5 */
  score: number;
  comment: string | null;
  rated_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A long document built in the background, visible to its creator only. */
/**
 * One row (id 1): raised by triggers whenever a session ends or an account, organisation or region a session is
 * resolved from changes; the app's session cache is valid only while it stays the same (server/plugins/auth.ts).
 */
export interface AuthEpochTable {
  id: number;
  epoch: number;
}

/**
 * One sign-in session's visits of "my work" (issue 15): its latest view and the moment its user marked
 * everything as seen in it. Kept after the session ends: "changed since" is measured from the latest view
 * of the user's other sessions.
 */
export interface WorkVisitTable {
  /** the session's id (its token digest); a row outlives its session */
  session_id: string;
  user_id: number;
  seen_at: string;
  cleared_at: string | null;
}

/** A rate limit's counter for one key (route kind + address or user) in its current window. */
export interface RateLimitCounterTable {
  key: string;
  count: number;
  /** epoch milliseconds */
  window_ends_at: number;
}

export interface JobTable {
  /** random UUID: not guessable, not sequential */
  id: string;
  type: JobType;
  params_json: string;
  status: (typeof JOB_STATUSES)[number];
  /** 0–100 */
  progress: number;
  message: string | null;
  created_by: number;
  result: Buffer | null;
  result_name: string | null;
  result_type: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  heartbeat_at: string;
}

export type ReportRow = Selectable<ReportTable>;
export type ReportVersion = Selectable<ReportVersionTable>;
export type PairEvaluation = Selectable<PairEvaluationTable>;
export type Job = Selectable<JobTable>;

/** A one-time code that lets the account's holder set their own password; only its sha256 is kept. */
export interface ActivationCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  purpose: CodePurpose;
  /** 'email' | 'shown' | 'cli' | 'setup' */
  delivery: string;
  issued_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

/** A unit account's hand-over, proposed by a filed 联络员 change, decided by 统战部. */
export interface AccountHandoverTable {
  id: Generated<number>;
  user_id: number;
  organisation_id: number;
  previous_person_id: number | null;
  next_person_id: number;
  next_name: string;
  source: HandoverSource;
  status: HandoverStatus;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
}

/** Who held a unit account when (held_to null: holds it now). */
export interface AccountHolderTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  person_id: number | null;
  handover_id: number | null;
  held_from: string;
  held_to: string | null;
}
