import { App, Button, Form, Input, Select, Space, type TableColumnsType, Tabs, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Role } from '../../../common/roles';
import {
  BulkUrgeRequest,
  ITEM_FILTERS,
  type ItemDto,
  type ItemFilter,
} from '../../../common/schemas/consultations';
import { FormModal } from '../../components/FormModal';
import { schemaRules } from '../../components/formRules';
import { useCurrentUser } from '../../components/guards';
import { ListPage } from '../../components/ListPage';
import { yearInForce, yearOptions } from '../../components/years';
import { positiveInt, useUrlParams } from '../../lib/searchParams';
import { useItems, useUrgeMany } from './api';
import { DueTag, ItemStatusTag, ReplyClassTag, VerdictTag } from './labels';

const ItemScreen = lazy(() => import('./ItemScreen'));

/** 意见建议答复: the suggestions in scope by status (/consultations/items), and one item (/consultations/items/:id). */
export default function ItemsPage() {
  const routeParams = useParams();
  const id = Number((routeParams['*'] ?? '').split('/')[0]);
  if (Number.isInteger(id) && id > 0) {
    return (
      <Suspense fallback={null}>
        <ItemScreen id={id} />
      </Suspense>
    );
  }
  return <ItemList />;
}

/** The tab a role opens on: what it owes — a counterpart its verdicts, 统战部 the overdue replies to press. */
const defaultFilter = (role: Role): ItemFilter =>
  role === 'counterpart' ? 'awaiting_verdict' : role === 'tzb' ? 'overdue' : 'awaiting_reply';

function ItemList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParam] = useUrlParams();
  const statusParam = params.get('status');
  const fallback = defaultFilter(user.role);
  const status: ItemFilter = ITEM_FILTERS.find((s) => s === statusParam) ?? fallback;
  const year = positiveInt(params.get('year'));
  const list = useItems({ status, year });
  const [selected, setSelected] = useState<number[]>([]);
  const [urging, setUrging] = useState(false);
  const urgeMany = useUrgeMany();
  const urgeRules = schemaRules(BulkUrgeRequest, t);
  const canUrge = (i: ItemDto) => i.abilities.canUrge;
  const pressable = (list.data?.items ?? []).filter(canUrge);

  const columns: TableColumnsType<ItemDto> = [
    {
      title: t('consultations.suggestion'),
      key: 'text',
      render: (_, i) => (
        <Link
          to={`/consultations/items/${i.id}`}
          data-testid="item-link"
          style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        >
          {i.text.length > 60 ? `${i.text.slice(0, 60)}…` : i.text}
        </Link>
      ),
    },
    {
      title: t('consultations.matter'),
      key: 'matter',
      render: (_, i) => <Link to={`/consultations/matters/${i.matter.id}`}>{i.matter.name}</Link>,
    },
    ...(user.role !== 'department'
      ? [
          {
            title: t('consultations.department'),
            key: 'dep',
            render: (_: unknown, i: ItemDto) => i.matter.department.name,
          },
        ]
      : []),
    ...(user.role !== 'counterpart'
      ? [
          {
            title: t('consultations.counterpart'),
            key: 'cp',
            render: (_: unknown, i: ItemDto) => i.counterpart.name,
          },
        ]
      : []),
    {
      title: t('consultations.receivedOn'),
      dataIndex: 'receivedOn',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
    },
    { title: t('consultations.dueDate'), key: 'due', render: (_, i) => <DueTag item={i} /> },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, i) => (
        <Space size={2} wrap>
          <ItemStatusTag status={i.status} />
          {i.round > 1 ? (
            <Typography.Text type="secondary">{t('consultations.roundN', { n: i.round })}</Typography.Text>
          ) : null}
          {i.latestReply ? <ReplyClassTag value={i.latestReply.replyClass} /> : null}
          {i.latestReply?.verdict ? <VerdictTag value={i.latestReply.verdict} /> : null}
        </Space>
      ),
    },
  ];

  return (
    <ListPage<ItemDto>
      title={t('consultations.itemsTitle')}
      toolbar={
        <>
          <Select<number>
            allowClear
            style={{ width: 120 }}
            placeholder={t('consultations.allYears')}
            aria-label={t('consultations.allYears')}
            value={year}
            options={yearOptions(year ?? yearInForce(), t)}
            onChange={(v) => setParam({ year: v })}
          />
          <div className="liaison-toolbar-spacer" />
          {pressable.length > 0 ? (
            <Button
              danger
              disabled={selected.length === 0}
              onClick={() => setUrging(true)}
              data-testid="items-urge-selected"
            >
              {t('consultations.urgeSelected', { count: selected.length })}
            </Button>
          ) : null}
          <Button onClick={() => navigate('/consultations')}>{t('consultations.toMatters')}</Button>
          <FormModal<{ note: string }>
            open={urging}
            title={t('consultations.urgeSelected', { count: selected.length })}
            onSubmit={async (v) => {
              const res = await urgeMany.mutateAsync({ ids: selected, note: v.note.trim() });
              message.success(t('consultations.urged', { count: res.urged.length }));
              setSelected([]);
            }}
            onClose={() => setUrging(false)}
            testId="urge-many-form"
          >
            <Form.Item
              name="note"
              label={t('consultations.urgeNote')}
              rules={urgeRules.rules('note', t('consultations.urgeNote'))}
            >
              <Input.TextArea rows={3} maxLength={urgeRules.max('note')} />
            </Form.Item>
          </FormModal>
        </>
      }
      header={
        <Tabs
          activeKey={status}
          onChange={(key) => {
            setSelected([]);
            setParam({ status: key === fallback ? undefined : key });
          }}
          items={ITEM_FILTERS.map((f) => ({
            key: f,
            label: <span data-testid={`items-tab-${f}`}>{t(`consultations.filters.${f}`)}</span>,
          }))}
        />
      }
      list={list}
      table={{
        columns,
        locale: { emptyText: t('consultations.noItems') },
        rowSelection:
          pressable.length > 0
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(Number)),
                getCheckboxProps: (i) => ({ disabled: !canUrge(i) }),
              }
            : undefined,
        'data-testid': 'items-table',
      }}
    />
  );
}
