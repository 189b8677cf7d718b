import { EditOutlined, KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADMIN_ROLES, ROLE_LABELS, ROLES, type Role } from '../../../common/roles';
import { CreateUserRequest, type UserActivationResponse, type UserDto } from '../../../common/schemas/users';
import { hasPermission } from '../../access';
import { errorText } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { blankToNull, zodRule } from '../../components/formRules';
import { useCurrentUser } from '../../components/guards';
import { ListPage } from '../../components/ListPage';
import { ErrorAlert } from '../../components/QueryStatus';
import { AddButton } from '../../components/Toolbar';
import { label } from '../../i18n';
import { useAllOrganisations } from '../organisations/api';
import { userApi, userKeys, useUsers } from './api';

type UserWithPassword = UserActivationResponse;

/** The roles an account may be created with here: admin (三员) accounts are the server's CLI's. */
function useRoleOptions(business = false) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return ROLES.filter((r) => !business || !ADMIN_ROLES.includes(r)).map((r) => ({
    value: r,
    label: label(ROLE_LABELS[r], lang),
  }));
}

interface UserValues {
  username: string;
  displayName: string;
  role: Role;
  organisationId: number;
  email?: string | null;
  disabled?: boolean;
}

/** Create (user null) or edit one account. */
function UserModal({
  open,
  user,
  onClose,
  onPassword,
}: {
  open: boolean;
  user: UserDto | null;
  onClose: () => void;
  onPassword: (result: UserWithPassword) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roles = useRoleOptions(true);
  const organisations = useAllOrganisations(open);
  const fields = CreateUserRequest.shape;
  const editing = user !== null;

  const save = useMutation({
    mutationFn: async (values: UserValues): Promise<UserWithPassword | null> => {
      const email = blankToNull(values.email);
      if (user) {
        await userApi.update(user.id, {
          displayName: values.displayName,
          organisationId: values.organisationId,
          email,
          disabled: values.disabled ?? false,
        });
        return null;
      }
      return userApi.create({
        username: values.username,
        displayName: values.displayName,
        role: values.role,
        organisationId: values.organisationId,
        email,
      });
    },
    onSuccess: (result) => {
      message.success(result ? t('common.created') : t('common.saved'));
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      onClose();
      if (result) onPassword(result);
    },
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    save.reset();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        organisationId: user.organisation.id,
        email: user.email,
        disabled: user.disabled,
      });
    }
  }, [open, user, form, save.reset]);

  return (
    <Modal
      open={open}
      title={editing ? t('users.editTitle') : t('users.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      <Form<UserValues> form={form} layout="vertical" onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={editing ? [] : [zodRule(fields.username, t('users.username'), t)]}
        >
          <Input disabled={editing} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[zodRule(fields.displayName, t('users.displayName'), t)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[zodRule(fields.role, t('users.role'), t)]}>
          <Select options={roles} disabled={editing} />
        </Form.Item>
        <Form.Item
          name="organisationId"
          label={t('users.organisation')}
          rules={[zodRule(fields.organisationId, t('users.organisation'), t)]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={organisations.isPending}
            placeholder={t('users.selectOrganisation')}
            options={(organisations.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')} rules={[zodRule(fields.email, t('users.email'), t)]}>
          <Input type="email" />
        </Form.Item>
        {editing ? (
          <Form.Item name="disabled" label={t('users.disabledSwitch')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** The account waits for its holder: who gets the one-time code (never the system admin). */
function PasswordModal({ result, onClose }: { result: UserWithPassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={result !== null}
      title={t('users.passwordTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
      mask={{ closable: false }}
    >
      {result ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            data-testid="activation-delivery"
            title={t(result.activation === 'email' ? 'users.codeEmailed' : 'users.codeByOffice', {
              name: result.user.displayName,
            })}
          />
          <Typography.Text type="secondary">
            {result.user.username} · {result.user.organisation.name}
          </Typography.Text>
        </Space>
      ) : null}
    </Modal>
  );
}

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const me = useCurrentUser();
  const canWrite = hasPermission(me, 'users:write');
  const roles = useRoleOptions();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<Role | undefined>();
  const [q, setQ] = useState('');
  const [modal, setModal] = useState<{ user: UserDto | null } | null>(null);
  const [password, setPassword] = useState<UserWithPassword | null>(null);

  const list = useUsers(role, q);

  const reset = useMutation({
    mutationFn: (user: UserDto) => userApi.resetPassword(user.id),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      setPassword(result);
    },
    onError: (error) => message.error(errorText(error)),
  });
  const resetTotp = useMutation({
    mutationFn: (user: UserDto) => userApi.resetTotp(user.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      message.success(t('users.totpReset'));
    },
    onError: (error) => message.error(errorText(error)),
  });
  const endSessions = useMutation({
    mutationFn: (user: UserDto) => userApi.endSessions(user.id),
    onSuccess: () => message.success(t('users.sessionsEnded')),
    onError: (error) => message.error(errorText(error)),
  });

  const columns: TableColumnsType<UserDto> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.role'),
      dataIndex: 'role',
      render: (r: Role) => <Tag color="blue">{label(ROLE_LABELS[r], lang)}</Tag>,
    },
    { title: t('users.organisation'), key: 'organisation', render: (_, u) => u.organisation.name },
    { title: t('users.email'), dataIndex: 'email', render: (v: string | null) => v ?? '' },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => {
        const locked = u.lockedUntil !== null && Date.parse(u.lockedUntil) > Date.now();
        return (
          <Space size={[4, 4]} wrap>
            {u.disabled ? <Tag color="default">{t('users.disabled')}</Tag> : null}
            {locked ? <Tag color="red">{t('users.locked')}</Tag> : null}
            {u.mustChangePassword ? <Tag color="orange">{t('users.mustChange')}</Tag> : null}
            {u.activationPending ? <Tag color="gold">{t('users.pending')}</Tag> : null}
            {u.totpEnabled ? <Tag color="geekblue">{t('users.totpOn')}</Tag> : null}
            {!u.disabled && !locked && !u.mustChangePassword && !u.activationPending ? (
              <Tag color="green">{t('users.normal')}</Tag>
            ) : null}
          </Space>
        );
      },
    },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) =>
        v ? formatDateTime(v) : <Typography.Text type="secondary">{t('users.never')}</Typography.Text>,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setModal({ user: u })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('users.resetPassword')}
            description={t('users.resetConfirm', { name: u.displayName })}
            onConfirm={() => reset.mutateAsync(u)}
          >
            <Button type="link" size="small" icon={<KeyOutlined />}>
              {t('users.resetPassword')}
            </Button>
          </Popconfirm>
          {u.totpEnabled ? (
            <Popconfirm
              title={t('users.resetTotp')}
              description={t('users.resetTotpConfirm', { name: u.displayName })}
              onConfirm={() => resetTotp.mutateAsync(u)}
            >
              <Button type="link" size="small" icon={<KeyOutlined />}>
                {t('users.resetTotp')}
              </Button>
            </Popconfirm>
          ) : null}
          <Popconfirm
            title={t('users.endSessions')}
            description={t('users.endSessionsConfirm', { name: u.displayName })}
            onConfirm={() => endSessions.mutateAsync(u)}
          >
            <Button type="link" size="small" danger icon={<LogoutOutlined />}>
              {t('users.endSessions')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <ListPage<UserDto>
      title={t('users.title')}
      toolbar={
        <>
          <Select<Role>
            allowClear
            placeholder={t('users.roleAll')}
            aria-label={t('users.roleAll')}
            style={{ width: 180 }}
            options={roles}
            value={role}
            onChange={(value) => setRole(value)}
          />
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            style={{ width: 260, maxWidth: '100%' }}
            onSearch={(value) => setQ(value.trim())}
          />
          <div className="liaison-toolbar-spacer" />
          {canWrite ? <AddButton onClick={() => setModal({ user: null })}>{t('users.add')}</AddButton> : null}
        </>
      }
      list={list}
      sizeChanger
      table={{
        columns,
      }}
    >
      {canWrite ? (
        <>
          <UserModal
            open={modal !== null}
            user={modal?.user ?? null}
            onClose={() => setModal(null)}
            onPassword={setPassword}
          />
          <PasswordModal result={password} onClose={() => setPassword(null)} />
        </>
      ) : null}
    </ListPage>
  );
}
