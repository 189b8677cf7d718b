// 附件1 区政府部门与民主党派、工商联和无党派人士对口联系名单: one paragraph per counterpart, as printed in 奉政发〔2019〕47号.
import { AlignmentType, LineRuleType, Paragraph } from 'docx';
import {
  attachmentLabel,
  BODY_LINE,
  bodyParagraph,
  officialDocument,
  packDocx,
  run,
  SIZE,
  titleParagraph,
} from './official-style.js';

export const PAIRING_LIST_TITLE = '区政府部门与民主党派、工商联和无党派人士对口联系名单';

export interface PairingListInput {
  /** The year the list is for; goes into the file's title (the printed title has no year, as in the original). */
  year: number;
  title?: string;
  /** null prints no label, for a list sent on its own rather than as an attachment. */
  attachmentLabel?: string | null;
  /** e.g. '奉政发〔2019〕47号' — printed as a small note under the title. */
  source: string | null;
  /** In print order. */
  groups: { counterpart: string; departments: string[] }[];
  /** 共同联系单位: departments paired with all counterparts. */
  sharedDepartments: string[];
}

/** `民革奉化区委会：区公安分局、区司法局` — full-width colon and 顿号, as in the original. */
const listLine = (head: string, items: readonly string[]): Paragraph =>
  bodyParagraph(`${head}：${items.join('、')}`);

export async function renderPairingListDocx(input: PairingListInput): Promise<Buffer> {
  const title = input.title ?? PAIRING_LIST_TITLE;
  const label = input.attachmentLabel === undefined ? '附件1' : input.attachmentLabel;
  const children: Paragraph[] = [];
  if (label) children.push(attachmentLabel(label));
  if (input.source) {
    children.push(titleParagraph(title, { after: 0 }));
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: BODY_LINE, lineRule: LineRuleType.EXACT, after: BODY_LINE },
        children: [run(`（${input.source}）`, { size: SIZE.si })],
      }),
    );
  } else {
    children.push(titleParagraph(title));
  }
  for (const g of input.groups) children.push(listLine(g.counterpart, g.departments));
  if (input.sharedDepartments.length) children.push(listLine('共同联系单位', input.sharedDepartments));
  return packDocx(officialDocument(`${input.year}年${title}`, [children]));
}
