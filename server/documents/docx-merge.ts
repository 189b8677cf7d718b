// Join .docx files made by the same renderer into one: each starting a section (a new page) of its own, or
// running on (`continuous`), the later files' text flowing on after the first's.
// Rendering 26 forms in one `Packer` call holds the event loop for a quarter of a second; rendering them one by
// one (a few ms each, yielding in between) and joining the bodies keeps every synchronous step short.
// The first file may hold pictures (its relationships are kept); the others must have none of their own in the
// body (no images, links or footnotes), like 附件3 or plain tables.
import JSZip from 'jszip';

const BODY = /<w:body>([\s\S]*)<\/w:body>/;

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
  const parts: string[] = [];
  for (const [i, file] of files.entries()) {
    const xml =
      i === 0 ? baseXml : await (await JSZip.loadAsync(file)).file('word/document.xml')?.async('string');
    const body = xml ? BODY.exec(xml)?.[1] : undefined;
    if (!body) throw new Error(`mergeDocx: no body in file ${i + 1}`);
    const at = body.lastIndexOf('<w:sectPr');
    const content = at >= 0 ? body.slice(0, at) : body;
    const sectPr = at >= 0 ? body.slice(at) : '';
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
