import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
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
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportRequest,
  ImportResponse,
  type NameResolution,
} from '../../../common/schemas/pairings';
import { api, errorText } from '../../api/client';
import { blankToNull, zodRule } from '../../components/formRules';
import { pairingKeys, useOrganisationOptions } from './api';

type Mode = 'text' | 'xlsx';
type Source = { text: string } | { xlsxBase64: string };
/** For each name without an exact match: an organisation id, or 'new' to create one. */
type Choice = number | 'new';

interface ConfirmValues {
  validFrom: number;
  source?: string;
}

const fields = ImportRequest.shape;

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function IssueList({ issues, type }: { issues: ImportPreviewResponse['errors']; type: 'error' | 'warning' }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 12 }}
      title={type === 'error' ? t('import.errors') : t('import.warnings')}
      data-testid={type === 'error' ? 'import-errors' : 'import-warnings'}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {issues.map((issue) => (
            <li key={`${issue.line}-${issue.code}-${issue.text}`}>
              <Typography.Text type={type === 'error' ? 'danger' : 'warning'}>
                {t('import.lineIssue', { line: issue.line, message: issue.message })}
              </Typography.Text>
              {issue.text ? (
                <Typography.Text code style={{ marginInlineStart: 6 }}>
                  {issue.text}
                </Typography.Text>
              ) : null}
            </li>
          ))}
        </ul>
      }
    />
  );
}

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

/** Import a pairing list: paste a notice's text or upload a two-column workbook, preview, resolve names, confirm. */
export function ImportDrawer({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<ConfirmValues>();
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [previewed, setPreviewed] = useState<{ source: Source; data: ImportPreviewResponse } | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [localError, setLocalError] = useState<string | null>(null);

  const preview = useMutation({
    mutationFn: (source: Source) =>
      api.post('/api/v1/pairings/import/preview', ImportPreviewRequest.parse(source), ImportPreviewResponse),
    onSuccess: (data, source) => {
      setPreviewed({ source, data });
      const initial: Record<string, Choice> = {};
      for (const n of data.names) if (!n.match) initial[n.name] = n.suggestion?.id ?? 'new';
      setChoices(initial);
    },
  });

  const commit = useMutation({
    mutationFn: (body: ImportRequest) =>
      api.post('/api/v1/pairings/import', ImportRequest.parse(body), ImportResponse),
    onSuccess: (result) => {
      message.success(
        t('import.result', {
          created: result.created,
          alreadyPresent: result.alreadyPresent,
          orgs: result.organisationsCreated.length,
          aliases: result.aliasesAdded,
        }),
      );
      void queryClient.invalidateQueries({ queryKey: pairingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });

  useEffect(() => {
    if (open) {
      setText('');
      setFile(null);
      setPreviewed(null);
      setChoices({});
      setLocalError(null);
      preview.reset();
      commit.reset();
    }
  }, [open, preview.reset, commit.reset]);

  // Whatever changes the input makes the preview stale.
  const invalidatePreview = () => {
    setPreviewed(null);
    commit.reset();
  };

  const onPreview = () => {
    setLocalError(null);
    const source: Source | null =
      mode === 'text' ? (text.trim() ? { text } : null) : file ? { xlsxBase64: file.base64 } : null;
    if (!source) {
      setLocalError(t('import.nothingToPreview'));
      return;
    }
    preview.mutate(source);
  };

  const onConfirm = (values: ConfirmValues) => {
    if (!previewed) return;
    const resolve: Record<string, number> = {};
    for (const [name, choice] of Object.entries(choices)) if (choice !== 'new') resolve[name] = choice;
    commit.mutate({
      ...previewed.source,
      validFrom: values.validFrom,
      source: blankToNull(values.source),
      resolve,
    });
  };

  const data = previewed?.data;
  const unmatched = data?.names.filter((n) => !n.match) ?? [];
  const hasErrors = (data?.errors.length ?? 0) > 0;
  const pairCount = data?.pairs.reduce((sum, p) => sum + p.departments.length, 0) ?? 0;

  const pairColumns: TableColumnsType<ImportPreviewResponse['pairs'][number]> = [
    { title: t('pairings.counterpart'), dataIndex: 'counterpart', width: 180 },
    {
      title: t('pairings.department'),
      key: 'departments',
      render: (_, p) => (
        <Space size={[4, 4]} wrap>
          {p.departments.map((d) => (
            <Tag key={d}>{d}</Tag>
          ))}
        </Space>
      ),
    },
  ];

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

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('import.title')}
      size={screens.md ? 760 : '100%'}
      destroyOnHidden
      data-testid="import-drawer"
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Segmented<Mode>
          value={mode}
          onChange={(value) => {
            setMode(value);
            invalidatePreview();
          }}
          options={[
            { value: 'text', label: t('import.modeText') },
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
          <Space orientation="vertical">
            <Typography.Text type="secondary">{t('import.xlsxHint')}</Typography.Text>
            <Upload
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              maxCount={1}
              beforeUpload={(chosen) => {
                readAsBase64(chosen)
                  .then((base64) => {
                    setFile({ name: chosen.name, base64 });
                    invalidatePreview();
                  })
                  .catch(() => setLocalError(t('import.readFailed')));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('import.chooseFile')}</Button>
            </Upload>
            {file ? (
              <Typography.Text>
                <FileExcelOutlined style={{ color: '#237804' }} />{' '}
                {t('import.fileChosen', { name: file.name })}
              </Typography.Text>
            ) : null}
          </Space>
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
        {preview.isError ? <Alert type="error" showIcon title={errorText(preview.error)} /> : null}
      </Space>

      {data ? (
        <div data-testid="import-preview-result">
          <Divider titlePlacement="start">{t('import.previewTitle')}</Divider>
          <IssueList issues={data.errors} type="error" />
          <IssueList issues={data.warnings} type="warning" />
          <Typography.Paragraph>
            {t('import.pairsCount', { pairs: data.pairs.length, departments: pairCount })}
          </Typography.Paragraph>
          <Table
            rowKey="counterpart"
            size="small"
            bordered
            columns={pairColumns}
            dataSource={data.pairs}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="import-pairs"
          />
          {data.sharedUnits ? (
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 12 }}
              title={t('import.sharedUnits')}
              description={[...data.sharedUnits.counterparts, ...data.sharedUnits.departments].join('、')}
            />
          ) : null}
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
          {commit.isSuccess ? (
            <Alert
              type="success"
              showIcon
              data-testid="import-result"
              title={t('import.resultTitle')}
              description={
                <>
                  <div>
                    {t('import.result', {
                      created: commit.data.created,
                      alreadyPresent: commit.data.alreadyPresent,
                      orgs: commit.data.organisationsCreated.length,
                      aliases: commit.data.aliasesAdded,
                    })}
                  </div>
                  {commit.data.organisationsCreated.length > 0 ? (
                    <div>
                      {t('import.resultOrgs', {
                        names: commit.data.organisationsCreated.map((o) => o.name).join('、'),
                      })}
                    </div>
                  ) : null}
                </>
              }
            />
          ) : (
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
                  disabled={hasErrors}
                  loading={commit.isPending}
                  data-testid="import-confirm"
                >
                  {t('import.confirm')}
                </Button>
              </Form.Item>
              {hasErrors ? (
                <Typography.Text type="danger">{t('import.fixErrorsFirst')}</Typography.Text>
              ) : null}
            </Form>
          )}
          {commit.isError ? (
            <Alert type="error" showIcon title={errorText(commit.error)} style={{ marginTop: 12 }} />
          ) : null}
        </div>
      ) : null}
    </Drawer>
  );
}
