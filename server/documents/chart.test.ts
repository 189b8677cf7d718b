// The PNG each chart carries for readers that do not show SVG (Word 2013, WPS, LibreOffice) must hold its
// Chinese labels: rasterised with a CJK font, different characters give different pixels. Were a font
// missing, each character would be the same empty box (or nothing) and the pictures would be equal.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { barChartPng, barChartSvg, CHART, labelLines } from './chart.js';

/** Width, height and the number of dark pixels of an 8-bit RGB/RGBA PNG, read with zlib alone. */
function pngStats(png: Buffer): { width: number; height: number; dark: (y0: number, y1: number) => number } {
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colourType = png[25];
  const channels = colourType === 6 ? 4 : colourType === 2 ? 3 : colourType === 4 ? 2 : 1;
  const idat: Buffer[] = [];
  for (let o = 8; o < png.length; ) {
    const len = png.readUInt32BE(o);
    if (png.toString('ascii', o + 4, o + 8) === 'IDAT') idat.push(png.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(stride * height);
  // Undo the per-row PNG filters (None, Sub, Up, Average, Paeth).
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)] as number;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x] as number;
      const a = x >= channels ? (px[y * stride + x - channels] as number) : 0;
      const b = y > 0 ? (px[(y - 1) * stride + x] as number) : 0;
      const c = x >= channels && y > 0 ? (px[(y - 1) * stride + x - channels] as number) : 0;
      const p = a + b - c;
      const pr =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const pred = [0, a, b, (a + b) >> 1, pr][f] ?? 0;
      px[y * stride + x] = (v + pred) & 0xff;
    }
  }
  const dark = (y0: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++)
      for (let x = 0; x < width; x++) if ((px[y * stride + x * channels] as number) < 100) n++;
    return n;
  };
  return { width, height, dark };
}

describe('chart PNG', () => {
  it('draws the Chinese title and labels, not boxes', async () => {
    const values = [3, 5, 2];
    const bars = (labels: string[]) => labels.map((label, i) => ({ label, value: values[i] ?? 0 }));
    const a = await barChartPng('座谈会次数', bars(['民革', '民盟', '民建']));
    // As many characters as in a: boxes for missing glyphs would give the same pixels.
    const b = await barChartPng('调研的项数', bars(['民进', '农工', '九三']));
    const none = await barChartPng('', bars(['', '', '']));
    const [sa, sb, sn] = [pngStats(a), pngStats(b), pngStats(none)];
    // Three times the chart's size: 288 dpi when printed at its size in the document.
    expect([sa.width, sa.height]).toEqual([CHART.width * 3, CHART.height * 3]);
    // The title band: text drawn, and different text drawn differently.
    const title = (s: typeof sa) => s.dark(0, 22 * 3); // above the tallest bar's value
    expect(title(sn)).toBe(0);
    expect(title(sa)).toBeGreaterThan(300);
    expect(title(sb)).toBeGreaterThan(300);
    expect(title(sa)).not.toBe(title(sb));
    // The label band under the bar numbers.
    const labels = (s: typeof sa) => s.dark((CHART.height - CHART.bottom + 20) * 3, CHART.height * 3);
    expect(labels(sn)).toBe(0);
    expect(labels(sa)).toBeGreaterThan(200);
    expect(labels(sa)).not.toBe(labels(sb));
  });

  it('keeps the labels in the SVG, escaped, and wraps a long one onto two lines', () => {
    const svg = barChartSvg('A&B', [{ label: '相互邀请参加重要会议和重大活动情况', value: 1 }]);
    expect(svg).toContain('A&amp;B');
    expect(labelLines('相互邀请参加重要会议和重大活动情况', 75)).toEqual(['相互邀请参加重', '要会议和重大…']);
    expect(labelLines('民盟', 75)).toEqual(['民盟']);
  });
});
