import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, List, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_BYTES,
  AttachmentDto,
  type LedgerRecordDto,
} from '../../../common/schemas/ledger';
import { api, errorText, postWithProgress } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { ledgerKeys, readAsBase64 } from './api';

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');

/**
 * A record's files: download for whoever sees the record; upload (base64 JSON, with progress: reading the
 * file, then sending it) and delete when the record's abilities allow. The server checks size and type
 * and its 413 / 415 messages are shown as they come.
 */
export function Attachments({ record }: { record: LedgerRecordDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ name: string; phase: 'read' | 'send'; percent: number } | null>(
    null,
  );
  const canAttach = record.abilities.canAttach;

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ledgerKeys.record(record.id) });
    void queryClient.invalidateQueries({ queryKey: ['ledger', 'list'] });
  };

  const upload = useMutation({
    mutationFn: async (file: File) => {
      setProgress({ name: file.name, phase: 'read', percent: 0 });
      const contentBase64 = await readAsBase64(file, (f) =>
        setProgress({ name: file.name, phase: 'read', percent: Math.round(f * 100) }),
      );
      setProgress({ name: file.name, phase: 'send', percent: 0 });
      return postWithProgress(
        `/api/v1/ledger/${record.id}/attachments`,
        { fileName: file.name, contentBase64 },
        AttachmentDto,
        (f) => setProgress({ name: file.name, phase: 'send', percent: Math.round(f * 100) }),
      );
    },
    onSuccess: (attachment) => {
      message.success(t('ledger.uploaded', { name: attachment.fileName }));
      refresh();
    },
    onSettled: () => setProgress(null),
  });

  const remove = useMutation({
    mutationFn: (attachmentId: number) =>
      api.delete(`/api/v1/ledger/${record.id}/attachments/${attachmentId}`),
    onSuccess: () => {
      message.success(t('ledger.attachmentDeleted'));
      refresh();
    },
  });

  return (
    <div data-testid="attachments">
      {canAttach ? (
        <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 8 }}>
          <Space wrap>
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              disabled={upload.isPending}
              beforeUpload={(file) => {
                upload.reset();
                upload.mutate(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
                {t('ledger.upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">
              {t('ledger.uploadHint', {
                types: ATTACHMENT_EXTENSIONS.join(' / '),
                max: formatSize(ATTACHMENT_MAX_BYTES),
              })}
            </Typography.Text>
          </Space>
          {progress ? (
            <div data-testid="upload-progress">
              <Typography.Text type="secondary">
                {progress.phase === 'read'
                  ? t('ledger.reading', { name: progress.name })
                  : t('ledger.sending', { name: progress.name })}
              </Typography.Text>
              <Progress percent={progress.percent} size="small" status="active" />
            </div>
          ) : null}
          {upload.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorText(upload.error)}
              closable={{ onClose: () => upload.reset() }}
              data-testid="upload-error"
            />
          ) : null}
          {remove.isError ? <Alert type="error" showIcon title={errorText(remove.error)} /> : null}
        </Space>
      ) : null}
      <List
        size="small"
        dataSource={record.attachments}
        locale={{ emptyText: t('ledger.noAttachments') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="download"
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                href={`/api/v1/ledger/${record.id}/attachments/${a.id}`}
                download={a.fileName}
              >
                {t('ledger.download')}
              </Button>,
              ...(canAttach
                ? [
                    <Popconfirm
                      key="delete"
                      title={t('ledger.deleteAttachmentConfirm', { name: a.fileName })}
                      onConfirm={() => remove.mutate(a.id)}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              avatar={<PaperClipOutlined />}
              title={<span style={{ wordBreak: 'break-all' }}>{a.fileName}</span>}
              description={`${formatSize(a.size)} · ${formatDateTime(a.uploadedAt)}`}
            />
          </List.Item>
        )}
      />
    </div>
  );
}
