import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ImportNamesResponse,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportRequest,
  ImportResponse,
  type NameResolution,
} from '../../../common/schemas/pairings';
import { api } from '../../api/client';
import { blankToNull, zodRule } from '../../components/formRules';
import { ErrorAlert } from '../../components/QueryStatus';
import { pairingKeys } from './api';
import { FilePicker } from './ImportFilePicker';
import { type GridRow, ImportGrid, keptPairs, rowsFromPreview, type Side } from './ImportGrid';
import { ImportResult } from './ImportResult';
import { type Choice, ResolutionSelect } from './ResolutionSelect';

type Mode = 'text' | 'xlsx' | 'docx';
type Source = { text: string } | { xlsxBase64: string } | { docxBase64: string };

interface ConfirmValues {
  validFrom: number;
  source?: string;
}

const fields = ImportRequest.shape;

/**
 * Import a pairing list: paste a notice (or upload it as sent, or a workbook), check and correct the pairs in
 * the grid, map unknown names, confirm. Nothing is stored before the confirmation, and then all or nothing.
 */
export function ImportDrawer({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<ConfirmValues>();
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ kind: 'xlsx' | 'docx'; name: string; base64: string } | null>(null);
  const [rows, setRows] = useState<GridRow[] | null>(null);
  const [names, setNames] = useState<Record<string, NameResolution>>({});
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [localError, setLocalError] = useState<string | null>(null);

  const learn = (resolutions: NameResolution[]) => {
    setNames((prev) => ({ ...prev, ...Object.fromEntries(resolutions.map((n) => [n.name, n])) }));
    setChoices((prev) => {
      const next = { ...prev };
      for (const n of resolutions)
        if (!n.match && next[n.name] === undefined) next[n.name] = n.suggestion?.id ?? 'new';
      return next;
    });
  };

  const preview = useMutation({
    mutationFn: (source: Source) =>
      api.post('/api/v1/pairings/import/preview', ImportPreviewRequest.parse(source), ImportPreviewResponse),
    onSuccess: (data) => {
      setRows(rowsFromPreview(data));
      setNames({});
      setChoices({});
      learn(data.names);
    },
  });

  const lookUp = useMutation({
    mutationFn: (name: { name: string; side: Side }) =>
      api.post('/api/v1/pairings/import/names', { names: [name] }, ImportNamesResponse),
    onSuccess: (data) => learn(data.names),
  });

  const commit = useMutation({
    mutationFn: (body: ImportRequest) =>
      api.post('/api/v1/pairings/import', ImportRequest.parse(body), ImportResponse),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: pairingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });

  const startOver = useCallback(() => {
    setText('');
    setFile(null);
    setRows(null);
    setNames({});
    setChoices({});
    setLocalError(null);
    preview.reset();
    commit.reset();
  }, [preview.reset, commit.reset]);
  useEffect(() => {
    if (open) startOver();
  }, [open, startOver]);

  // Whatever changes the input makes the preview stale.
  const invalidatePreview = () => {
    setRows(null);
    commit.reset();
  };

  const onPreview = () => {
    setLocalError(null);
    const source: Source | null =
      mode === 'text'
        ? text.trim()
          ? { text }
          : null
        : file && file.kind === mode
          ? mode === 'xlsx'
            ? { xlsxBase64: file.base64 }
            : { docxBase64: file.base64 }
          : null;
    if (!source) {
      setLocalError(t('import.nothingToPreview'));
      return;
    }
    preview.mutate(source);
  };

  const kept = rows ? keptPairs(rows) : [];
  const incomplete = (rows ?? []).some(
    (r) => r.kind === 'pair' && !r.removed && (r.counterpart.trim() === '' || r.department.trim() === ''),
  );
  const keptNames = new Set(kept.flatMap((p) => [p.counterpart, p.department]));
  const unmatched = Object.values(names).filter((n) => !n.match && keptNames.has(n.name));

  const onConfirm = (values: ConfirmValues) => {
    if (kept.length === 0 || incomplete) return;
    const resolve: Record<string, number> = {};
    for (const [name, choice] of Object.entries(choices))
      if (choice !== 'new' && keptNames.has(name)) resolve[name] = choice;
    commit.mutate({ pairs: kept, validFrom: values.validFrom, source: blankToNull(values.source), resolve });
  };

  const nameColumns: TableColumnsType<NameResolution> = [
    {
      title: t('import.nameCol'),
      key: 'name',
      render: (_, n) => (
        <Space size={4} wrap>
          <span data-testid="new-name">{n.name}</span>
          <Tag color="orange">{t('import.newName')}</Tag>
        </Space>
      ),
    },
    {
      title: t('import.sideCol'),
      key: 'side',
      render: (_, n) => (n.side === 'counterpart' ? t('pairings.counterpart') : t('pairings.department')),
    },
    {
      title: t('import.resolution'),
      key: 'resolution',
      render: (_, n) => (
        <ResolutionSelect
          name={n}
          value={choices[n.name] ?? 'new'}
          onChange={(choice) => setChoices((prev) => ({ ...prev, [n.name]: choice }))}
        />
      ),
    },
  ];

  const pairTotal = rows?.filter((r) => r.kind === 'pair' && r.line !== null).length ?? 0;
  const issueTotal = rows?.filter((r) => r.kind === 'issue').length ?? 0;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('import.title')}
      size={screens.md ? 960 : '100%'}
      destroyOnHidden
      data-testid="import-drawer"
    >
      {commit.isSuccess ? (
        // the result stays on screen until the user closes the drawer or starts another import
        <ImportResult result={commit.data} rows={rows ?? []} onClose={onClose} onAgain={startOver} />
      ) : (
        <>
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Segmented<Mode>
              value={mode}
              onChange={(value) => {
                setMode(value);
                invalidatePreview();
              }}
              options={[
                { value: 'text', label: t('import.modeText') },
                { value: 'docx', label: t('import.modeDocx') },
                { value: 'xlsx', label: t('import.modeXlsx') },
              ]}
            />
            {mode === 'text' ? (
              <Input.TextArea
                aria-label={t('import.textLabel')}
                data-testid="import-text"
                rows={8}
                value={text}
                placeholder={t('import.textPlaceholder')}
                onChange={(e) => {
                  setText(e.target.value);
                  invalidatePreview();
                }}
              />
            ) : (
              <FilePicker
                kind={mode}
                file={file?.kind === mode ? file : null}
                onFile={(chosen) => {
                  setLocalError(null);
                  setFile({ kind: mode, ...chosen });
                  invalidatePreview();
                }}
                onError={setLocalError}
              />
            )}
            <Button
              type="primary"
              ghost
              onClick={onPreview}
              loading={preview.isPending}
              data-testid="import-preview"
            >
              {t('import.preview')}
            </Button>
            {localError ? <Alert type="warning" showIcon title={localError} /> : null}
            <ErrorAlert error={preview.error} />
          </Space>

          {rows ? (
            <div data-testid="import-preview-result">
              <Divider titlePlacement="start">{t('import.previewTitle')}</Divider>
              <Typography.Paragraph data-testid="import-count">
                {t('import.pairsCount', { pairs: pairTotal, kept: kept.length, issues: issueTotal })}
              </Typography.Paragraph>
              <ImportGrid
                rows={rows}
                names={names}
                onChange={(next) => {
                  setRows(next);
                  commit.reset();
                }}
                onNameSettled={(name, side) => {
                  if (!names[name]) lookUp.mutate({ name, side });
                }}
              />
              {unmatched.length > 0 ? (
                <>
                  <Divider titlePlacement="start">{t('import.names')}</Divider>
                  <Table<NameResolution>
                    rowKey={(n) => `${n.side}:${n.name}`}
                    size="small"
                    columns={nameColumns}
                    dataSource={unmatched}
                    pagination={false}
                    scroll={{ x: 'max-content' }}
                    data-testid="import-names"
                  />
                </>
              ) : null}
              <Divider />
              <Form<ConfirmValues>
                form={form}
                layout="inline"
                onFinish={onConfirm}
                initialValues={{ validFrom: year }}
                style={{ rowGap: 12 }}
              >
                <Form.Item
                  name="validFrom"
                  label={t('import.validFrom')}
                  rules={[zodRule(fields.validFrom, t('import.validFrom'), t)]}
                >
                  <InputNumber
                    min={1949}
                    max={2100}
                    precision={0}
                    style={{ width: 120 }}
                    data-testid="import-valid-from"
                  />
                </Form.Item>
                <Form.Item
                  name="source"
                  label={t('import.source')}
                  rules={[zodRule(fields.source, t('import.source'), t)]}
                >
                  <Input
                    placeholder={t('pairings.sourcePlaceholder')}
                    style={{ width: 220 }}
                    data-testid="import-source"
                  />
                </Form.Item>
                <Form.Item>
                  <Button
                    type="primary"
                    htmlType="submit"
                    disabled={kept.length === 0 || incomplete}
                    loading={commit.isPending}
                    data-testid="import-confirm"
                  >
                    {t('import.confirm')}
                  </Button>
                </Form.Item>
                {kept.length === 0 ? (
                  <Typography.Text type="danger">{t('import.nothingToImport')}</Typography.Text>
                ) : null}
                {incomplete ? (
                  <Typography.Text type="danger">{t('import.incomplete')}</Typography.Text>
                ) : null}
              </Form>
              <ErrorAlert error={commit.error} style={{ marginTop: 12 }} />
            </div>
          ) : null}
        </>
      )}
    </Drawer>
  );
}
