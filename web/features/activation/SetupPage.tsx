import { Alert, Button, Card, Col, Form, Input, Radio, Result, Row, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ROLE_LABELS } from '../../../common/roles';
import type { SetupResponse } from '../../../common/schemas/activation';
import { errorText } from '../../api/client';
import { AntdProvider } from '../../components/AntdProvider';
import { formatDateTime } from '../../components/format';
import { label } from '../../i18n';
import { activationApi } from './api';

const ACCOUNTS = [
  { key: 'tzb', username: 'tzb', displayName: '统战部管理员' },
  { key: 'sysadmin', username: 'sysadmin', displayName: '系统管理员' },
  { key: 'secadmin', username: 'secadmin', displayName: '安全管理员' },
  { key: 'auditadmin', username: 'auditadmin', displayName: '审计管理员' },
] as const;

interface Values {
  province: string;
  city: string;
  county: string;
  pairings: 'example' | 'own-notice';
  oversightName: string;
  officeName: string;
  accounts: Record<
    (typeof ACCOUNTS)[number]['key'],
    { username: string; displayName: string; email?: string }
  >;
}

/**
 * First-run setup (public, with the one-time link the server printed): the locality, the pairing list (the 奉化
 * 2019 example, or the locality's own notice imported by 统战部 after activation), the 统战部 account and the three
 * 三员 accounts — each activated by its holder with the code shown once here (printable).
 */
function Setup() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<SetupResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pairings = Form.useWatch('pairings', form);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const blank = (s?: string) => (s?.trim() ? s.trim() : null);
    const person = (key: (typeof ACCOUNTS)[number]['key']) => ({
      ...v.accounts[key],
      email: blank(v.accounts[key].email),
    });
    try {
      setResult(
        await activationApi.setup({
          token,
          locality: { province: v.province, city: blank(v.city), county: v.county },
          pairings: v.pairings,
          oversightName: v.oversightName,
          officeName: v.officeName,
          accounts: {
            tzb: person('tzb'),
            sysadmin: person('sysadmin'),
            secadmin: person('secadmin'),
            auditadmin: person('auditadmin'),
          },
        }),
      );
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (result) {
    return (
      <Card style={{ maxWidth: 860, margin: '32px auto' }}>
        <Result
          status="success"
          title={t('setup.doneTitle', { region: result.region.name })}
          subTitle={t('setup.doneHint')}
        />
        <Alert type="warning" showIcon title={t('setup.codesOnce')} style={{ marginBottom: 16 }} />
        <Table
          rowKey="username"
          pagination={false}
          dataSource={result.accounts}
          columns={[
            {
              title: t('users.role'),
              dataIndex: 'role',
              render: (r: keyof typeof ROLE_LABELS) => label(ROLE_LABELS[r], lang),
            },
            { title: t('users.username'), dataIndex: 'username' },
            { title: t('users.displayName'), dataIndex: 'displayName' },
            {
              title: t('activation.code'),
              dataIndex: 'code',
              render: (c: string, a) => (
                <Typography.Text code data-testid={`setup-code-${a.role}`} style={{ fontSize: 16 }}>
                  {c}
                </Typography.Text>
              ),
            },
            {
              title: t('activation.validUntil'),
              dataIndex: 'expiresAt',
              render: (v: string) => formatDateTime(v),
            },
          ]}
        />
        <Space style={{ marginTop: 16 }}>
          <Typography.Text>
            {t('setup.activateAt')} <Typography.Text code>{result.activationUrl}</Typography.Text>
          </Typography.Text>
          <Button onClick={() => window.print()}>{t('setup.print')}</Button>
          <Button type="primary" href="/activate" data-testid="setup-to-activate">
            {t('activation.title')}
          </Button>
        </Space>
      </Card>
    );
  }

  return (
    <Card title={t('setup.title')} style={{ maxWidth: 860, margin: '32px auto' }}>
      {!token ? (
        <Alert type="error" showIcon title={t('setup.noToken')} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="setup-error" />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          province: '浙江省',
          city: '宁波市',
          county: '',
          pairings: 'own-notice',
          oversightName: '区委统战部',
          officeName: '区府办',
          accounts: Object.fromEntries(
            ACCOUNTS.map((a) => [a.key, { username: a.username, displayName: a.displayName }]),
          ),
        }}
      >
        <Typography.Title level={5}>{t('setup.locality')}</Typography.Title>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="province"
              label={t('setup.province')}
              rules={[{ required: pairings !== 'example' }]}
            >
              <Input disabled={pairings === 'example'} data-testid="setup-province" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="city" label={t('setup.city')}>
              <Input disabled={pairings === 'example'} data-testid="setup-city" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="county" label={t('setup.county')} rules={[{ required: pairings !== 'example' }]}>
              <Input disabled={pairings === 'example'} data-testid="setup-county" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="pairings" label={t('setup.pairings')}>
          <Radio.Group
            onChange={(e) => {
              if (e.target.value === 'example')
                form.setFieldsValue({ province: '浙江省', city: '宁波市', county: '奉化区' });
            }}
          >
            <Space orientation="vertical">
              <Radio value="own-notice" data-testid="setup-own-notice">
                {t('setup.ownNotice')}
              </Radio>
              <Radio value="example" data-testid="setup-example">
                {t('setup.example')}
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="oversightName" label={t('setup.oversightName')} rules={[{ required: true }]}>
              <Input disabled={pairings === 'example'} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="officeName" label={t('setup.officeName')} rules={[{ required: true }]}>
              <Input disabled={pairings === 'example'} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t('setup.accounts')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('setup.accountsHint')}</Typography.Paragraph>
        {ACCOUNTS.map((a) => (
          <Row gutter={12} key={a.key}>
            <Col span={6} style={{ paddingTop: 6 }}>
              {label(ROLE_LABELS[a.key], lang)}
            </Col>
            <Col span={6}>
              <Form.Item
                name={['accounts', a.key, 'username']}
                rules={[{ required: true, pattern: /^[a-zA-Z0-9_.-]{2,32}$/ }]}
              >
                <Input placeholder={t('users.username')} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['accounts', a.key, 'displayName']} rules={[{ required: true }]}>
                <Input placeholder={t('users.displayName')} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name={['accounts', a.key, 'email']} rules={[{ type: 'email' }]}>
                <Input placeholder={t('users.email')} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!token} data-testid="setup-submit">
          {t('setup.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export default function SetupPage() {
  return (
    <AntdProvider>
      <Setup />
    </AntdProvider>
  );
}
