import { useQuery } from '@tanstack/react-query';
import { CalendarResponse, FeedTokenResponse } from '../../../common/schemas/calendar';
import { api } from '../../api/client';

export const calendarKeys = {
  all: ['calendar'] as const,
  range: (from: string, to: string) => ['calendar', from, to] as const,
};

/** The events between two dates (inclusive), the user's scope. */
export function useCalendarRange(range: { from: string; to: string }) {
  return useQuery({
    queryKey: calendarKeys.range(range.from, range.to),
    queryFn: () => api.get('/api/v1/calendar', CalendarResponse, range),
    placeholderData: (previous) => previous,
  });
}

export const calendarApi = {
  /** a new secret iCal URL (the old one stops working) */
  newFeedToken: () => api.post('/api/v1/calendar/feed-token', {}, FeedTokenResponse),
};
