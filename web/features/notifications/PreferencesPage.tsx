import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Switch, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_KIND_LABELS } from '../../../common/schemas/mail';
import type { NotificationKind } from '../../../common/schemas/notifications';
import { DetailTable } from '../../components/ListPage';
import { PageCard } from '../../components/PageCard';
import { ErrorAlert, QueryStatus } from '../../components/QueryStatus';
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
    {
      title: t('preferences.inApp'),
      key: 'app',
      render: (_, r) => (
        <Switch
          size="small"
          checked
          disabled
          aria-label={`${label(NOTIFICATION_KIND_LABELS[r.kind], lang)} · ${t('preferences.inApp')}`}
        />
      ),
    },
    {
      title: t('preferences.email'),
      key: 'email',
      render: (_, r) => (
        <Switch
          size="small"
          checked={values[r.kind] ?? false}
          onChange={(on) => setValues((v) => ({ ...v, [r.kind]: on }))}
          aria-label={`${label(NOTIFICATION_KIND_LABELS[r.kind], lang)} · ${t('preferences.email')}`}
          data-testid={`pref-${r.kind}`}
        />
      ),
    },
  ];

  return (
    <PageCard
      title={t('preferences.title')}
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
      <QueryStatus query={prefs} />
      <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
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
          <DetailTable<Row>
            rowKey="kind"
            columns={columns}
            dataSource={prefs.data.kinds}
            data-testid="prefs-table"
          />
        </>
      ) : null}
    </PageCard>
  );
}
