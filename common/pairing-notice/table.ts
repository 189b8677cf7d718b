/**
 * Tables of a notice, from pasted text (tab-separated), .xlsx sheets or .docx tables: either one row per
 * counterpart with a cell of departments (a blank first cell repeats the row above, as merged cells do), or a
 * matrix with counterparts across the top, departments down the side (or the other way round) and ✓ / √
 * where they pair.
 */
import { closePending, type LineReader, readLine } from './read-notice.js';
import { groupOf, isDepartmentName, toHalfWidth } from './vocabulary.js';

export type Cell = string | number | null | undefined;

export type Block =
  | { kind: 'line'; text: string; line: number }
  | { kind: 'table'; rows: string[][]; firstLine: number };

/** Runs of two or more tab-separated lines are tables; every other line stands alone. */
export function tableBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    while (j < lines.length && (lines[j] as string).includes('\t')) j++;
    if (j - i >= 2) {
      blocks.push({ kind: 'table', rows: lines.slice(i, j).map((l) => l.split('\t')), firstLine: i + 1 });
      i = j - 1;
    } else blocks.push({ kind: 'line', text: lines[i] as string, line: i + 1 });
  }
  return blocks;
}

const MARK = /^[✓√✔☑●◎★是有yY1]$/;

export function cellText(cell: Cell): string {
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** Read table rows into the reader; `firstLine` numbers the first row. */
export function readTable(reader: LineReader, rows: readonly (readonly Cell[])[], firstLine: number): void {
  const cells = rows.map((row) => Array.from(row, cellText));
  if (readMatrix(reader, cells, firstLine)) return;
  let above = '';
  cells.forEach((row, i) => {
    const filled = row.filter((c) => c !== '');
    if (filled.length === 0) return;
    const numbered = row.length > 1 && /^\d+$/.test(row[0] ?? '');
    const own = numbered ? row.slice(1) : row;
    const first = own[0] ?? '';
    if (first !== '' && groupOf(first) !== null) above = first;
    else if (first !== '' && !isDepartmentName(first)) above = '';
    const rest = own.slice(1).filter((c) => c !== '');
    const cellsOfRow = first === '' && above !== '' ? [above, ...rest] : own.filter((c) => c !== '');
    closePending(reader);
    readLine(reader, cellsOfRow.join('\t'), firstLine + i);
  });
  closePending(reader);
}

/** A ✓ matrix: a header row naming two or more counterparts (or departments); false when there is none. */
function readMatrix(reader: LineReader, rows: string[][], firstLine: number): boolean {
  for (let h = 0; h < rows.length; h++) {
    const header = rows[h] as string[];
    const counterpartColumns = header.filter((c) => groupOf(c) !== null).length;
    const departmentColumns = header.filter((c) => isDepartmentName(c)).length;
    const across = counterpartColumns >= 2 ? 'counterpart' : departmentColumns >= 2 ? 'department' : null;
    if (!across) continue;
    const body = rows.slice(h + 1);
    if (!body.some((r) => r.some((c) => MARK.test(c)))) return false;
    body.forEach((row, i) => {
      const side = row.find((c) => (across === 'counterpart' ? isDepartmentName(c) : groupOf(c) !== null));
      if (!side) return;
      row.forEach((cell, j) => {
        const top = header[j] ?? '';
        if (!MARK.test(cell) || top === '') return;
        const [counterpart, department] = across === 'counterpart' ? [top, side] : [side, top];
        const group = groupOf(counterpart);
        if (group === null) return;
        reader.draft.push({
          group,
          counterpart: toHalfWidth(counterpart).trim() === counterpart ? counterpart : counterpart.trim(),
          department,
          line: firstLine + h + 1 + i,
          source: row.filter((c) => c !== '').join(' '),
          shared: false,
        });
      });
    });
    return true;
  }
  return false;
}
