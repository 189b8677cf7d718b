import { type NoticeReading, readNoticeRows, readNoticeText } from '../../../common/pairing-notice/index.js';
import { AppError } from '../../errors.js';
import { guardedPackage, oneAtATime, readGuardedXlsxRows } from '../attachments/index.js';
import { docxText } from './notice-docx.js';

async function readDocx(base64: string): Promise<string> {
  const bytes = await guardedPackage(Buffer.from(base64, 'base64'));
  const text = await oneAtATime(() => docxText(bytes)).catch(() => null);
  if (text === null) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  return text;
}

// Zip limits and one-at-a-time unpacking: attachments/xlsx-rows.ts (shared with the 联络员 sheet of accounts).

/** Read whichever source the request gave: pasted text, the notice as a .docx, or a workbook. */
export async function readImportSource(input: {
  text?: string;
  xlsxBase64?: string;
  docxBase64?: string;
}): Promise<NoticeReading> {
  if (input.xlsxBase64)
    return readNoticeRows(await readGuardedXlsxRows(Buffer.from(input.xlsxBase64, 'base64')));
  if (input.docxBase64) return readNoticeText(await readDocx(input.docxBase64));
  return readNoticeText(input.text ?? '');
}
