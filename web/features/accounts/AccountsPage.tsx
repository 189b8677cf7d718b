import { KeyOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Modal, Popconfirm, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  IssuedCodeDto,
  ProvisionPreviewResponse,
  ProvisionRequest,
  ProvisionResponse,
  UnitAccountDto,
} from '../../../common/schemas/activation';
import { UPLOADS } from '../../../common/uploads';
import { errorText } from '../../api/client';
import { downloadBase64, readAsBase64, refuseFile } from '../../components/files';
import { formatDateTime } from '../../components/format';
import { accountApi, accountKeys, useProposedHandovers, useUnitAccounts } from './api';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A code shown once to 统战部 (to hand over in person or on the 开通通知单). */
function CodeModal({ issued, onClose }: { issued: IssuedCodeDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={issued !== null}
      title={t('accounts.codeTitle')}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ hidden: true }}
    >
      {issued ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {issued.delivery === 'email' ? (
            <Alert type="success" showIcon title={t('accounts.codeEmailed', { name: issued.displayName })} />
          ) : (
            <>
              <Alert type="warning" showIcon title={t('accounts.codeOnce', { name: issued.displayName })} />
              <Typography.Paragraph code copyable style={{ fontSize: 20 }} data-testid="issued-code">
                {issued.code}
              </Typography.Paragraph>
            </>
          )}
          <Typography.Text type="secondary">
            {issued.username} · {issued.organisation.name} · {t('activation.validUntil')}{' '}
            {formatDateTime(issued.expiresAt)}
          </Typography.Text>
        </Space>
      ) : null}
    </Modal>
  );
}

/** 统战部: one 联络员 account per unit, created in bulk from the roster or an .xlsx, activated by each holder. */
export default function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<ProvisionRequest | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<ProvisionPreviewResponse | null>(null);
  const [created, setCreated] = useState<ProvisionResponse | null>(null);
  const [issued, setIssued] = useState<IssuedCodeDto | null>(null);

  const units = useUnitAccounts();
  const handovers = useProposedHandovers();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: accountKeys.all });

  const runPreview = useMutation({
    mutationFn: (body: ProvisionRequest) => accountApi.preview(body),
    onSuccess: (res, body) => {
      setSource(body);
      setPreview(res);
      setCreated(null);
    },
    onError: (e) => message.error(errorText(e)),
  });
  const create = useMutation({
    mutationFn: (body: ProvisionRequest) => accountApi.provision(body),
    onSuccess: (res) => {
      setCreated(res);
      setPreview(null);
      refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const issue = useMutation({
    mutationFn: (userId: number) => accountApi.issueCode(userId),
    onSuccess: (res) => {
      setIssued(res);
      refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const decide = useMutation({
    mutationFn: async ({ id, accept }: { id: number; accept: boolean }) =>
      accept ? setIssued(await accountApi.acceptHandover(id)) : accountApi.declineHandover(id),
    onSuccess: refresh,
    onError: (e) => message.error(errorText(e)),
  });

  const statusTag = (a: UnitAccountDto['account']) =>
    !a ? (
      <Tag>{t('accounts.none')}</Tag>
    ) : a.status === 'active' ? (
      <Tag color="green">{t('accounts.active')}</Tag>
    ) : a.status === 'pending' ? (
      <Tag color="gold">{t('users.pending')}</Tag>
    ) : (
      <Tag>{t('users.disabled')}</Tag>
    );

  const blockedXlsx = preview !== null && source?.source === 'xlsx' && preview.blocked > 0;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('accounts.bulkTitle')}>
        <Typography.Paragraph type="secondary">{t('accounts.bulkHint')}</Typography.Paragraph>
        <Space wrap>
          <Button
            onClick={() => runPreview.mutate({ source: 'roster' })}
            loading={runPreview.isPending}
            data-testid="provision-roster"
          >
            {t('accounts.fromRoster')}
          </Button>
          <Upload
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              // a wrong type or a file over the server's limit is refused here, before it is read or sent
              const refused = refuseFile(file, UPLOADS.importXlsx, t);
              if (refused) {
                message.error(refused);
                return false;
              }
              readAsBase64(file)
                .then((xlsxBase64) => {
                  setFileName(file.name);
                  runPreview.mutate({ source: 'xlsx', xlsxBase64 });
                })
                .catch(() => message.error(t('import.readFailed')));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="provision-xlsx">
              {t('accounts.fromXlsx')}
            </Button>
          </Upload>
          {fileName ? <Typography.Text type="secondary">{fileName}</Typography.Text> : null}
        </Space>
        {preview ? (
          <div style={{ marginTop: 16 }} data-testid="provision-preview">
            {blockedXlsx ? (
              <Alert
                type="error"
                showIcon
                title={t('accounts.blocked', { count: preview.blocked })}
                style={{ marginBottom: 12 }}
              />
            ) : (
              <Alert
                type="info"
                showIcon
                title={t('accounts.ready', { count: preview.toCreate })}
                style={{ marginBottom: 12 }}
              />
            )}
            <Table
              size="small"
              rowKey={(r) => `${r.row ?? ''}-${r.unit}`}
              pagination={false}
              dataSource={preview.rows}
              columns={[
                { title: t('accounts.row'), dataIndex: 'row', width: 60 },
                { title: t('accounts.unit'), dataIndex: 'unit' },
                { title: t('accounts.liaison'), dataIndex: 'name' },
                { title: t('accounts.phone'), dataIndex: 'phone' },
                { title: t('users.email'), dataIndex: 'email' },
                { title: t('users.username'), dataIndex: 'username' },
                {
                  title: t('accounts.check'),
                  render: (_, r) =>
                    r.problems.length ? (
                      <Space orientation="vertical" size={0}>
                        {r.problems.map((p) => (
                          <Typography.Text type="danger" key={p.code} data-testid="provision-problem">
                            {p.message}
                          </Typography.Text>
                        ))}
                      </Space>
                    ) : r.action === 'exists' ? (
                      <Tag>{t('accounts.exists')}</Tag>
                    ) : (
                      <Tag color="green">{t('accounts.willCreate')}</Tag>
                    ),
                },
              ]}
            />
            <Button
              type="primary"
              style={{ marginTop: 12 }}
              disabled={blockedXlsx || preview.toCreate === 0 || !source}
              loading={create.isPending}
              onClick={() => source && create.mutate(source)}
              data-testid="provision-create"
            >
              {t('accounts.create', { count: preview.toCreate })}
            </Button>
          </div>
        ) : null}
        {created ? (
          <div style={{ marginTop: 16 }} data-testid="provision-result">
            <Alert
              type="success"
              showIcon
              title={t('accounts.created', { count: created.created.length, emailed: created.emailed })}
              style={{ marginBottom: 12 }}
            />
            <Button
              type="primary"
              onClick={() => downloadBase64(created.noticesDocxBase64, '开通通知单.docx', DOCX)}
              data-testid="provision-notices"
            >
              {t('accounts.downloadNotices')}
            </Button>
            <Table
              size="small"
              style={{ marginTop: 12 }}
              rowKey="userId"
              pagination={false}
              dataSource={created.created}
              columns={[
                { title: t('accounts.unit'), render: (_, c) => c.organisation.name },
                { title: t('users.username'), dataIndex: 'username' },
                { title: t('accounts.liaison'), dataIndex: 'displayName' },
                {
                  title: t('activation.code'),
                  dataIndex: 'code',
                  render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
                },
                {
                  title: t('accounts.delivery'),
                  dataIndex: 'delivery',
                  render: (d: string) => (d === 'email' ? t('accounts.byEmail') : t('accounts.onPaper')),
                },
              ]}
            />
          </div>
        ) : null}
      </Card>

      {handovers.data?.items.length ? (
        <Card title={t('accounts.handovers')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={handovers.data.items}
            columns={[
              { title: t('accounts.unit'), render: (_, h) => h.organisation.name },
              { title: t('users.username'), render: (_, h) => h.account.username },
              { title: t('accounts.from'), dataIndex: 'previousName' },
              { title: t('accounts.to'), dataIndex: 'nextName' },
              {
                title: t('accounts.proposedAt'),
                dataIndex: 'proposedAt',
                render: (v: string) => formatDateTime(v),
              },
              {
                render: (_, h) => (
                  <Space>
                    <Popconfirm
                      title={t('accounts.acceptConfirm', { name: h.nextName })}
                      onConfirm={() => decide.mutate({ id: h.id, accept: true })}
                    >
                      <Button type="link">{t('accounts.accept')}</Button>
                    </Popconfirm>
                    <Button type="link" onClick={() => decide.mutate({ id: h.id, accept: false })}>
                      {t('accounts.decline')}
                    </Button>
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      ) : null}

      <Card title={t('accounts.title')}>
        <Table
          size="small"
          rowKey={(u) => u.organisation.id}
          loading={units.isPending}
          dataSource={units.data?.items ?? []}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: t('accounts.unit'), render: (_, u) => u.organisation.name },
            { title: t('users.username'), render: (_, u) => u.account?.username ?? '—' },
            { title: t('accounts.holder'), render: (_, u) => u.account?.holder ?? '—' },
            { title: t('users.status'), render: (_, u) => statusTag(u.account) },
            {
              render: (_, u) =>
                u.account && u.account.status !== 'disabled' ? (
                  <Button
                    icon={<KeyOutlined />}
                    type="link"
                    onClick={() => u.account && issue.mutate(u.account.id)}
                  >
                    {t('accounts.issueCode')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <CodeModal issued={issued} onClose={() => setIssued(null)} />
    </Space>
  );
}
