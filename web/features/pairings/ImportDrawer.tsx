import { FileExcelOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
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
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ImportNamesResponse,
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportRequest,
  ImportResponse,
  type NameResolution,
} from '../../../common/schemas/pairings';
import { UPLOADS } from '../../../common/uploads';
import { api } from '../../api/client';
import { readAsBase64, refuseFile } from '../../components/files';
import { blankToNull, zodRule } from '../../components/formRules';
import { ErrorAlert } from '../../components/QueryStatus';
import { useOrganisationOptions } from '../organisations/api';
import { pairingKeys } from './api';
import { type GridRow, ImportGrid, keptPairs, rowsFromPreview, type Side } from './ImportGrid';

type Mode = 'text' | 'xlsx' | 'docx';
type Source = { text: string } | { xlsxBase64: string } | { docxBase64: string };
/** For each name without an exact match: an organisation id, or 'new' to create one. */
type Choice = number | 'new';

interface ConfirmValues {
  validFrom: number;
  source?: string;
}

const fields = ImportRequest.shape;

function ResolutionSelect({
  name,
  value,
  onChange,
}: {
  name: NameResolution;
  value: Choice;
  onChange: (choice: Choice) => void;
}) {
  const { t } = useTranslation();
  const existing = useOrganisationOptions(name.side);
  const options = useMemo(() => {
    const list: { value: Choice; label: string }[] = [
      { value: 'new', label: t('import.createNew', { name: name.name }) },
    ];
    if (name.suggestion) {
      list.push({
        value: name.suggestion.id,
        label: `${t('import.useExisting', { name: name.suggestion.name })}（${t('import.suggestion', {
          score: Math.round(name.suggestion.score * 100), // the server's score is 0–1
        })}）`,
      });
    }
    for (const o of existing.data ?? []) {
      if (o.value !== name.suggestion?.id)
        list.push({ value: o.value, label: t('import.useExisting', { name: o.label }) });
    }
    return list;
  }, [existing.data, name, t]);
  return (
    <Select<Choice>
      style={{ width: '100%', minWidth: 260 }}
      value={value}
      options={options}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      loading={existing.isPending}
    />
  );
}

/** Upload control for one file kind, read as base64. */
function FilePicker({
  kind,
  file,
  onFile,
  onError,
}: {
  kind: 'xlsx' | 'docx';
  file: { name: string; base64: string } | null;
  onFile: (file: { name: string; base64: string }) => void;
  /** a refusal or read failure, said in the UI's language */
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const accept =
    kind === 'xlsx'
      ? '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : '.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return (
    <Space orientation="vertical">
      <Typography.Text type="secondary">
        {kind === 'xlsx' ? t('import.xlsxHint') : t('import.docxHint')}
      </Typography.Text>
      <Upload
        accept={accept}
        showUploadList={false}
        maxCount={1}
        beforeUpload={(chosen) => {
          // a wrong type or a file over the server's limit is refused here, before it is read or sent
          const refused = refuseFile(chosen, kind === 'xlsx' ? UPLOADS.importXlsx : UPLOADS.importDocx, t);
          if (refused) {
            onError(refused);
            return false;
          }
          readAsBase64(chosen)
            .then((base64) => onFile({ name: chosen.name, base64 }))
            .catch(() => onError(t('import.readFailed')));
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} data-testid={`import-choose-${kind}`}>
          {kind === 'xlsx' ? t('import.chooseFile') : t('import.chooseDocx')}
        </Button>
      </Upload>
      {file ? (
        <Typography.Text>
          {kind === 'xlsx' ? (
            <FileExcelOutlined style={{ color: '#237804' }} />
          ) : (
            <FileWordOutlined style={{ color: '#1d39c4' }} />
          )}{' '}
          {t('import.fileChosen', { name: file.name })}
        </Typography.Text>
      ) : null}
    </Space>
  );
}

/**
 * What an import did, kept in the drawer until the user closes it: pairs created, pairs already there (not
 * imported twice), pairs the user removed, units and aliases created, and each line of the notice that could
 * not be read (nothing of it was imported).
 */
function ImportResult({
  result,
  rows,
  onClose,
  onAgain,
}: {
  result: ImportResponse;
  rows: GridRow[];
  onClose: () => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const removed = rows.filter((r) => r.kind === 'pair' && r.removed).length;
  const unread = rows.flatMap((r) => (r.kind === 'issue' ? [r] : []));
  return (
    <Alert
      type={unread.length > 0 ? 'warning' : 'success'}
      showIcon
      data-testid="import-result"
      title={t('import.resultTitle')}
      description={
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <div>
            {t('import.result', {
              created: result.created,
              alreadyPresent: result.alreadyPresent,
              orgs: result.organisationsCreated.length,
              aliases: result.aliasesAdded,
            })}
          </div>
          {result.organisationsCreated.length > 0 ? (
            <div>
              {t('import.resultOrgs', { names: result.organisationsCreated.map((o) => o.name).join('、') })}
            </div>
          ) : null}
          {removed > 0 ? (
            <div data-testid="import-result-removed">{t('import.resultRemoved', { count: removed })}</div>
          ) : null}
          {unread.length > 0 ? (
            <div data-testid="import-result-lines">
              <div>{t('import.resultLines', { count: unread.length })}</div>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {unread.map((r) => (
                  <li key={r.key} style={{ wordBreak: 'break-word' }}>
                    {t('import.resultLine', { line: r.line, text: r.text, message: r.message })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Space wrap>
            <Button type="primary" onClick={onClose} data-testid="import-result-close">
              {t('common.close')}
            </Button>
            <Button onClick={onAgain} data-testid="import-again">
              {t('import.again')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}

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
