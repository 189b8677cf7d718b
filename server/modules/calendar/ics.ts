// A minimal iCalendar (RFC 5545) writer: CRLF line ends, lines folded at 75 octets without splitting a
// UTF-8 character, TEXT values escaped (\ ; , and newlines), UTC times (…Z) and all-day DATE values.

export interface IcsEvent {
  uid: string;
  /** ISO instant, or YYYY-MM-DD for an all-day event */
  start: string;
  end: string | null;
  allDay: boolean;
  summary: string;
  location: string | null;
  description: string | null;
  /** when the event last changed (ISO instant): DTSTAMP and LAST-MODIFIED */
  stamp: string;
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

/** TEXT escaping of RFC 5545 §3.3.11. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold a content line into chunks of at most 75 octets; continuation lines begin with one space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** 2026-03-02T01:00:00.000Z → 20260302T010000Z */
export const utcStamp = (iso: string): string =>
  `${new Date(iso).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

const dateValue = (date: string): string => date.replace(/-/g, '');

const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function renderIcs(calendarName: string, events: readonly IcsEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//liaison//对口联系//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${utcStamp(e.stamp)}`);
    if (e.allDay) {
      lines.push(`DTSTART;VALUE=DATE:${dateValue(e.start)}`);
      lines.push(`DTEND;VALUE=DATE:${dateValue(nextDay(e.end ?? e.start))}`);
    } else {
      lines.push(`DTSTART:${utcStamp(e.start)}`);
      if (e.end) lines.push(`DTEND:${utcStamp(e.end)}`);
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push(`STATUS:${e.status ?? 'CONFIRMED'}`, `LAST-MODIFIED:${utcStamp(e.stamp)}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
