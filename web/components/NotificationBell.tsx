import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationDto, NotificationListResponse } from '../../common/schemas/notifications';
import { api, errorText, type Parser } from '../api/client';
import { formatDateTime } from './format';

const KEY = ['notifications'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The answer checked by hand: the bell is in the shell every page loads, which does not carry zod
 * (the shape is common/schemas/notifications.ts).
 */
const ListShape: Parser<NotificationListResponse> = {
  parse(input) {
    if (
      isRecord(input) &&
      typeof input.unread === 'number' &&
      Array.isArray(input.items) &&
      input.items.every(
        (n) =>
          isRecord(n) &&
          typeof n.id === 'number' &&
          typeof n.title === 'string' &&
          typeof n.body === 'string' &&
          typeof n.createdAt === 'string' &&
          (n.readAt === null || typeof n.readAt === 'string') &&
          (n.link === null || typeof n.link === 'string'),
      )
    ) {
      return input as NotificationListResponse;
    }
    throw new Error('not a NotificationListResponse');
  },
};

const Anything: Parser<unknown> = { parse: (input) => input };

/** The header's bell: unread count, the latest notifications, open one (marks it read), mark all read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => api.get('/api/v1/notifications', ListShape, { limit: 20 }),
    refetchInterval: 60_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: KEY });
  const markRead = useMutation({
    mutationFn: (id: number) => api.post(`/api/v1/notifications/${id}/read`, {}, Anything),
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: () => api.post('/api/v1/notifications/read-all', {}, Anything),
    onSuccess: refresh,
  });

  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const openOne = (n: NotificationDto) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link) navigate(n.link);
  };

  const panel = (
    <div className="liaison-notifications" data-testid="notification-panel">
      <div className="liaison-notifications-head">
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t('notifications.markAll')}
        </Button>
      </div>
      {list.isError ? <Typography.Text type="danger">{errorText(list.error)}</Typography.Text> : null}
      {items.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '16px 0', textAlign: 'center' }}>
          {t('notifications.empty')}
        </Typography.Paragraph>
      ) : (
        <ul>
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? undefined : 'unread'}>
              <button type="button" onClick={() => openOne(n)} data-testid="notification-item">
                <span className="liaison-notifications-title">{n.title}</span>
                <span className="liaison-notifications-body">{n.body}</span>
                <span className="liaison-notifications-time">{formatDateTime(n.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );

  return (
    <Dropdown trigger={['click']} open={open} onOpenChange={setOpen} popupRender={() => panel}>
      <Button type="text" aria-label={t('notifications.title')} data-testid="notification-bell">
        <Badge count={unread} size="small" offset={[4, -2]} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
