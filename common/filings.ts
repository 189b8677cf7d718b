/**
 * The 附件2 filing round (登记报送, 责任人备案): the statuses a unit's form goes through and the deadline
 * rule, shared by server and web. Pure logic, no Node or browser imports.
 */

/** What is stored for a unit's form; `not_started` is the absence of a row. */
export const FORM_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'filed'] as const;
export type FormStatus = (typeof FORM_STATUSES)[number];

/** What a list shows: the stored status, or `late` when the deadline has passed and nothing is in. */
export const FILING_STATUSES = [...FORM_STATUSES, 'late'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const FILING_STATUS_LABELS: Record<FilingStatus, { zh: string; en: string }> = {
  not_started: { zh: '未填报', en: 'Not started' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已报送', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  filed: { zh: '已备案', en: 'Filed' },
  late: { zh: '逾期未报', en: 'Late' },
};

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** What the seed's 附件2 prints under the table (奉政发〔2019〕47号): the defaults of a new round. */
export const FILING_ROUND_DEFAULTS = {
  recipient: '区委统战部党派干部科',
  contactPerson: '邬锡明',
  contactPhone: '89294017',
  fax: '88522300',
} as const;

/** The time zone the deadlines of the notice are meant in. */
export const DEADLINE_TIME_ZONE = 'Asia/Shanghai';

/** The calendar date ('YYYY-MM-DD') of an instant in China — the day a deadline is compared with. */
export function localDate(instant: Date | string = new Date()): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: DEADLINE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

/**
 * "此表请于2019年6月5日前报": the form is on time when it is in on the deadline day at the latest
 * (dates compare as text in this format).
 */
export function isAfterDeadline(deadline: string, date: string): boolean {
  return date > deadline;
}

/**
 * The status a list shows for a unit's form on a given day: `late` once the deadline has passed and the form
 * is not in (not started, draft, or returned and not yet resubmitted); otherwise the stored status.
 */
export function effectiveStatus(stored: FormStatus, deadline: string, today: string): FilingStatus {
  const notIn = stored === 'not_started' || stored === 'draft' || stored === 'returned';
  return notIn && isAfterDeadline(deadline, today) ? 'late' : stored;
}

/** The day before an ISO date: the last day a person served when the successor starts on `date`. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
