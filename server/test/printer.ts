// The office printer of the docs suites (`npx vitest run --project docs`): a .docx printed to PDF by LibreOffice,
// as a government PC with WPS or Word would, and its first page saved as a PNG in PREVIEW_DIR for a person to
// look at. The suites read the PDF back with poppler (`run('pdftotext', …)`).
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect } from 'vitest';

export const run = promisify(execFile);
export const PREVIEW_DIR = join(tmpdir(), 'liaison-docs-preview');
// Override where LibreOffice is not on PATH as `soffice` (macOS: /Applications/LibreOffice.app/Contents/MacOS/soffice).
export const SOFFICE = process.env.SOFFICE ?? 'soffice';

// Government PCs have 仿宋_GB2312 / 方正小标宋简体 / 黑体; this machine has Noto CJK. Mapping them to the
// closest Noto faces makes the previews look like the real print (serif body, bold title) — the text
// checks do not depend on it.
const FONTS_CONF = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><test name="family"><string>仿宋_GB2312</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>Noto Serif CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit></match>
  <match target="pattern"><test name="family"><string>黑体</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>Noto Sans CJK SC</string></edit></match>
</fontconfig>`;

/** Strips all whitespace: pdftotext puts spaces between CJK and digits and breaks lines where the page does. */
export const squash = (s: string): string => s.replace(/\s+/g, '');

/** A printer for the enclosing suite: a work folder with the font map, made before and removed after it. */
export function officePrinter(): { print(docx: Buffer, name: string): Promise<string> } {
  let workDir = '';
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'liaison-docs-'));
    await writeFile(join(workDir, 'fonts.conf'), FONTS_CONF);
    await mkdir(PREVIEW_DIR, { recursive: true });
  });
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });
  return {
    /** Prints the document and returns the PDF's path; its first page is at PREVIEW_DIR/<name>.png. */
    async print(docx, name) {
      const file = join(workDir, `${name}.docx`);
      const pdf = join(workDir, `${name}.pdf`);
      await writeFile(file, docx);
      // A profile of its own per conversion: two soffice processes sharing one profile block or fail.
      const profile = join(tmpdir(), `lo-${randomUUID()}`);
      try {
        await run(
          SOFFICE,
          [
            `-env:UserInstallation=file://${profile}`,
            '--headless',
            '--convert-to',
            'pdf',
            '--outdir',
            workDir,
            file,
          ],
          { timeout: 90_000, env: { ...process.env, FONTCONFIG_FILE: join(workDir, 'fonts.conf') } },
        );
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
      // soffice exits 0 even when it could not convert; the PDF is the proof.
      expect((await stat(pdf)).size, `${name}.pdf`).toBeGreaterThan(0);
      await run('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdf,
        join(PREVIEW_DIR, name),
      ]);
      const png = await readFile(join(PREVIEW_DIR, `${name}.png`));
      expect(png.subarray(1, 4).toString(), `${name}.png`).toBe('PNG');
      return pdf;
    },
  };
}
