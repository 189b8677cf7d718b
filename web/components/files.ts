import type { TFunction } from 'i18next';
import { fileRefusal, formatSize, type UploadRule } from '../../common/uploads';

/** The types a rule accepts, as the UI lists them: pdf / docx / … */
export const typesOf = (rule: UploadRule): string => rule.extensions.join(' / ');

/**
 * Why a chosen file is refused before anything is read or sent — not a type the server accepts, or larger than
 * its limit (common/uploads.ts, the limits the server enforces) — in the UI's language; null when it may go.
 */
export function refuseFile(
  file: { name: string; size: number },
  rule: UploadRule,
  t: TFunction,
): string | null {
  const why = fileRefusal(file, rule);
  if (why === 'type') return t('ledger.fileWrongType', { name: file.name, types: typesOf(rule) });
  if (why === 'size') return t('ledger.fileTooLarge', { name: file.name, max: formatSize(rule.maxBytes) });
  return null;
}

/**
 * A chosen file as base64, without the `data:` prefix (for JSON uploads such as .xlsx imports and
 * attachments); `onProgress` hears how much is read, 0–1.
 */
export function readAsBase64(file: File, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Save base64 bytes the server returned as a file download. */
export function downloadBase64(base64: string, fileName: string, type: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
