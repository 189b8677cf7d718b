// The meeting brief of the district conference (全区对口联系工作会议, 四(三)): the year of every pair in one
// document — totals by the seven sections of 附件3, a table per pair, consultations and replies, plans, reports,
// units with nothing recorded, the mutual evaluations — with bar charts. A chart is an SVG (with Chinese labels)
// and, for readers that do not show SVG, a PNG drawn here pixel by pixel (no canvas library): bars, axis and
// numbers, each bar numbered as the table beside it is.
import { deflateSync } from 'node:zlib';
import {
  AlignmentType,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import type { ConferenceResponse } from '../../common/schemas/reports.js';
import { ANNUAL_REPORT_SECTIONS } from './annual-report.docx.js';
import { chineseDate } from './chinese-date.js';
import { mergeDocx } from './docx-merge.js';
import {
  bodyParagraph,
  FONTS,
  officialDocument,
  packDocx,
  run,
  SIZE,
  TABLE_BORDERS,
  TEXT_WIDTH,
  tableCell,
  titleParagraph,
} from './official-style.js';

export const conferencePackTitle = (year: number): string => `${year}年度全区对口联系工作情况`;

/** 五号 (10.5pt): dense tables. */
const SIZE_SMALL = 21;

const num = (n: number | null): string => (n === null ? '—' : String(n));

/** The seven rows of 附件3 with the year's total of each (其他: plan items done). */
export function sectionTotals(data: ConferenceResponse): { title: string; value: number; note: string }[] {
  const t = data.totals;
  const values: Record<string, [number, string]> = {
    meetings: [
      t.symposia,
      `已召开的对口联系工作座谈会（次）${data.ahead.symposia ? `，另有${data.ahead.symposia}次已安排` : ''}`,
    ],
    consultation: [t.consultations, `重大事项专题协商（项），收到意见建议${t.suggestions}条`],
    invitations: [
      t.invitationsDeptToCp + t.invitationsCpToDept,
      `邀请联系对象${t.invitationsDeptToCp}次，应邀参加联系对象活动${t.invitationsCpToDept}次${
        data.ahead.invitationsDeptToCp + data.ahead.invitationsCpToDept
          ? `，另有${data.ahead.invitationsDeptToCp + data.ahead.invitationsCpToDept}次尚未举行`
          : ''
      }`,
    ],
    information: [t.notices, '通报信息、抄送文件资料（件）'],
    research: [t.research, '联合调研、委托调研、提供课题（项）'],
    socialService: [t.services, '共同开展社会服务活动（次）'],
    other: [data.plans.done, `年度计划事项完成数（共${data.plans.items}项）`],
  };
  return ANNUAL_REPORT_SECTIONS.map((s) => ({
    title: s.title,
    value: values[s.key]?.[0] ?? 0,
    note: values[s.key]?.[1] ?? '',
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Charts

export interface Bar {
  label: string;
  value: number;
}

const CHART = { width: 580, height: 300, left: 40, right: 10, top: 20, bottom: 70 } as const;

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
  return bars.map((b, i) => {
    const h = Math.round((b.value / max) * plotH);
    const x = Math.round(CHART.left + i * slot + (slot - barW) / 2);
    return { ...b, x, y: CHART.top + plotH - h, w: barW, h };
  });
}

/** A bar chart as SVG: numbered bars, the value above each, the label (shortened) below. */
export function barChartSvg(title: string, bars: readonly Bar[]): string {
  const base = CHART.height - CHART.bottom;
  const parts = layout(bars).map(
    (b, i) =>
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="#c0392b"/>` +
      `<text x="${b.x + b.w / 2}" y="${b.y - 4}" font-size="12" text-anchor="middle">${b.value}</text>` +
      `<text x="${b.x + b.w / 2}" y="${base + 16}" font-size="11" text-anchor="middle">${i + 1}</text>` +
      `<text x="${b.x + b.w / 2}" y="${base + 32}" font-size="10" text-anchor="middle">${escapeXml(
        b.label.length > 6 ? `${b.label.slice(0, 6)}…` : b.label,
      )}</text>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART.width}" height="${CHART.height}" viewBox="0 0 ${CHART.width} ${CHART.height}" font-family="Noto Sans CJK SC, 黑体, SimHei, sans-serif">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="${CHART.width / 2}" y="14" font-size="13" text-anchor="middle">${escapeXml(title)}</text>` +
    `<line x1="${CHART.left}" y1="${base}" x2="${CHART.width - CHART.right}" y2="${base}" stroke="#000"/>` +
    `<line x1="${CHART.left}" y1="${CHART.top}" x2="${CHART.left}" y2="${base}" stroke="#000"/>` +
    parts.join('') +
    '</svg>'
  );
}

// 3×5 digits, one row of 3 bits per line, for the PNG's numbers.
const DIGITS: Record<string, number[]> = {
  '0': [7, 5, 5, 5, 7],
  '1': [2, 6, 2, 2, 7],
  '2': [7, 1, 7, 4, 7],
  '3': [7, 1, 7, 1, 7],
  '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7],
  '6': [7, 4, 7, 5, 7],
  '7': [7, 1, 1, 1, 1],
  '8': [7, 5, 7, 5, 7],
  '9': [7, 5, 7, 1, 7],
};

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** The same chart as a PNG (RGB, 8 bit): bars, axes, values above and bar numbers below. */
export function barChartPng(bars: readonly Bar[]): Buffer {
  const { width, height } = CHART;
  const px = Buffer.alloc(width * height * 3, 0xff);
  const fill = (x0: number, y0: number, w: number, h: number, rgb: [number, number, number]) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
        const o = (y * width + x) * 3;
        px[o] = rgb[0];
        px[o + 1] = rgb[1];
        px[o + 2] = rgb[2];
      }
    }
  };
  const text = (s: string, cx: number, y: number, scale = 2) => {
    const w = s.length * 4 * scale - scale;
    let x = Math.round(cx - w / 2);
    for (const ch of s) {
      const rows = DIGITS[ch];
      if (rows) {
        rows.forEach((bits, r) => {
          for (let c = 0; c < 3; c++)
            if (bits & (4 >> c)) fill(x + c * scale, y + r * scale, scale, scale, [0, 0, 0]);
        });
      }
      x += 4 * scale;
    }
  };
  const base = height - CHART.bottom;
  fill(CHART.left, base, width - CHART.left - CHART.right, 1, [0, 0, 0]);
  fill(CHART.left, CHART.top, 1, base - CHART.top, [0, 0, 0]);
  layout(bars).forEach((b, i) => {
    fill(b.x, b.y, b.w, b.h, [0xc0, 0x39, 0x2b]);
    text(String(b.value), b.x + b.w / 2, b.y - 13);
    text(String(i + 1), b.x + b.w / 2, base + 6);
  });
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) px.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chartParagraphs(title: string, bars: readonly Bar[]): Paragraph[] {
  const image = new Paragraph({
    alignment: AlignmentType.CENTER,
    // The document's exact line pitch would clip the picture to one line: this paragraph sizes to its content.
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 120 },
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(barChartSvg(title, bars), 'utf8'),
        fallback: { type: 'png', data: barChartPng(bars) },
        transformation: { width: CHART.width, height: CHART.height },
        altText: { name: title, title, description: legend(bars) },
      }),
    ],
  });
  // The legend in words, for the PNG (numbers only) and for a reader of the printed page.
  const caption = bodyParagraph(`图：${title}（${legend(bars)}）`, {
    indent: false,
    alignment: AlignmentType.CENTER,
    size: SIZE_SMALL,
  });
  return [image, caption];
}

const legend = (bars: readonly Bar[]): string =>
  bars.map((b, i) => `${i + 1}.${b.label} ${b.value}`).join('；');

// ---------------------------------------------------------------------------------------------------------
// Tables and text

const heading = (text: string): Paragraph =>
  new Paragraph({
    spacing: { line: 579, lineRule: LineRuleType.EXACT },
    indent: { firstLineChars: 200, firstLine: SIZE.san * 20 },
    children: [run(text, { font: FONTS.heiti })],
  });

function grid(headers: string[], rows: (string | number)[][], widths?: number[], withHeader = true): Table {
  const w = widths ?? headers.map(() => Math.floor(TEXT_WIDTH / headers.length));
  const cell = (v: string | number, i: number) =>
    tableCell(String(v), { width: w[i] ?? 1000, size: SIZE_SMALL });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: w,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [
      ...(withHeader ? [new TableRow({ tableHeader: true, children: headers.map(cell) })] : []),
      ...rows.map((r) => new TableRow({ children: r.map(cell) })),
    ],
  });
}

const PAIR_HEADERS = [
  '序号',
  '联系对象',
  '部门',
  '座谈会',
  '协商事项',
  '意见建议',
  '邀请',
  '应邀',
  '通报',
  '调研',
  '服务',
  '互评',
];
const PAIR_WIDTHS = [520, 1400, 1500, 640, 640, 640, 600, 600, 600, 600, 600, 700];

export function pairRows(data: ConferenceResponse): (string | number)[][] {
  const paired = data.pairs.map((p, i) => [
    i + 1,
    p.counterpart.name,
    p.department.name,
    p.counts.symposia,
    p.counts.consultations,
    p.counts.suggestions,
    p.counts.invitationsDeptToCp,
    p.counts.invitationsCpToDept,
    p.counts.notices,
    p.counts.research,
    p.counts.services,
    `${num(p.departmentScore)}/${num(p.counterpartScore)}`,
  ]);
  // suggestions from a counterpart not paired with the department: their own rows, so the column adds up
  const others = data.others.map((o, i) => [
    data.pairs.length + i + 1,
    `${o.counterpart.name}（非结对）`,
    o.department.name,
    0,
    0,
    o.suggestions,
    0,
    0,
    0,
    0,
    0,
    '—',
  ]);
  return [...paired, ...others];
}

/** Records per counterpart (all kinds, all its pairs): the second chart. */
export function counterpartBars(data: ConferenceResponse): Bar[] {
  const m = new Map<string, number>();
  for (const p of data.pairs) {
    const c = p.counts;
    const n =
      c.symposia +
      c.consultations +
      c.invitationsDeptToCp +
      c.invitationsCpToDept +
      c.notices +
      c.research +
      c.services;
    m.set(p.counterpart.name, (m.get(p.counterpart.name) ?? 0) + n);
  }
  return [...m].map(([label, value]) => ({ label, value }));
}

/** Pair rows per separately rendered part: each part renders in a few milliseconds. */
const PAIR_CHUNK = 10;

/**
 * The brief, rendered in parts that are joined afterwards (documents/docx-merge.ts): the first with the charts,
 * then the pair table ten rows at a time, then the rest; `onPart` runs between parts (a job yields there), so no
 * single synchronous render grows with the number of pairs.
 */
export async function renderConferencePackDocx(
  data: ConferenceResponse,
  onPart: () => Promise<void> = async () => {},
): Promise<Buffer> {
  const sections = sectionTotals(data);
  const head: (Paragraph | Table)[] = [
    titleParagraph(conferencePackTitle(data.year), { before: 0 }),
    bodyParagraph(`（全区对口联系工作会议材料，${chineseDate(data.generatedAt.slice(0, 10))}生成）`, {
      indent: false,
      alignment: AlignmentType.CENTER,
      size: SIZE.si,
    }),
    heading('一、总体情况'),
    bodyParagraph(data.prose.overview),
    grid(
      ['年度情况', '数量', '说明'],
      sections.map((s) => [s.title, s.value, s.note]),
      [3200, 1000, TEXT_WIDTH - 4200],
    ),
    ...chartParagraphs(
      '附件3各项工作全年数量',
      sections.map((s) => ({ label: s.title, value: s.value })),
    ),
    heading('二、各对口联系情况'),
    ...chartParagraphs('各联系对象全年工作记录数', counterpartBars(data)),
    bodyParagraph(
      '（邀请：部门邀请联系对象；应邀：部门应联系对象邀请；互评：部门得分/联系对象得分，5分制）',
      {
        size: SIZE_SMALL,
        indent: false,
      },
    ),
  ];
  const rows = pairRows(data);
  const tables: Table[] = [];
  for (let i = 0; i < Math.max(1, rows.length); i += PAIR_CHUNK) {
    tables.push(grid(PAIR_HEADERS, rows.slice(i, i + PAIR_CHUNK), PAIR_WIDTHS, i === 0));
  }
  const tail: (Paragraph | Table)[] = [
    heading('三、重大事项协商及答复情况'),
    bodyParagraph(data.prose.consultation),
    ...(data.prose.breaches ? [bodyParagraph(data.prose.breaches)] : []),
    heading('四、年度工作计划执行情况'),
    bodyParagraph(data.prose.plans),
    heading('五、年度报告报送情况'),
    bodyParagraph(data.prose.reports),
    heading('六、全年未记录对口联系工作的单位'),
    bodyParagraph(data.prose.unitsWithNothing),
    heading('七、相互评价情况'),
    bodyParagraph(data.prose.evaluations),
  ];
  if (data.evaluations.items.length) {
    tail.push(
      grid(
        ['部门', '联系对象', '评价方', '得分', '评语'],
        data.evaluations.items.map((e) => [
          e.department.name,
          e.counterpart.name,
          e.raterSide === 'department' ? '部门' : '联系对象',
          e.score,
          e.comment ?? '',
        ]),
        [1900, 1700, 1100, 700, TEXT_WIDTH - 5400],
      ),
    );
  }
  const title = conferencePackTitle(data.year);
  const files: Buffer[] = [];
  for (const part of [head, ...tables.map((x) => [x]), tail]) {
    files.push(await packDocx(officialDocument(title, [part])));
    await onPart();
  }
  return mergeDocx(files, { continuous: true, onEach: onPart });
}
