import { type PairingParseResult, parsePairingRows, parsePairingText } from '../../../common/pairing-text.js';
import { readGuardedXlsxRows } from '../attachments/xlsx-rows.js';

/** Parse whichever source the request gave: pasted text or a two-column workbook (zip limits: xlsx-rows.ts). */
export async function parseImportSource(input: {
  text?: string;
  xlsxBase64?: string;
}): Promise<PairingParseResult> {
  if (input.xlsxBase64)
    return parsePairingRows(await readGuardedXlsxRows(Buffer.from(input.xlsxBase64, 'base64')));
  return parsePairingText(input.text ?? '');
}
