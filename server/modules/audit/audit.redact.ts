// What an audit entry's before/after may hold: who did what to which record and which fields changed — not
// the business content. Every key is kept (so the trail shows which fields changed); a string value is kept
// only when it identifies or classifies (ids, statuses, kinds, roles, hashes, dates), otherwise it is masked.
// Numbers, booleans and null stay. Directory and configuration entries (regions, organisations, pairings,
// settings, the trail's own housekeeping) are not business content and are kept whole.

export const MASK = '***';

/** Entity types whose entries are directory or configuration data, recorded as they are. */
const DIRECTORY_TYPES = new Set([
  'region',
  'organisation',
  'pairing',
  'settings',
  'audit_log',
  'route',
  'filing_round',
  'report_round',
  'job',
  'notification_delivery',
  'obligation',
]);

/** Keys whose string values identify or classify rather than say something. */
const STRUCTURAL_KEY =
  /^(id|ids|.*_id|.*Id|.*_ids|.*Ids|status|.*_status|.*Status|kind|subtype|role|outcome|direction|year|verdict|reply_class|replyClass|class|permission|mime|sha256|username|action|channel|type|level|state|source|side|round|phase|lang)$/;

/** An ISO date or instant: when something happened is part of what happened. */
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function redact(value: unknown, key: string | null): unknown {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'string') {
    if (value === '' || DATE_LIKE.test(value) || (key !== null && STRUCTURAL_KEY.test(key))) return value;
    return MASK;
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, key));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redact(v, k)]),
    );
  }
  return MASK;
}

/** The before/after of an entry as the trail may hold it (idempotent: masking a masked value changes nothing). */
export function auditShape(entityType: string, value: unknown): unknown {
  if (value === undefined || DIRECTORY_TYPES.has(entityType)) return value;
  return redact(value, null);
}
