import type { Dayjs } from 'dayjs';
import { aheadProblem } from '../../common/date-rules';
import { shanghaiDate } from '../../common/shanghai-time';

/**
 * A DatePicker's `disabledDate` for a deadline or a planned date: the days the server would refuse (already
 * past, or more than a year ahead — common/date-rules.ts) are greyed out, so nobody picks one by mistake.
 */
export const notAhead = (day: Dayjs): boolean =>
  aheadProblem(day.format('YYYY-MM-DD'), shanghaiDate(new Date().toISOString())) !== null;
