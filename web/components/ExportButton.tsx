import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { type Query, withQuery } from '../api/client';

/** A download of the file at `url` (with `query`) as a button; a Word or an Excel icon by the file's ending. */
export function ExportButton({
  url,
  query,
  icon,
  testId,
  children,
}: {
  url: string;
  query?: Query;
  icon?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Button
      icon={icon ?? (url.endsWith('.docx') ? <FileWordOutlined /> : <FileExcelOutlined />)}
      href={withQuery(url, query)}
      download
      data-testid={testId}
    >
      {children}
    </Button>
  );
}
