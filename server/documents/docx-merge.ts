// Join .docx files made by the same renderer into one: each starting a section (a new page) of its own, or
// running on (`continuous`), the later files' text flowing on after the first's.
// Rendering 26 forms in one `Packer` call holds the event loop for a quarter of a second; rendering them one by
// one (a few ms each, yielding in between) and joining the bodies keeps every synchronous step short.
// The first file may hold pictures (its relationships are kept); the others must have none of their own in the
// body (no images, links or footnotes), like 附件3 or plain tables. Every section takes the first file's section
// properties, whose footer references (the page numbers) point into the first file's relationships.
// A file that is only the continuation of the table the previous file ended with (same column grid) joins
// that table, so the header row repeats on every page of it and it breaks like one table.
import JSZip from 'jszip';

const BODY = /<w:body>([\s\S]*)<\/w:body>/;
const TABLE_END = '</w:tbl>';
const GRID = /<w:tblGrid>[\s\S]*?<\/w:tblGrid>/;

/** `next` is a single table with the same columns as the table `previous` ends with. */
function continuesTable(previous: string, next: string): boolean {
  if (!previous.endsWith(TABLE_END) || !next.startsWith('<w:tbl>') || !next.endsWith(TABLE_END)) return false;
  if (next.indexOf('<w:tbl>', 1) >= 0) return false;
  const prevTable = previous.slice(previous.lastIndexOf('<w:tbl>'));
  return GRID.exec(prevTable)?.[0] === GRID.exec(next)?.[0];
}

export async function mergeDocx(
  files: readonly Buffer[],
  options: { continuous?: boolean; onEach?: () => Promise<void> } = {},
): Promise<Buffer> {
  const onEach = options.onEach ?? (async () => {});
  const [first] = files;
  if (!first) throw new RangeError('mergeDocx: no files');
  if (files.length === 1) return first;
  const base = await JSZip.loadAsync(first);
  const baseXml = await base.file('word/document.xml')?.async('string');
  if (!baseXml) throw new Error('mergeDocx: word/document.xml missing');
  const baseBody = BODY.exec(baseXml)?.[1] ?? '';
  const baseAt = baseBody.lastIndexOf('<w:sectPr');
  const baseSectPr = baseAt >= 0 ? baseBody.slice(baseAt) : '';
  const parts: string[] = [];
  for (const [i, file] of files.entries()) {
    const xml =
      i === 0 ? baseXml : await (await JSZip.loadAsync(file)).file('word/document.xml')?.async('string');
    const body = xml ? BODY.exec(xml)?.[1] : undefined;
    if (!body) throw new Error(`mergeDocx: no body in file ${i + 1}`);
    const at = body.lastIndexOf('<w:sectPr');
    let content = at >= 0 ? body.slice(0, at) : body;
    const sectPr = at >= 0 ? baseSectPr : '';
    const previous = parts.length ? (parts[parts.length - 1] as string) : '';
    if (options.continuous && continuesTable(previous, content)) {
      parts[parts.length - 1] = previous.slice(0, -TABLE_END.length);
      content = content.slice(content.indexOf('<w:tr'));
    }
    // Every file's closing section properties but the last move into a paragraph (a section break), or go.
    const last = i === files.length - 1;
    if (last) parts.push(content + sectPr);
    else
      parts.push(options.continuous || !sectPr ? content : `${content}<w:p><w:pPr>${sectPr}</w:pPr></w:p>`);
    await onEach();
  }
  base.file(
    'word/document.xml',
    baseXml.replace(BODY, () => `<w:body>${parts.join('')}</w:body>`),
  );
  return base.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
