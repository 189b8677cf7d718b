import { FileExcelOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { UPLOADS } from '../../../common/uploads';
import { readAsBase64, refuseFile } from '../../components/files';

/** Upload control for one file kind, read as base64. */
export function FilePicker({
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
