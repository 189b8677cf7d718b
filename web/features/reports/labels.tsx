import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { REPORT_STATUS_LABELS, type ReportStatus } from '../../../common/schemas/reports';
import { label } from '../../i18n';

const COLORS: Record<ReportStatus, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'blue',
  returned: 'error',
  accepted: 'success',
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="report-status">
      {label(REPORT_STATUS_LABELS[status], i18n.language === 'en' ? 'en' : 'zh-CN')}
    </Tag>
  );
}

/** Days to the deadline, red once past it with the report not in. */
export function DaysLeft({ item }: { item: { status: ReportStatus; daysLeft: number; overdue: boolean } }) {
  const { t } = useTranslation();
  if (item.status === 'submitted' || item.status === 'accepted') return <>—</>;
  if (item.daysLeft < 0) return <Tag color="red">{t('reports.overdueDays', { days: -item.daysLeft })}</Tag>;
  return (
    <Tag color={item.daysLeft <= 7 ? 'orange' : 'default'}>
      {t('reports.daysLeftN', { days: item.daysLeft })}
    </Tag>
  );
}
