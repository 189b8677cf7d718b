import { CheckOutlined } from '@ant-design/icons';
import { Empty, Skeleton, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ref } from '../../../common/schemas/shared';
import { DetailTable } from '../../components/ListPage';
import { ErrorAlert } from '../../components/QueryStatus';
import { usePairingMatrix } from './api';

interface Row {
  department: Ref;
  /** counterpartId → shared? for the pairings in force */
  cells: Map<number, boolean>;
}

/** Departments as rows, counterparts as columns, a mark where a pairing is in force in the year. */
export function PairingMatrix({ year }: { year: number | null }) {
  const { t } = useTranslation();
  const matrix = usePairingMatrix(year, true);

  const rows = useMemo<Row[]>(() => {
    if (!matrix.data) return [];
    const byDepartment = new Map<number, Map<number, boolean>>();
    for (const cell of matrix.data.cells) {
      const cells = byDepartment.get(cell.departmentId) ?? new Map<number, boolean>();
      cells.set(cell.counterpartId, cell.shared);
      byDepartment.set(cell.departmentId, cells);
    }
    return matrix.data.departments.map((department) => ({
      department,
      cells: byDepartment.get(department.id) ?? new Map<number, boolean>(),
    }));
  }, [matrix.data]);

  if (matrix.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (matrix.isError) return <ErrorAlert error={matrix.error} />;
  const { counterparts, departments } = matrix.data;
  if (departments.length === 0) return <Empty description={t('app.empty')} />;

  const columns: TableColumnsType<Row> = [
    {
      title: t('pairings.matrixDepartment'),
      key: 'department',
      fixed: 'left',
      render: (_, row) => <span data-testid="matrix-department">{row.department.name}</span>,
    },
    ...counterparts.map((c): TableColumnsType<Row>[number] => ({
      title: c.name,
      key: `c${c.id}`,
      align: 'center',
      render: (_, row) => {
        const shared = row.cells.get(c.id);
        if (shared === undefined) return null;
        return shared ? (
          <Tag color="purple" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }}>
            {t('pairings.shared')}
          </Tag>
        ) : (
          <Tag color="green" style={{ marginInlineEnd: 0 }} aria-label={`${c.name} — ${row.department.name}`}>
            <CheckOutlined />
          </Tag>
        );
      },
    })),
    {
      title: t('pairings.matrixCount'),
      key: 'count',
      align: 'center',
      render: (_, row) => row.cells.size,
    },
  ];

  return (
    <div data-testid="pairing-matrix" className="pairing-matrix">
      <Typography.Paragraph type="secondary">
        {t('pairings.matrixCaption', {
          year: matrix.data.year,
          departments: departments.length,
          counterparts: counterparts.length,
        })}
      </Typography.Paragraph>
      <DetailTable<Row> rowKey={(row) => row.department.id} bordered columns={columns} dataSource={rows} />
    </div>
  );
}
