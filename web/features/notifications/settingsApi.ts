import { useQuery } from '@tanstack/react-query';
import {
  DeliveryDto,
  DeliveryListResponse,
  type DeliveryStatus,
  NotificationPreferencesResponse,
  UpdateNotificationPreferencesRequest,
} from '../../../common/schemas/mail';
import { api, checked } from '../../api/client';
import { notificationKeys } from './api';

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: () => api.get('/api/v1/notifications/preferences', NotificationPreferencesResponse),
  });
}

export function useDeliveries(status: DeliveryStatus | 'all') {
  return useQuery({
    queryKey: notificationKeys.deliveries(status),
    queryFn: () =>
      api.get('/api/v1/notifications/deliveries', DeliveryListResponse, {
        status: status === 'all' ? undefined : status,
        limit: 500,
      }),
  });
}

/** The notification settings' writes; the preferences body is checked before it is sent. */
export const notificationSettingsApi = {
  savePreferences: async (body: UpdateNotificationPreferencesRequest) =>
    api.put(
      '/api/v1/notifications/preferences',
      checked(UpdateNotificationPreferencesRequest, body),
      NotificationPreferencesResponse,
    ),
  retry: (id: number) => api.post(`/api/v1/notifications/deliveries/${id}/retry`, {}, DeliveryDto),
};
