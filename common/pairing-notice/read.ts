// The two ways in: pasted text (lines, runs of tab-separated lines read as tables) and the rows of a
// spreadsheet or a document's tables. Both read into one line reader (read-notice.ts); text in traditional
// characters is read (and its pairs named and shown) in simplified characters.
import { finishReading, type NoticeReading, newLineReader, readLine } from './read-notice.js';
import { toSimplified } from './script.js';
import { type Cell, cellText, readTable, tableBlocks } from './table.js';

/** Read pasted text: lines, with runs of tab-separated lines read as a table (rows or a ✓ matrix). */
export function readNoticeText(text: string): NoticeReading {
  const lines = toSimplified(text).split(/\r\n|\r|\n/);
  const reader = newLineReader();
  for (const block of tableBlocks(lines)) {
    if (block.kind === 'table') readTable(reader, block.rows, block.firstLine);
    else readLine(reader, block.text, block.line);
  }
  return finishReading(reader);
}

/** Read the rows of a spreadsheet or of a document's tables (traditional characters read as simplified). */
export function readNoticeRows(rows: readonly (readonly Cell[])[]): NoticeReading {
  const reader = newLineReader();
  // the sheet converts as one text; a line break inside a cell separates names as a space does
  const text = rows.map((row) => Array.from(row, (c) => cellText(c).replace(/[\t\r\n]/g, ' ')).join('\t'));
  const simplified = toSimplified(text.join('\n'))
    .split('\n')
    .map((row) => row.split('\t'));
  readTable(reader, simplified, 1);
  return finishReading(reader);
}
