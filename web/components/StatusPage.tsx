import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AntdProvider } from './AntdProvider';

export type StatusKind = '403' | '404' | 'error' | 'info';

/** Full-page states (403, 404, load failures). Loaded lazily: antd's Result carries large illustrations. */
export default function StatusPage({
  kind,
  title,
  subTitle,
  onRetry,
}: {
  kind: StatusKind;
  title: string;
  subTitle?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const extra = onRetry ? (
    <Button onClick={onRetry}>{t('app.retry')}</Button>
  ) : kind === '403' || kind === '404' ? (
    <Link to="/">
      <Button type="primary">{t('app.backHome')}</Button>
    </Link>
  ) : undefined;
  // Also shown outside the shell (a failed session check), so it brings its own antd context.
  return (
    <AntdProvider>
      <Result status={kind} title={title} subTitle={subTitle} extra={extra} />
    </AntdProvider>
  );
}
