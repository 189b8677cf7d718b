import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationDto } from '../../common/schemas/notifications';
import { errorText } from '../api/client';
import { notificationApi, notificationKeys } from '../features/notifications/api';
import { formatDateTime } from './format';

/** The header's bell: unread count, the latest notifications, open one (marks it read), mark all read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: notificationKeys.all,
    queryFn: notificationApi.latest,
    refetchInterval: 60_000,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const markRead = useMutation({
    mutationFn: notificationApi.markRead,
    onSuccess: refresh,
  });
  const markAll = useMutation({
    mutationFn: notificationApi.markAllRead,
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
      <Button
        type="text"
        // the badge's number is the button's visible text: the name carries it too (WCAG 2.5.3)
        aria-label={
          unread > 0
            ? `${t('notifications.title')} ${unread > 99 ? '99+' : unread}`
            : t('notifications.title')
        }
        data-testid="notification-bell"
      >
        <Badge count={unread} size="small" offset={[4, -2]} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
