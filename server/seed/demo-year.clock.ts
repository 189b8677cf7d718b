// The demo year's clock: the story's nominal instants and the real ones they are squeezed into.
import { shanghaiDate } from '../../common/shanghai-time.js';
import { addWorkingDays, isWorkingDay } from '../../common/working-days.js';
import type { When } from './demo-year-content.js';

// The story is written for a run in late November (AS_OF): everything before it has happened, a few things
// are still ahead in December. Run earlier in the year, the whole story is squeezed into the days that have
// passed (and what lies ahead into the rest of the year), so a demo can be seeded any day.

export const AS_OF = '11-26';
export const DAY = 86_400_000;
const MARGIN = 10 * 60_000;

export interface Clock {
  year: number;
  compressed: boolean;
  /** a nominal instant of the story: 'MM-DD HH:mm' ('MM-DD' at `time`) */
  at(when: When, time?: string): number;
  /** the real instant of a nominal one */
  iso(t: number): string;
  /** the Asia/Shanghai date of a nominal instant, as it happens */
  date(t: number): string;
  /** whether a nominal instant has passed */
  past(t: number): boolean;
  /** `days` working days after a nominal instant, at a time of day */
  workdaysAfter(t: number, days: number, time: string): number;
  /** the first working day on or after a nominal instant (same time of day) */
  onWorkday(t: number): number;
  /** a nominal instant, but no later than the story's end: when things ahead were entered */
  ahead(t: number): number;
  /** '2026年3月10日' of a nominal instant, as it happens */
  cn(t: number): string;
  /** a nominal instant back as 'MM-DD HH:mm' */
  when(t: number): When;
}

export function makeClock(year: number, nowMs: number): Clock {
  const start = Date.parse(`${year}-01-01T00:00:00+08:00`);
  const end = Date.parse(`${year + 1}-01-01T00:00:00+08:00`) - 60_000;
  const asOf = Date.parse(`${year}-${AS_OF}T18:00:00+08:00`);
  const compressed = nowMs < asOf + MARGIN;
  const usable = Math.max(nowMs - MARGIN, start + 60_000);
  const real = (t: number): number => {
    if (!compressed) return t;
    const r =
      t <= asOf
        ? start + ((t - start) * (usable - start)) / (asOf - start)
        : nowMs + MARGIN + ((t - asOf) * Math.max(end - nowMs - MARGIN, 0)) / (end - asOf);
    return Math.floor(r / 60_000) * 60_000;
  };
  const nominalDate = (t: number) => shanghaiDate(new Date(t).toISOString());
  const at = (when: When, time = '09:00') =>
    Date.parse(`${year}-${(when.length === 5 ? `${when} ${time}` : when).replace(' ', 'T')}:00+08:00`);
  return {
    year,
    compressed,
    at,
    iso: (t) => new Date(real(t)).toISOString(),
    date: (t) => shanghaiDate(new Date(real(t)).toISOString()),
    past: (t) => real(t) <= nowMs - MARGIN,
    workdaysAfter: (t, days, time) => at(addWorkingDays(nominalDate(t), days).slice(5), time),
    onWorkday: (t) => {
      let x = t;
      while (!isWorkingDay(nominalDate(x))) x += DAY;
      return x;
    },
    ahead: (t) => Math.min(t, asOf - 3600_000),
    when: (t) => new Date(t + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' '),
    cn: (t) => {
      const [y, m, d] = shanghaiDate(new Date(real(t)).toISOString())
        .split('-')
        .map(Number);
      return `${y}年${m}月${d}日`;
    },
  };
}
