// File type checks for attachments: the extension must be allowed AND the bytes must be of that type.
import { type ATTACHMENT_EXTENSIONS, attachmentExtension } from '../../../common/schemas/attachments.js';

type Extension = (typeof ATTACHMENT_EXTENSIONS)[number];

const MIME: Record<Extension, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain; charset=utf-8',
};

const startsWith = (bytes: Buffer, magic: readonly number[]): boolean =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4 — docx/xlsx are OOXML zip packages
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // doc/xls: OLE2 compound file
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Plain text: valid UTF-8 with no control characters other than tab, CR, LF, FF. */
function isText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse binary content
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** An OOXML package names its main part near the start: word/ for .docx, xl/ for .xlsx. */
function ooxmlHas(bytes: Buffer, folder: string): boolean {
  return bytes.includes(Buffer.from('[Content_Types].xml')) && bytes.includes(Buffer.from(folder));
}

const CHECKS: Record<Extension, (b: Buffer) => boolean> = {
  pdf: (b) => startsWith(b, PDF),
  docx: (b) => startsWith(b, ZIP) && ooxmlHas(b, 'word/'),
  xlsx: (b) => startsWith(b, ZIP) && ooxmlHas(b, 'xl/'),
  doc: (b) => startsWith(b, OLE),
  xls: (b) => startsWith(b, OLE),
  jpg: (b) => startsWith(b, JPEG),
  jpeg: (b) => startsWith(b, JPEG),
  png: (b) => startsWith(b, PNG),
  txt: isText,
};

/** The MIME type of an allowed file whose bytes match its extension; null when either check fails. */
export function sniffAttachment(fileName: string, bytes: Buffer): string | null {
  const e: Extension | null = attachmentExtension(fileName);
  if (!e) return null;
  return CHECKS[e](bytes) ? MIME[e] : null;
}
