// A bar chart as SVG with its Chinese labels: the same picture in the .docx (server/documents/chart.ts, which
// also rasterises it to PNG) and in the browser's print view of the conference brief.

export interface Bar {
  label: string;
  value: number;
}

/** Size in CSS pixels (1/96 inch): 580px is 153mm, just inside the 156mm type area. */
export const CHART = { width: 580, height: 300, left: 40, right: 10, top: 40, bottom: 70 } as const;

export const CHART_FONT_FAMILY = 'Noto Sans CJK SC';

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
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${CHART.height}" viewBox="0 0 ${CHART.width} ${CHART.height}" font-family="${CHART_FONT_FAMILY}, 黑体, SimHei, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${CHART.width / 2}" y="17" font-size="14" text-anchor="middle">${escapeXml(title)}</text>` +
    `<line x1="${CHART.left}" y1="${base}" x2="${CHART.width - CHART.right}" y2="${base}" stroke="#000"/>` +
    `<line x1="${CHART.left}" y1="${CHART.top}" x2="${CHART.left}" y2="${base}" stroke="#000"/>` +
    parts.join('') +
    '</svg>'
  );
}
