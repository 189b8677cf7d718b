import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Skeleton, Switch, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KIND_LABELS } from '../../../common/schemas/mail';
import type { NotificationKind } from '../../../common/schemas/notifications';
import { errorText } from '../../api/client';
import { label } from '../../i18n';
import { notificationKeys } from './api';
import { notificationSettingsApi, useNotificationPreferences } from './settingsApi';

/** 通知设置: e-mail on or off per kind of notification (in-app notifications always arrive). */
export default function PreferencesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const prefs = useNotificationPreferences();
  const [values, setValues] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (prefs.data) setValues(Object.fromEntries(prefs.data.kinds.map((k) => [k.kind, k.email])));
  }, [prefs.data]);
  const save = useMutation({
    mutationFn: () =>
      notificationSettingsApi.savePreferences({
        kinds: Object.entries(values).map(([kind, email]) => ({ kind: kind as NotificationKind, email })),
      }),
    onSuccess: (data) => {
      queryClient.setQueryData(notificationKeys.preferences, data);
      message.success(t('common.saved'));
    },
  });

  type Row = { kind: NotificationKind; label: string; email: boolean };
  const columns: TableColumnsType<Row> = [
    {
      title: t('preferences.kind'),
      key: 'kind',
      render: (_, r) => label(NOTIFICATION_KIND_LABELS[r.kind], lang),
    },
    { title: t('preferences.inApp'), key: 'app', render: () => <Switch size="small" checked disabled /> },
    {
      title: t('preferences.email'),
      key: 'email',
      render: (_, r) => (
        <Switch
          size="small"
          checked={values[r.kind] ?? false}
          onChange={(on) => setValues((v) => ({ ...v, [r.kind]: on }))}
          data-testid={`pref-${r.kind}`}
        />
      ),
    },
  ];

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('preferences.title')}
        </Typography.Title>
      }
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          disabled={!prefs.data}
          onClick={() => save.mutate()}
          data-testid="prefs-save"
        >
          {t('common.save')}
        </Button>
      }
    >
      {prefs.isPending ? <Skeleton active /> : null}
      {prefs.isError ? <Alert type="error" showIcon title={errorText(prefs.error)} /> : null}
      {save.isError ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 12 }} />
      ) : null}
      {prefs.data ? (
        <>
          <Typography.Paragraph type="secondary">
            {prefs.data.email
              ? t('preferences.address', { email: prefs.data.email })
              : t('preferences.noAddress')}
          </Typography.Paragraph>
          {!prefs.data.emailEnabled ? (
            <Alert type="info" showIcon title={t('preferences.emailOff')} style={{ marginBottom: 12 }} />
          ) : null}
          <Table<Row>
            rowKey="kind"
            size="small"
            columns={columns}
            dataSource={prefs.data.kinds}
            pagination={false}
            data-testid="prefs-table"
          />
        </>
      ) : null}
    </Card>
  );
}
