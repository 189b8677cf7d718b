import { DeleteOutlined, DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, List, Popconfirm, Progress, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AttachmentDto } from '../../common/schemas/attachments';
import { acceptOf, formatSize, UPLOADS } from '../../common/uploads';
import { api, errorText, postWithProgress } from '../api/client';
import { readAsBase64, refuseFile, typesOf } from './files';
import { formatDateTime } from './format';

export { formatSize };

const ACCEPT = acceptOf(UPLOADS.attachment);

/**
 * The files of a ledger record or a consultation matter (`baseUrl` …/attachments): download for whoever sees
 * the owner; upload when `canAttach` — size and type are checked here before a byte is read or sent, then the
 * file goes as base64 JSON with progress (reading, then sending); each file shows its uploader unit and time,
 * and the delete button only where the server says this user may remove it (its own unit's files, or 统战部).
 */
export function AttachmentList({
  baseUrl,
  files,
  canAttach,
  onChanged,
  testId = 'attachments',
}: {
  baseUrl: string;
  files: AttachmentDto[];
  canAttach: boolean;
  onChanged: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ name: string; phase: 'read' | 'send'; percent: number } | null>(
    null,
  );
  const [refusal, setRefusal] = useState<string | null>(null);
  const types = typesOf(UPLOADS.attachment);
  const max = formatSize(UPLOADS.attachment.maxBytes);

  const upload = useMutation({
    mutationFn: async (file: File) => {
      setProgress({ name: file.name, phase: 'read', percent: 0 });
      const contentBase64 = await readAsBase64(file, (f) =>
        setProgress({ name: file.name, phase: 'read', percent: Math.round(f * 100) }),
      );
      setProgress({ name: file.name, phase: 'send', percent: 0 });
      return postWithProgress(baseUrl, { fileName: file.name, contentBase64 }, AttachmentDto, (f) =>
        setProgress({ name: file.name, phase: 'send', percent: Math.round(f * 100) }),
      );
    },
    onSuccess: (attachment) => {
      message.success(t('ledger.uploaded', { name: attachment.fileName }));
      onChanged();
    },
    onSettled: () => setProgress(null),
  });

  const remove = useMutation({
    mutationFn: (attachmentId: number) => api.delete(`${baseUrl}/${attachmentId}`),
    onSuccess: () => {
      message.success(t('ledger.attachmentDeleted'));
      onChanged();
    },
  });

  /** Refused here, before the upload starts: the server would refuse it too, after the wait. */
  const refuse = (file: File): string | null => refuseFile(file, UPLOADS.attachment, t);

  return (
    <div data-testid={testId}>
      {canAttach ? (
        <Space orientation="vertical" size={8} style={{ width: '100%', marginBottom: 8 }}>
          <Space wrap>
            <Upload
              accept={ACCEPT}
              showUploadList={false}
              disabled={upload.isPending}
              beforeUpload={(file) => {
                upload.reset();
                const why = refuse(file);
                setRefusal(why);
                if (!why) upload.mutate(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
                {t('ledger.upload')}
              </Button>
            </Upload>
            <Typography.Text type="secondary">{t('ledger.uploadHint', { types, max })}</Typography.Text>
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
          {refusal || upload.isError ? (
            <Alert
              type="error"
              showIcon
              title={refusal ?? errorText(upload.error)}
              closable={{
                onClose: () => {
                  setRefusal(null);
                  upload.reset();
                },
              }}
              data-testid="upload-error"
            />
          ) : null}
        </Space>
      ) : null}
      {remove.isError ? <Alert type="error" showIcon title={errorText(remove.error)} /> : null}
      <List
        size="small"
        dataSource={files}
        locale={{ emptyText: t('ledger.noAttachments') }}
        renderItem={(a) => (
          <List.Item
            actions={[
              <Button
                key="download"
                type="link"
                size="small"
                icon={<DownloadOutlined />}
                href={`${baseUrl}/${a.id}`}
                download={a.fileName}
              >
                {t('ledger.download')}
              </Button>,
              ...(a.canRemove
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
              description={
                <span data-testid="attachment-meta">
                  {formatSize(a.size)} ·{' '}
                  {a.uploaderUnit
                    ? t('ledger.uploadedBy', { unit: a.uploaderUnit.name, at: formatDateTime(a.uploadedAt) })
                    : formatDateTime(a.uploadedAt)}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
