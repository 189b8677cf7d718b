// What an upload may be, in one place for the server that enforces it and the browser that checks a chosen file
// before anything is read or sent: the attachments of ledger records and consultation matters, and the files an
// import reads (the pairing notice as .docx or .xlsx, the units' 联络员 sheet).
import { base64Length } from './file-size.js';

export { base64Bytes, base64Length, formatSize } from './file-size.js';

/** Upload as JSON: the decoded file may be at most ATTACHMENT_MAX_BYTES. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** base64 of 10 MB is 13.4 MiB; the JSON around it is small. A larger Content-Length is refused unread. */
export const ATTACHMENT_BODY_LIMIT = 15 * 1024 * 1024;
export const ATTACHMENT_EXTENSIONS = [
  'pdf',
  'docx',
  'xlsx',
  'doc',
  'xls',
  'jpg',
  'jpeg',
  'png',
  'txt',
] as const;

/** The extension of a file name, lower case, without the dot (null when it has none). */
export function extensionOf(fileName: string): string | null {
  return fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? null;
}

/** The extension of a file name when it is one we accept, else null. */
export function attachmentExtension(fileName: string): (typeof ATTACHMENT_EXTENSIONS)[number] | null {
  const ext = extensionOf(fileName);
  return ext && (ATTACHMENT_EXTENSIONS as readonly string[]).includes(ext)
    ? (ext as (typeof ATTACHMENT_EXTENSIONS)[number])
    : null;
}

/** A file to import (a notice, a spreadsheet): at most 6 MB. */
export const IMPORT_FILE_MAX_BYTES = 6 * 1024 * 1024;

/** The longest base64 text of an import file the request schemas accept. */
export const IMPORT_BASE64_MAX = base64Length(IMPORT_FILE_MAX_BYTES);
/** An import body: the base64 and the JSON around it; a larger Content-Length is refused unread. */
export const IMPORT_BODY_LIMIT = 12 * 1024 * 1024;

export interface UploadRule {
  /** the extensions accepted, without the dot */
  extensions: readonly string[];
  /** the largest file accepted, in bytes */
  maxBytes: number;
  /** the largest request body of the route, in bytes (Content-Length beyond it is refused unread) */
  bodyLimit: number;
}

export const UPLOADS = {
  attachment: {
    extensions: ATTACHMENT_EXTENSIONS,
    maxBytes: ATTACHMENT_MAX_BYTES,
    bodyLimit: ATTACHMENT_BODY_LIMIT,
  },
  importXlsx: { extensions: ['xlsx'], maxBytes: IMPORT_FILE_MAX_BYTES, bodyLimit: IMPORT_BODY_LIMIT },
  importDocx: { extensions: ['docx'], maxBytes: IMPORT_FILE_MAX_BYTES, bodyLimit: IMPORT_BODY_LIMIT },
} as const satisfies Record<string, UploadRule>;

/** The `accept` attribute of a file input for a rule: `.pdf,.docx,…`. */
export const acceptOf = (rule: UploadRule): string => rule.extensions.map((e) => `.${e}`).join(',');

/** Why a chosen file would be refused — a type not accepted, or too large — or null when it may go. */
export function fileRefusal(file: { name: string; size: number }, rule: UploadRule): 'type' | 'size' | null {
  const ext = extensionOf(file.name);
  if (!ext || !rule.extensions.includes(ext)) return 'type';
  if (file.size > rule.maxBytes) return 'size';
  return null;
}
