import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../../common/organisations';
import {
  AddAliasRequest,
  CreateOrganisationRequest,
  OrganisationDto,
  OrganisationListResponse,
  UpdateOrganisationRequest,
} from '../../../common/schemas/organisations';
import { api, errorText } from '../../api/client';
import { blankToNull, zodRule } from '../../components/formRules';
import { label } from '../../i18n';
import { useRegions } from './api';

const KIND_COLORS: Record<OrganisationKind, string> = {
  department: 'blue',
  counterpart: 'red',
  oversight: 'gold',
  office: 'cyan',
  other: 'default',
};

function useKindOptions() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return ORGANISATION_KINDS.map((k) => ({ value: k, label: label(ORGANISATION_KIND_LABELS[k], lang) }));
}

interface CreateValues {
  regionId: number;
  kind: OrganisationKind;
  name: string;
  shortName?: string;
  sortOrder?: number;
}

function CreateOrganisationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const regions = useRegions(open);
  const kinds = useKindOptions();
  const fields = CreateOrganisationRequest.shape;

  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      api.post(
        '/api/v1/organisations',
        CreateOrganisationRequest.parse({ ...values, shortName: blankToNull(values.shortName) }),
        OrganisationDto,
      ),
    onSuccess: (org) => {
      message.success(`${t('common.created')}：${org.name}`);
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      onClose();
    },
  });

  useEffect(() => {
    if (open) {
      form.resetFields();
      create.reset();
    }
  }, [open, form, create.reset]);

  // The only region, or the deepest one, is the likely choice.
  useEffect(() => {
    const items = regions.data?.items;
    if (open && items && items.length > 0 && form.getFieldValue('regionId') === undefined) {
      const deepest = [...items].sort((a, b) => b.path.length - a.path.length)[0];
      if (deepest) form.setFieldsValue({ regionId: deepest.id });
    }
  }, [open, regions.data, form]);

  return (
    <Modal
      open={open}
      title={t('organisations.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.isError ? (
        <Alert type="error" showIcon title={errorText(create.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'department', sortOrder: 0 }}
        onFinish={(values) => create.mutate(values)}
      >
        <Form.Item
          name="regionId"
          label={t('organisations.region')}
          rules={[zodRule(fields.regionId, t('organisations.region'), t)]}
        >
          <Select
            loading={regions.isPending}
            placeholder={t('organisations.selectRegion')}
            options={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.fullName }))}
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('organisations.kind')}
          rules={[zodRule(fields.kind, t('organisations.kind'), t)]}
        >
          <Select options={kinds} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('organisations.name')}
          rules={[zodRule(fields.name, t('organisations.name'), t)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="shortName"
          label={t('organisations.shortName')}
          rules={[zodRule(fields.shortName, t('organisations.shortName'), t)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t('organisations.sortOrder')}
          rules={[zodRule(fields.sortOrder, t('organisations.sortOrder'), t)]}
        >
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface EditValues {
  name: string;
  shortName?: string | null;
  sortOrder: number;
  active: boolean;
  keepOldNameAsAlias: boolean;
}

function EditOrganisationDrawer({ org, onClose }: { org: OrganisationDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const name = Form.useWatch('name', form);
  const fields = { ...UpdateOrganisationRequest.shape, name: UpdateOrganisationRequest.shape.name.unwrap() };

  const update = useMutation({
    mutationFn: ({ id, values }: { id: number; values: EditValues }) =>
      api.patch(
        `/api/v1/organisations/${id}`,
        UpdateOrganisationRequest.parse({ ...values, shortName: blankToNull(values.shortName) }),
        OrganisationDto,
      ),
    onSuccess: () => {
      message.success(t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      onClose();
    },
  });

  useEffect(() => {
    if (org) {
      form.setFieldsValue({
        name: org.name,
        shortName: org.shortName,
        sortOrder: org.sortOrder,
        active: org.active,
        keepOldNameAsAlias: true,
      });
      update.reset();
    }
  }, [org, form, update.reset]);

  const renamed = org !== null && typeof name === 'string' && name.trim() !== org.name;

  return (
    <Drawer
      open={org !== null}
      title={t('organisations.editTitle')}
      onClose={onClose}
      size={screens.md ? 480 : '100%'}
      forceRender
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={update.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {update.isError ? (
        <Alert type="error" showIcon title={errorText(update.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<EditValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (org) update.mutate({ id: org.id, values });
        }}
      >
        <Form.Item
          name="name"
          label={t('organisations.name')}
          rules={[zodRule(fields.name, t('organisations.name'), t)]}
        >
          <Input />
        </Form.Item>
        {renamed ? (
          <Form.Item name="keepOldNameAsAlias" valuePropName="checked">
            <Checkbox>{t('organisations.keepOldNameAsAlias')}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item
          name="shortName"
          label={t('organisations.shortName')}
          rules={[zodRule(fields.shortName, t('organisations.shortName'), t)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t('organisations.sortOrder')}
          rules={[zodRule(fields.sortOrder, t('organisations.sortOrder'), t)]}
        >
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        <Form.Item name="active" label={t('organisations.active')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.inactive')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

interface AliasValues {
  alias: string;
  note?: string;
}

function AddAliasModal({ org, onClose }: { org: OrganisationDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AliasValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const fields = AddAliasRequest.shape;

  const add = useMutation({
    mutationFn: ({ id, values }: { id: number; values: AliasValues }) =>
      api.post(
        `/api/v1/organisations/${id}/aliases`,
        AddAliasRequest.parse({ alias: values.alias, note: blankToNull(values.note) }),
        OrganisationDto,
      ),
    onSuccess: () => {
      message.success(t('organisations.aliasAdded'));
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      onClose();
    },
  });

  useEffect(() => {
    if (org) {
      form.resetFields();
      add.reset();
    }
  }, [org, form, add.reset]);

  return (
    <Modal
      open={org !== null}
      title={org ? `${t('organisations.addAlias')} — ${org.name}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      {add.isError ? (
        <Alert type="error" showIcon title={errorText(add.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<AliasValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (org) add.mutate({ id: org.id, values });
        }}
      >
        <Form.Item
          name="alias"
          label={t('organisations.alias')}
          rules={[zodRule(fields.alias, t('organisations.alias'), t)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('organisations.aliasNote')}
          rules={[zodRule(fields.note, t('organisations.aliasNote'), t)]}
        >
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function OrganisationsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const kinds = useKindOptions();
  const [kind, setKind] = useState<OrganisationKind | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<OrganisationDto | null>(null);
  const [aliasFor, setAliasFor] = useState<OrganisationDto | null>(null);

  const list = useQuery({
    queryKey: ['organisations', 'list', kind ?? 'all', q],
    queryFn: () => api.get('/api/v1/organisations', OrganisationListResponse, { kind, q, active: 'all' }),
    placeholderData: (previous) => previous,
  });
  const canWrite = list.data?.abilities.canWrite ?? false;

  const removeAlias = useMutation({
    mutationFn: ({ orgId, aliasId }: { orgId: number; aliasId: number }) =>
      api.delete(`/api/v1/organisations/${orgId}/aliases/${aliasId}`),
    onSuccess: () => {
      message.success(t('organisations.aliasRemoved'));
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
    onError: (error) => message.error(errorText(error)),
  });

  const confirmRemoveAlias = (org: OrganisationDto, alias: OrganisationDto['aliases'][number]) => {
    modal.confirm({
      title: t('organisations.removeAliasConfirm', { alias: alias.alias }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: () => removeAlias.mutateAsync({ orgId: org.id, aliasId: alias.id }),
    });
  };

  const columns: TableColumnsType<OrganisationDto> = [
    {
      title: t('organisations.name'),
      dataIndex: 'name',
      render: (name: string, org) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          {org.shortName ? <Typography.Text type="secondary">{org.shortName}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('organisations.kind'),
      dataIndex: 'kind',
      render: (k: OrganisationKind) => (
        <Tag color={KIND_COLORS[k]}>{label(ORGANISATION_KIND_LABELS[k], lang)}</Tag>
      ),
    },
    { title: t('organisations.region'), dataIndex: 'regionName' },
    {
      title: t('organisations.aliases'),
      key: 'aliases',
      render: (_, org) => (
        <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
          {org.aliases.map((a) => (
            <Tag
              key={a.id}
              title={a.note ?? undefined}
              closable={canWrite}
              onClose={(e) => {
                e.preventDefault();
                confirmRemoveAlias(org, a);
              }}
            >
              {a.alias}
            </Tag>
          ))}
          {canWrite ? (
            <Tag
              style={{ borderStyle: 'dashed', cursor: 'pointer', background: '#fff' }}
              onClick={() => setAliasFor(org)}
            >
              <PlusOutlined /> {t('organisations.addAlias')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('organisations.sortOrder'),
      dataIndex: 'sortOrder',
      sorter: (a, b) => a.sortOrder - b.sortOrder,
    },
    {
      title: t('organisations.active'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, org) => (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(org)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('organisations.title')}
        </Typography.Title>
      }
    >
      <div className="liaison-toolbar">
        <Select<OrganisationKind>
          allowClear
          placeholder={t('organisations.kindAll')}
          style={{ width: 160 }}
          options={kinds}
          value={kind}
          onChange={(value) => setKind(value)}
        />
        <Input.Search
          allowClear
          placeholder={t('organisations.searchPlaceholder')}
          style={{ width: 280, maxWidth: '100%' }}
          onSearch={(value) => setQ(value.trim())}
        />
        <div className="liaison-toolbar-spacer" />
        {canWrite ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('organisations.add')}
          </Button>
        ) : null}
      </div>
      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<OrganisationDto>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          showTotal: (n) => t('common.total', { count: n }),
        }}
      />
      {canWrite ? (
        <>
          <CreateOrganisationModal open={creating} onClose={() => setCreating(false)} />
          <EditOrganisationDrawer org={editing} onClose={() => setEditing(null)} />
          <AddAliasModal org={aliasFor} onClose={() => setAliasFor(null)} />
        </>
      ) : null}
    </Card>
  );
}
