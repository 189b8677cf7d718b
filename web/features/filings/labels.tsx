import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilingStatus } from '../../../common/filings';

const COLORS: Record<FilingStatus, string> = {
  not_started: 'default',
  draft: 'gold',
  submitted: 'processing',
  returned: 'orange',
  filed: 'success',
  late: 'error',
};

/** 未开始 / 草稿 / 已提交 / 已退回 / 已备案 / 逾期 */
export function FilingStatusTag({ status }: { status: FilingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="filing-status">
      {t(`filings.statuses.${status}`)}
    </Tag>
  );
}
