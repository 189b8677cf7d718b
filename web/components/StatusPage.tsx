import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export type StatusKind = '403' | '404' | 'error' | 'info';

/** Full-page states (403, 404, load failures). Loaded lazily: antd's Result carries large illustrations. */
export default function StatusPage({
  kind,
  title,
  subTitle,
  extra,
}: {
  kind: StatusKind;
  title: string;
  subTitle?: string;
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const home =
    kind === '403' || kind === '404' ? (
      <Link to="/">
        <Button type="primary">{t('app.backHome')}</Button>
      </Link>
    ) : undefined;
  return <Result status={kind} title={title} subTitle={subTitle} extra={extra ?? home} />;
}
