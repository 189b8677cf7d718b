// Zip-bomb refusal for OOXML uploads (.docx / .xlsx are zip packages): a small file must not unpack into
// gigabytes in whatever opens it later (a clerk's Word, the server's own xlsx import, a virus scanner).
import { inflateRaw } from 'node:zlib';

/** The most a package may unpack to, in total. */
export const ZIP_MAX_UNCOMPRESSED = 100 * 1024 * 1024;
/** Above this total, the package may be at most ZIP_MAX_RATIO times its compressed size. */
export const ZIP_RATIO_FLOOR = 10 * 1024 * 1024;
export const ZIP_MAX_RATIO = 100;
export const ZIP_MAX_ENTRIES = 10_000;

export type ZipVerdict =
  | { ok: true; entries: number; uncompressed: number }
  /** tooLarge: a bomb (413); else the package is malformed or uses what we do not accept (415) */
  | { ok: false; tooLarge: boolean; reason: string };

const EOCD = 0x06054b50;

/** A zip archive (PK\3\4): every .docx / .xlsx, and anything else that is one, gets the checks below. */
export const isZip = (bytes: Buffer): boolean => bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function inflateLimited(data: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    inflateRaw(data, { maxOutputLength: Math.max(1, limit) }, (error, out) =>
      error ? reject(error) : resolve(out.length),
    );
  });
}

/**
 * Check a zip package without trusting what it declares: the central directory's sizes are summed and checked
 * first (cheap), then every entry is actually inflated with an output cap, so an entry that lies about its size
 * is caught too. Refused: more than 10 000 entries, more than `maxUncompressed` (default 100 MiB) unpacked, a ratio above 100:1 once past
 * 10 MiB, ZIP64, encryption, methods other than stored/deflate, or a directory that does not parse.
 */
export async function checkZipPackage(
  bytes: Buffer,
  maxUncompressed: number = ZIP_MAX_UNCOMPRESSED,
): Promise<ZipVerdict> {
  // End of central directory: the last 22 bytes (+ a comment of up to 64 KiB).
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, tooLarge: false, reason: 'no zip directory' };
  const entries = bytes.readUInt16LE(eocd + 10);
  const dirSize = bytes.readUInt32LE(eocd + 12);
  const dirOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff)
    return { ok: false, tooLarge: false, reason: 'ZIP64 is not accepted' };
  if (entries > ZIP_MAX_ENTRIES)
    return { ok: false, tooLarge: true, reason: `more than ${ZIP_MAX_ENTRIES} entries` };
  if (dirOffset + dirSize > eocd)
    return { ok: false, tooLarge: false, reason: 'zip directory out of bounds' };

  const items: { method: number; compressed: number; size: number; local: number }[] = [];
  let declared = 0;
  let p = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== CENTRAL)
      return { ok: false, tooLarge: false, reason: 'bad zip directory' };
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const size = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const local = bytes.readUInt32LE(p + 42);
    if (flags & 0x1) return { ok: false, tooLarge: false, reason: 'encrypted entries are not accepted' };
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
      return { ok: false, tooLarge: false, reason: 'ZIP64 is not accepted' };
    }
    if (method !== 0 && method !== 8)
      return { ok: false, tooLarge: false, reason: `compression method ${method}` };
    declared += size;
    items.push({ method, compressed, size, local });
    p += 46 + nameLength + extraLength + commentLength;
  }
  const tooBig = (total: number) =>
    total > maxUncompressed || (total > ZIP_RATIO_FLOOR && total > bytes.length * ZIP_MAX_RATIO);
  if (tooBig(declared)) return { ok: false, tooLarge: true, reason: `declares ${declared} bytes unpacked` };

  // Now inflate for real, each entry capped by what is left of the budget.
  let actual = 0;
  for (const item of items) {
    if (item.local + 30 > bytes.length || bytes.readUInt32LE(item.local) !== LOCAL) {
      return { ok: false, tooLarge: false, reason: 'bad local header' };
    }
    const start = item.local + 30 + bytes.readUInt16LE(item.local + 26) + bytes.readUInt16LE(item.local + 28);
    const end = start + item.compressed;
    if (end > bytes.length) return { ok: false, tooLarge: false, reason: 'entry out of bounds' };
    const data = bytes.subarray(start, end);
    if (item.method === 0) {
      if (data.length !== item.size)
        return { ok: false, tooLarge: false, reason: 'a stored entry is not its declared size' };
      actual += data.length;
    } else {
      try {
        // one byte more than the entry declares (or the budget allows): a longer output means a lie or a bomb
        actual += await inflateLimited(data, Math.min(item.size, maxUncompressed - actual) + 1);
      } catch (error) {
        const over =
          (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
        return over
          ? { ok: false, tooLarge: true, reason: 'an entry unpacks beyond its declared size or the limit' }
          : { ok: false, tooLarge: false, reason: 'an entry does not inflate' };
      }
    }
    if (actual > declared || tooBig(actual))
      return { ok: false, tooLarge: true, reason: 'unpacks beyond the limit' };
  }
  return { ok: true, entries: items.length, uncompressed: actual };
}
