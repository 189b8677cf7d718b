import { PlusOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../common/roles';
import { useCurrentUser } from './guards';

/** The primary "new …" button of a page or a card. */
export function AddButton({
  onClick,
  testId,
  size,
  children,
}: {
  onClick: () => void;
  testId?: string;
  size?: 'small';
  children: ReactNode;
}) {
  return (
    <Button size={size} type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {children}
    </Button>
  );
}

type Side = 'department' | 'counterpart';

/** A 部门 sees only its own records, a 联系对象 only its own: neither has a filter on its own side. */
export function hasUnitFilter(role: Role, side: Side): boolean {
  return role !== side;
}

/** A filter by one 部门 or one 联系对象 (searchable, cleared: all of them); none on the user's own side. */
export function UnitFilter({
  side,
  value,
  options,
  onChange,
  loading,
  testId,
}: {
  side: Side;
  value: number | undefined;
  options: { value: number; label: string }[];
  onChange: (value: number | undefined) => void;
  loading?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!hasUnitFilter(user.role, side)) return null;
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 200 }}
      placeholder={side === 'department' ? t('ledger.departmentAll') : t('ledger.counterpartAll')}
      aria-label={side === 'department' ? t('ledger.departmentAll') : t('ledger.counterpartAll')}
      loading={loading}
      value={value}
      options={options}
      onChange={onChange}
      data-testid={testId}
    />
  );
}
