import 'dayjs/locale/zh-cn';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  Button,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  auditActionLabel,
  auditEntityLabel,
  auditOutcomeLabel,
  auditRoleLabel,
} from '../../../common/audit-actions';
import type { AuditEntryDto } from '../../../common/schemas/audit';
import { ExportButton } from '../../components/ExportButton';
import { formatDateTime } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { type AuditFilters as Filters, useAuditList } from './api';

type Outcome = AuditEntryDto['outcome'];

interface FilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  actor?: string;
  action?: string;
  entityType?: string;
  outcome?: Outcome;
}

const OUTCOME_COLORS: Record<Outcome, string> = { ok: 'green', denied: 'orange', failed: 'red' };

function toFilters(values: FilterValues): Filters {
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  return {
    from: values.range?.[0]?.format('YYYY-MM-DD'),
    to: values.range?.[1]?.format('YYYY-MM-DD'),
    actor: text(values.actor),
    action: values.action,
    entityType: values.entityType,
    outcome: values.outcome,
  };
}

type Lang = 'zh-CN' | 'en';

/** A before/after with every `role` in words (统战部, not tzb). */
function withRoleLabels(value: unknown, lang: Lang, key: string | null = null): unknown {
  if (typeof value === 'string') return key === 'role' ? auditRoleLabel(value, lang) : value;
  if (Array.isArray(value)) return value.map((v) => withRoleLabels(v, lang, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withRoleLabels(v, lang, k)]));
  }
  return value;
}

function Json({ value, lang }: { value: unknown; lang: Lang }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('audit.none')}</Typography.Text>;
  return <pre className="liaison-json">{JSON.stringify(withRoleLabels(value, lang), null, 2)}</pre>;
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);

  const list = useAuditList(filters, page, pageSize);

  const outcomeLabel = (o: Outcome) => auditOutcomeLabel(o, lang);

  const columns: TableColumnsType<AuditEntryDto> = [
    { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 150 },
    { title: t('audit.actor'), dataIndex: 'actor', render: (v: string | null) => v ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '' },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      // the action in words, its code on hover (an unknown code is shown as it is)
      render: (v: string) => <span title={v}>{auditActionLabel(v, lang)}</span>,
    },
    {
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      render: (v: string) => <span title={v}>{auditEntityLabel(v, lang)}</span>,
    },
    { title: t('audit.entityId'), dataIndex: 'entityId', render: (v: string | null) => v ?? '' },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      render: (v: Outcome) => <Tag color={OUTCOME_COLORS[v]}>{outcomeLabel(v)}</Tag>,
    },
    { title: t('audit.detail'), dataIndex: 'detail', render: (v: string | null) => v ?? '' },
  ];

  const apply = (values: FilterValues) => {
    setFilters(toFilters(values));
    setPage(1);
  };

  return (
    <ListPage<AuditEntryDto>
      title={t('audit.title')}
      header={
        <Form<FilterValues> form={form} layout="vertical" onFinish={apply}>
          <Row gutter={16}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="range" label={t('audit.dateRange')}>
                <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="actor" label={t('audit.actor')}>
                <Input allowClear maxLength={64} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="action" label={t('audit.action')}>
                <Select<string>
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('audit.actionAll')}
                  options={AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionLabel(a, lang) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="entityType" label={t('audit.entityType')}>
                <Select<string>
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('audit.entityTypeAll')}
                  options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: auditEntityLabel(e, lang) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6} xl={4}>
              <Form.Item name="outcome" label={t('audit.outcome')}>
                <Select<Outcome>
                  allowClear
                  placeholder={t('audit.outcomeAll')}
                  options={(['ok', 'denied', 'failed'] as const).map((o) => ({
                    value: o,
                    label: outcomeLabel(o),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <div className="liaison-toolbar">
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.query')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('common.reset')}
            </Button>
            <div className="liaison-toolbar-spacer" />
            <ExportButton url="/api/v1/audit/export.xlsx" query={filters} icon={<DownloadOutlined />}>
              {t('common.export')}
            </ExportButton>
          </div>
        </Form>
      }
      list={list}
      sizeChanger
      table={{
        columns,
        expandable: {
          rowExpandable: (entry) => entry.before != null || entry.after != null,
          expandedRowRender: (entry) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('audit.before')}</Typography.Text>
                <Json value={entry.before} lang={lang} />
              </Col>
              <Col xs={24} md={12}>
                <Typography.Text strong>{t('audit.after')}</Typography.Text>
                <Json value={entry.after} lang={lang} />
              </Col>
            </Row>
          ),
        },
        // The server pages the log: the page and its size are asked for, the total comes back.
        pagination: {
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          pageSizeOptions: [20, 50, 100, 200],
          onChange: (nextPage, nextSize) => {
            setPage(nextSize === pageSize ? nextPage : 1);
            setPageSize(nextSize);
          },
        },
      }}
    />
  );
}
