// Bar charts for the printed documents. A chart goes into a .docx twice: as SVG, and as the PNG that Word 2013,
// WPS and LibreOffice show instead (and that every reader prints from when it does not render SVG). The PNG is
// the SVG rasterised by resvg (@resvg/resvg-js, prebuilt per platform) with a CJK font, so it carries the same
// Chinese labels. The font is Noto Sans CJK (Debian/Ubuntu package fonts-noto-cjk), found at its usual paths or
// named by LIAISON_CHART_FONT; without one, resvg looks through the system's fonts for any that has the glyphs.
import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import { type Bar, barChartSvg, CHART_FONT_FAMILY } from '../../common/bar-chart.js';

export { type Bar, barChartSvg, CHART, labelLines } from '../../common/bar-chart.js';

const FONT_PATHS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', // Debian, Ubuntu (fonts-noto-cjk)
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', // Fedora, RHEL
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', // Arch, Alpine
];

let fontFiles: string[] | undefined;
function chartFonts(): string[] {
  if (!fontFiles) {
    const named = process.env.LIAISON_CHART_FONT;
    fontFiles = (named ? [named] : FONT_PATHS).filter((p) => existsSync(p));
  }
  return fontFiles;
}

/** Pixels per CSS pixel in the PNG: 3 × 96 = 288 dpi at the printed size, sharp on a laser printer. */
const PNG_SCALE = 3;

/**
 * The SVG as a PNG with its text, rasterised on libuv's thread pool (renderAsync), so the event loop is free
 * while it runs.
 */
export async function barChartPng(title: string, bars: readonly Bar[]): Promise<Buffer> {
  const files = chartFonts();
  const image = await renderAsync(barChartSvg(title, bars), {
    font: {
      fontFiles: files,
      loadSystemFonts: files.length === 0,
      defaultFontFamily: files.length ? CHART_FONT_FAMILY : undefined,
    },
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: '#ffffff',
  });
  return image.asPng();
}
