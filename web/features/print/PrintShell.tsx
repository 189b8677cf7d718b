import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../api/client';
import './print.css';

/**
 * A print view: a toolbar (打印, back to the page it came from) that does not print, over the pages laid out per
 * GB/T 9704 (print.css). Outside the app's shell, so nothing but the document prints.
 */
export function PrintShell({
  back,
  loading,
  error,
  children,
}: {
  back: string;
  loading: boolean;
  error: unknown;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="gb-print">
      <div className="gb-print-toolbar">
        <Link to={back}>
          <Button icon={<ArrowLeftOutlined />}>{t('print.back')}</Button>
        </Link>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={loading || Boolean(error)}
          onClick={() => window.print()}
          data-testid="print-button"
        >
          {t('print.print')}
        </Button>
      </div>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ margin: 16 }} /> : null}
      {loading ? (
        <div className="gb-page">
          <Skeleton active />
        </div>
      ) : (
        children
      )}
    </div>
  );
}
