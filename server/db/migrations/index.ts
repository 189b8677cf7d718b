import type { Migration } from 'kysely';
import * as foundation from './2026_11_28_0900_foundation.js';
import * as rosterAndFilings from './2026_11_28_1200_roster_and_filings.js';
import * as ledger from './2026_11_28_1300_ledger.js';
import * as consultations from './2026_11_28_1400_consultations.js';
import * as security from './2026_11_28_1500_security.js';
import * as reports from './2026_11_28_1600_reports.js';
import * as oversight from './2026_11_28_1700_oversight.js';
import * as performanceIndexes from './2026_11_28_1800_performance_indexes.js';
import * as auditTruncate from './2026_11_28_1900_audit_truncate.js';
import * as activation from './2026_12_02_1000_activation.js';
import * as rateLimitCounters from './2026_12_02_1000_rate_limit_counters.js';
import * as attachmentLinks from './2026_12_02_1310_attachment_links.js';
import * as authEpoch from './2026_12_02_1800_auth_epoch.js';
import * as workVisits from './2026_12_07_2040_work_visits.js';
import * as notificationEnglish from './2026_12_08_1000_notification_english.js';
import * as itemEventEnglish from './2026_12_08_1100_item_event_english.js';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_28_0900_foundation': foundation,
  '2026_11_28_1200_roster_and_filings': rosterAndFilings,
  '2026_11_28_1300_ledger': ledger,
  '2026_11_28_1400_consultations': consultations,
  '2026_11_28_1500_security': security,
  '2026_11_28_1600_reports': reports,
  '2026_11_28_1700_oversight': oversight,
  '2026_11_28_1800_performance_indexes': performanceIndexes,
  '2026_11_28_1900_audit_truncate': auditTruncate,
  '2026_12_02_1000_activation': activation,
  '2026_12_02_1310_attachment_links': attachmentLinks,
  '2026_12_02_1000_rate_limit_counters': rateLimitCounters,
  '2026_12_02_1800_auth_epoch': authEpoch,
  '2026_12_07_2040_work_visits': workVisits,
  '2026_12_08_1000_notification_english': notificationEnglish,
  '2026_12_08_1100_item_event_english': itemEventEnglish,
};
