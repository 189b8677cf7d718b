import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

/**
 * The one picker for a date and time to the minute (a meeting's start, a decision's moment), full width.
 * `pastOnly`: what has already happened (held, decided) — no day after today can be picked.
 */
export function DateTimePicker({ pastOnly, ...props }: DatePickerProps & { pastOnly?: boolean }) {
  return (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      style={{ width: '100%' }}
      disabledDate={pastOnly ? (d) => d.isAfter(dayjs(), 'day') : undefined}
      {...props}
    />
  );
}
