import { Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { yearInForce, yearOptions } from './years';

/**
 * The year chooser of the yearly pages: from 2019 (the first pairing list) to next year, labelled "年度"
 * unless `label` is false. `years` replaces the offered years (e.g. only the years that have pairings);
 * while they load, `loading` and no `value` yet.
 */
export function YearSelect({
  value,
  onChange,
  testId,
  label = true,
  years,
  loading,
}: {
  value: number | undefined;
  onChange: (year: number) => void;
  testId?: string;
  label?: boolean;
  years?: number[];
  loading?: boolean;
}) {
  const { t } = useTranslation();
  const options = years
    ? years.map((y) => ({ value: y, label: t('common.yearSuffix', { year: y }) }))
    : yearOptions(value ?? yearInForce(), t);
  const select = (
    <Select<number>
      style={{ width: 110 }}
      loading={loading}
      value={value}
      options={options}
      onChange={(v) => onChange(v)}
      aria-label={t('pairings.year')}
      data-testid={testId}
    />
  );
  if (!label) return select;
  return (
    <Space>
      <Typography.Text>{t('pairings.year')}</Typography.Text>
      {select}
    </Space>
  );
}
