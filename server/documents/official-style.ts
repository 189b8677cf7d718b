// Shared layout for the printed forms, following GB/T 9704-2012 (党政机关公文格式).
// Every run goes through `run()` so the East-Asian font slot is always set: Word picks the font for
// Chinese characters from w:eastAsia alone, and a run without it falls back to the theme's Latin font.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IBorderOptions,
  type ISectionPropertiesOptions,
  type IStylesOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  type TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';

const mm = (v: number): number => Math.round((v / 25.4) * 1440);

/** A4 with the GB/T 9704 margins, in twips. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;

/** Width of the type area (版心), 156mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Height of the type area, 225mm. */
export const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;

/** Font family names as installed on government PCs; `altName` is what Word may use when the first is missing. */
export const FONTS = {
  fangsong: '仿宋_GB2312',
  fangsongFallback: '仿宋',
  title: '方正小标宋简体',
  titleFallback: '宋体',
  heiti: '黑体',
  /** Page numbers (页码): 4号半角宋体, GB/T 9704 §7.5. */
  songti: '宋体',
} as const;

/** Chinese font sizes (字号) in half-points, as docx's `size` expects. */
export const SIZE = {
  er: 44, // 2号 22pt — titles
  san: 32, // 3号 16pt — body
  si: 28, // 4号 14pt — table text
  xiaosi: 24, // 小四 12pt — dense table text
} as const;

/** Fixed 28.95pt line pitch: 22 lines fill the 225mm type area, as GB/T 9704 prescribes. */
export const BODY_LINE = 579;

/** A font for every script slot, so digits and Latin letters match the Chinese text. */
export const fontOf = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });

export interface RunStyle {
  font?: string;
  size?: number;
  bold?: boolean;
  underline?: boolean;
}

/** A run of text; each \t becomes a real <w:tab/>, which Word needs to honour tab stops. */
export function run(text: string, style: RunStyle = {}): TextRun {
  const parts = text.split('\t');
  return new TextRun({
    children: parts.flatMap((part, i) => (i === 0 ? [part] : [new Tab(), part])).filter((c) => c !== ''),
    font: fontOf(style.font ?? FONTS.fangsong),
    size: style.size ?? SIZE.san,
    bold: style.bold,
    underline: style.underline ? { type: UnderlineType.SINGLE } : undefined,
  });
}

/** Exact line height for text of `size` half-points: 1.5 × the font size, so tables look the same in every font. */
export const lineFor = (size: number): number => size * 15;

/** 附件1 — top-left, 黑体 3号, on the first line of the type area. */
export function attachmentLabel(label: string): Paragraph {
  return new Paragraph({
    spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT },
    keepNext: true,
    children: [run(label, { font: FONTS.heiti })],
  });
}

/** Title centred in 小标宋 2号, with a blank line above (title on line 3) and below, per GB/T 9704 §8. */
export function titleParagraph(text: string, opts: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: {
      line: BODY_LINE,
      lineRule: LineRuleType.EXACT,
      before: opts.before ?? BODY_LINE,
      after: opts.after ?? BODY_LINE,
    },
    children: [run(text, { font: FONTS.title, size: SIZE.er })],
  });
}

export interface BodyOptions {
  /** 2-character first-line indent; off for lines that start at the margin (注：…, 单位名称…). */
  indent?: boolean;
  alignment?: (typeof AlignmentType)[keyof typeof AlignmentType];
  size?: number;
  tabStops?: { type: 'left' | 'right' | 'center'; position: number }[];
  pageBreakBefore?: boolean;
  /** Keep on the page of what follows: headings, a table's caption or the line above a table. */
  keepNext?: boolean;
}

/** Body text: 仿宋 3号, justified, fixed 28.95pt lines, 2-char first-line indent. */
export function bodyParagraph(
  content: string | readonly ParagraphChild[],
  opts: BodyOptions = {},
): Paragraph {
  const size = opts.size ?? SIZE.san;
  const indent = opts.indent ?? true;
  return new Paragraph({
    alignment: opts.alignment ?? AlignmentType.JUSTIFIED,
    // firstLineChars is what Word honours; firstLine (2 × font size in twips) is for readers that ignore it.
    indent: indent ? { firstLineChars: 200, firstLine: size * 20 } : undefined,
    spacing: { line: size === SIZE.san ? BODY_LINE : lineFor(size), lineRule: LineRuleType.EXACT },
    tabStops: opts.tabStops,
    pageBreakBefore: opts.pageBreakBefore,
    keepNext: opts.keepNext,
    keepLines: opts.keepNext,
    children: typeof content === 'string' ? [run(content, { size })] : [...content],
  });
}

const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

/** 0.75pt black rules on every side — written on the table and on each cell so merges keep their lines. */
export const TABLE_BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
} as const;

/** A ruled table across the text width with fixed column widths (Word and WPS otherwise re-flow the columns). */
export function ruledTable(columnWidths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows,
  });
}

export interface CellOptions {
  /** Width in twips (the columns it spans). */
  width: number;
  columnSpan?: number;
  rowSpan?: number;
  align?: 'center' | 'left';
  /** Half-points; default 4号. */
  size?: number;
  /** First-line indent of 2 characters, for running text in a cell. */
  indent?: boolean;
}

/**
 * A bordered form cell. `content` is one paragraph per string, so an empty string or [] gives a blank cell
 * to be filled in by hand.
 */
export function tableCell(content: string | readonly string[], opts: CellOptions): TableCell {
  const size = opts.size ?? SIZE.si;
  const lines = typeof content === 'string' ? [content] : content.length ? content : [''];
  const align = opts.align === 'left' ? AlignmentType.JUSTIFIED : AlignmentType.CENTER;
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: align,
          indent: opts.indent ? { firstLineChars: 200, firstLine: size * 20 } : undefined,
          spacing: { line: lineFor(size), lineRule: LineRuleType.EXACT },
          children: [run(line, { size })],
        }),
    ),
  });
}

/** Document defaults, so text typed into the file later in Word or WPS is 仿宋 3号 on the same line pitch. */
export function documentDefaults(): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: fontOf(FONTS.fangsong),
          size: SIZE.san,
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
        paragraph: { spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT } },
      },
    },
  };
}

// GB/T 9704 §7.5: the page number sits under the type area, its top 7mm below it, "— 1 —" in 4号 宋体; odd pages
// at the right and even pages at the left, each one character in from the edge of the type area — the outside
// corner once printed on both sides. The footer distance is measured from the paper's bottom edge to the
// footer's last line, so 35mm − 7mm − one 14pt line (≈5mm) ≈ 23mm.
const FOOTER_DISTANCE = mm(23);
const ONE_CHAR = SIZE.si * 10; // 14pt in twips

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: ONE_CHAR } : { left: ONE_CHAR },
        spacing: { line: lineFor(SIZE.si), lineRule: LineRuleType.EXACT },
        children: [
          new TextRun({
            // 一字线 (U+2014) either side of the number, separated by a half-width space as printed documents have.
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: fontOf(FONTS.songti),
            size: SIZE.si,
          }),
        ],
      }),
    ],
  });
}

/** Section properties: A4 portrait with the GB/T 9704 margins and the page number footers. */
export function pageProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { ...PAGE.margin, footer: FOOTER_DISTANCE },
    },
  };
}

/**
 * One page-properties section per form; each section after the first starts on a new page. Every page carries
 * its number (even/odd footers, `evenAndOddHeaderAndFooters`); numbering runs on through the sections, as
 * GB/T 9704 has for attachments bound with the text.
 */
export function officialDocument(
  title: string,
  sections: readonly (readonly (Paragraph | Table)[])[],
): Document {
  return new Document({
    title,
    creator: '对口联系',
    styles: documentDefaults(),
    evenAndOddHeaderAndFooters: true,
    sections: sections.map((children) => ({
      properties: pageProperties(),
      footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
      children: [...children],
    })),
  });
}

/**
 * Whether a table row of these cells fits in well under a page, so it may be kept whole (`cantSplit`). A row taller
 * than the page must be allowed to break: Word cuts off what does not fit in an unsplittable row. Estimated from
 * the text: one CJK character is `size` half-points wide, a Latin one about half that.
 */
export function rowFitsPage(cells: readonly { text: string; width: number }[], size: number): boolean {
  const lines = (text: string, width: number): number => {
    const perLine = Math.max(1, Math.floor((width - 200) / (size * 10)));
    return text.split(/\r?\n/).reduce((n, line) => {
      let w = 0;
      for (const ch of line) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.5;
      return n + Math.max(1, Math.ceil(w / perLine));
    }, 0);
  };
  const tallest = Math.max(1, ...cells.map((c) => lines(c.text, c.width)));
  return tallest * lineFor(size) + 120 < TEXT_HEIGHT * 0.6;
}

// docx writes an empty font table. Listing the fonts with GB2312 charset and an altName lets Word substitute
// 仿宋 for 仿宋_GB2312 (absent from stock Windows 10+) instead of falling back to a Latin font.
// Word's own entries for these fonts: GB2312 charset (86), fixed-pitch "modern" family.
const fontEntry = (name: string, altName: string | null) =>
  `<w:font w:name="${name}">${altName ? `<w:altName w:val="${altName}"/>` : ''}` +
  '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>';

const FONT_TABLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  fontEntry(FONTS.fangsong, FONTS.fangsongFallback) +
  fontEntry(FONTS.title, FONTS.titleFallback) +
  fontEntry(FONTS.heiti, null) +
  '</w:fonts>';

export function packDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: FONT_TABLE }]);
}
