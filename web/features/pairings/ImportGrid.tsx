import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Input, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportPreviewResponse, NameResolution } from '../../../common/schemas/pairings';

/** A pair of the preview as the user is editing it, or a line the reader did not understand (shown in place). */
export type GridRow =
  | {
      key: string;
      kind: 'pair';
      counterpart: string;
      department: string;
      /** null for a pair added by hand */
      line: number | null;
      source: string;
      shared: boolean;
      removed: boolean;
    }
  | { key: string; kind: 'issue'; line: number; text: string; message: string };

export type Side = NameResolution['side'];

/** The preview's pairs and unread lines, in the order of the notice's lines. */
export function rowsFromPreview(data: ImportPreviewResponse): GridRow[] {
  const pairs: GridRow[] = data.pairs.map((p, i) => ({ key: `p${i}`, kind: 'pair', ...p, removed: false }));
  const issues: GridRow[] = data.issues.map((issue, i) => ({ key: `i${i}`, kind: 'issue', ...issue }));
  return [...pairs, ...issues].sort(
    (a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER),
  );
}

/** The pairs the user keeps: not removed, both names filled in. */
export function keptPairs(rows: GridRow[]) {
  return rows.flatMap((r) =>
    r.kind === 'pair' && !r.removed && r.counterpart.trim() !== '' && r.department.trim() !== ''
      ? [{ counterpart: r.counterpart.trim(), department: r.department.trim(), shared: r.shared }]
      : [],
  );
}

function MatchTag({ resolution }: { resolution: NameResolution | undefined }) {
  const { t } = useTranslation();
  if (!resolution) return null;
  return resolution.match ? (
    <Tag color="green">{t('import.matched')}</Tag>
  ) : (
    <Tag color="orange">{t('import.newName')}</Tag>
  );
}

/**
 * The editable preview: every pair with the words it came from; the user corrects names, removes or restores
 * pairs and adds missing ones. Lines not understood stand where they were in the notice, with the reason.
 */
export function ImportGrid({
  rows,
  names,
  onChange,
  onNameSettled,
}: {
  rows: GridRow[];
  names: Record<string, NameResolution>;
  onChange: (rows: GridRow[]) => void;
  /** a name was typed or corrected: look it up */
  onNameSettled: (name: string, side: Side) => void;
}) {
  const { t } = useTranslation();
  const update = (key: string, change: Partial<Extract<GridRow, { kind: 'pair' }>>) =>
    onChange(rows.map((r) => (r.key === key && r.kind === 'pair' ? { ...r, ...change } : r)));
  const spanIssue = (row: GridRow) => ({ colSpan: row.kind === 'issue' ? 0 : 1 });

  const nameCell = (side: Side) => (_: unknown, row: GridRow, index: number) => {
    if (row.kind !== 'pair') return null;
    const value = side === 'counterpart' ? row.counterpart : row.department;
    return (
      <Space size={4} wrap>
        <Input
          size="small"
          value={value}
          disabled={row.removed}
          status={value.trim() === '' ? 'error' : undefined}
          aria-label={side === 'counterpart' ? t('pairings.counterpart') : t('pairings.department')}
          data-testid={`grid-${side}-${index}`}
          style={{ width: 150 }}
          onChange={(e) =>
            update(
              row.key,
              side === 'counterpart' ? { counterpart: e.target.value } : { department: e.target.value },
            )
          }
          onBlur={() => value.trim() !== '' && onNameSettled(value.trim(), side)}
        />
        <MatchTag resolution={names[value.trim()]} />
      </Space>
    );
  };

  const columns: TableColumnsType<GridRow> = [
    {
      title: t('import.lineCol'),
      key: 'line',
      width: 56,
      render: (_, row) =>
        row.kind === 'pair' && row.line === null ? <Tag>{t('import.added')}</Tag> : row.line,
    },
    {
      title: t('pairings.counterpart'),
      key: 'counterpart',
      onCell: (row) => ({ colSpan: row.kind === 'issue' ? 4 : 1 }),
      render: (_, row, index) =>
        row.kind === 'issue' ? (
          <Space orientation="vertical" size={0} data-testid="grid-issue">
            <Typography.Text type="danger">{t('import.notRead', { message: row.message })}</Typography.Text>
            <Typography.Text code>{row.text}</Typography.Text>
          </Space>
        ) : (
          nameCell('counterpart')(_, row, index)
        ),
    },
    { title: t('pairings.department'), key: 'department', onCell: spanIssue, render: nameCell('department') },
    {
      title: t('import.sourceCol'),
      key: 'source',
      onCell: spanIssue,
      render: (_, row) =>
        row.kind === 'pair' ? (
          <Space size={4}>
            {row.shared ? <Tag color="blue">{t('import.shared')}</Tag> : null}
            <Tooltip title={row.source}>
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 180 }}>
                {row.source}
              </Typography.Text>
            </Tooltip>
          </Space>
        ) : null,
    },
    {
      key: 'action',
      width: 90,
      onCell: spanIssue,
      render: (_, row, index) =>
        row.kind !== 'pair' ? null : row.removed ? (
          <Button
            size="small"
            icon={<UndoOutlined />}
            onClick={() => update(row.key, { removed: false })}
            data-testid={`grid-restore-${index}`}
          >
            {t('import.restore')}
          </Button>
        ) : (
          <Button
            size="small"
            danger
            icon={<DeleteOutlined />}
            onClick={() => update(row.key, { removed: true })}
            data-testid={`grid-remove-${index}`}
          >
            {t('import.remove')}
          </Button>
        ),
    },
  ];

  const addPair = () =>
    onChange([
      ...rows,
      {
        key: `a${Date.now()}`,
        kind: 'pair',
        counterpart: '',
        department: '',
        line: null,
        source: '',
        shared: false,
        removed: false,
      },
    ]);

  return (
    <>
      <Table<GridRow>
        rowKey="key"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content', y: 480 }}
        data-testid="import-pairs"
      />
      <Button icon={<PlusOutlined />} onClick={addPair} style={{ marginTop: 8 }} data-testid="grid-add">
        {t('import.addPair')}
      </Button>
    </>
  );
}
