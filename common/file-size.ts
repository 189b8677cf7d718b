// Sizes of files as people read them, and the arithmetic of files sent as base64 (common/uploads.ts).

/** A size as people read it: 512 B, 900 KB, 1.5 MB, 10 MB. */
export function formatSize(bytes: number): string {
  const trim = (n: number) => String(Number(n.toFixed(1)));
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${trim(bytes / 1024)} KB`;
  return `${trim(bytes / 1024 / 1024)} MB`;
}

/** The length of the base64 text of `bytes` bytes. */
export const base64Length = (bytes: number): number => Math.ceil(bytes / 3) * 4;
/** The bytes a base64 text of `length` characters decodes to, at most. */
export const base64Bytes = (length: number): number => Math.floor(length / 4) * 3;
