// Bar charts for the printed documents. A chart goes into a .docx twice: as SVG, and as the PNG that Word 2013,
// WPS and LibreOffice show instead (and that every reader prints from when it does not render SVG). The PNG is
// the SVG rasterised by resvg (@resvg/resvg-js, prebuilt per platform) with a CJK font, so it carries the same
// Chinese labels. The font is Noto Sans CJK (Debian/Ubuntu package fonts-noto-cjk), found at its usual paths or
// named by LIAISON_CHART_FONT; without one, resvg looks through the system's fonts for any that has the glyphs.
import { existsSync } from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';

export interface Bar {
  label: string;
  value: number;
}

/** Size in CSS pixels (1/96 inch): 580px is 153mm, just inside the 156mm type area. */
export const CHART = { width: 580, height: 300, left: 40, right: 10, top: 40, bottom: 70 } as const;

const FONT_FAMILY = 'Noto Sans CJK SC';

const escapeXml = (s: string): string =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

function layout(bars: readonly Bar[]) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const barW = Math.max(4, Math.floor(slot * 0.6));
  return {
    slot,
    bars: bars.map((b, i) => {
      const h = Math.round((b.value / max) * plotH);
      const x = Math.round(CHART.left + i * slot + (slot - barW) / 2);
      return { ...b, x, y: CHART.top + plotH - h, w: barW, h };
    }),
  };
}

const LABEL_SIZE = 10;

/** A label in at most two lines that fit the bar's slot; what does not fit ends in …. */
export function labelLines(label: string, slot: number): string[] {
  const perLine = Math.max(2, Math.floor((slot - 4) / LABEL_SIZE));
  const chars = [...label];
  if (chars.length <= perLine) return [label];
  const second = chars.slice(perLine);
  return [
    chars.slice(0, perLine).join(''),
    second.length <= perLine ? second.join('') : `${second.slice(0, perLine - 1).join('')}…`,
  ];
}

/** A bar chart as SVG: the title above, numbered bars with the value above each, the label below. */
export function barChartSvg(title: string, bars: readonly Bar[]): string {
  const base = CHART.height - CHART.bottom;
  const { slot, bars: placed } = layout(bars);
  const parts = placed.map((b, i) => {
    const cx = b.x + b.w / 2;
    const lines = labelLines(b.label, slot)
      .map(
        (line, n) =>
          `<text x="${cx}" y="${base + 30 + n * (LABEL_SIZE + 2)}" font-size="${LABEL_SIZE}" text-anchor="middle">${escapeXml(line)}</text>`,
      )
      .join('');
    return (
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="#c0392b"/>` +
      `<text x="${cx}" y="${b.y - 4}" font-size="12" text-anchor="middle">${b.value}</text>` +
      `<text x="${cx}" y="${base + 15}" font-size="11" text-anchor="middle">${i + 1}</text>` +
      lines
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${CHART.height}" viewBox="0 0 ${CHART.width} ${CHART.height}" font-family="${FONT_FAMILY}, 黑体, SimHei, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${CHART.width / 2}" y="17" font-size="14" text-anchor="middle">${escapeXml(title)}</text>` +
    `<line x1="${CHART.left}" y1="${base}" x2="${CHART.width - CHART.right}" y2="${base}" stroke="#000"/>` +
    `<line x1="${CHART.left}" y1="${CHART.top}" x2="${CHART.left}" y2="${base}" stroke="#000"/>` +
    parts.join('') +
    '</svg>'
  );
}

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
      defaultFontFamily: files.length ? FONT_FAMILY : undefined,
    },
    fitTo: { mode: 'zoom', value: PNG_SCALE },
    background: '#ffffff',
  });
  return image.asPng();
}
