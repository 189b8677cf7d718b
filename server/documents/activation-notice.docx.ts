// 开通通知单: one A4 page per account, for offices that hand papers over — the unit, the account name, where to
// activate and the one-time code, and whom at 统战部 to call. Printed once: the code is not kept in clear.
import { AlignmentType, type Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx';
import { chineseDate } from './chinese-date.js';
import {
  bodyParagraph,
  officialDocument,
  packDocx,
  run,
  SIZE,
  TEXT_WIDTH,
  tableCell,
  titleParagraph,
} from './official-style.js';

export const ACTIVATION_NOTICE_TITLE = '对口联系工作系统账号开通通知单';

export interface ActivationNotice {
  organisationName: string;
  holderName: string;
  username: string;
  code: string;
  /** Beijing time, e.g. 2026-12-05 14:30 */
  validUntil: string;
  activationUrl: string;
}

export interface NoticeIssuer {
  /** e.g. 奉化区委统战部 */
  oversightName: string;
  contactName: string;
  /** 'YYYY-MM-DD' */
  date: string;
}

const LABEL = 2600;
const VALUE = TEXT_WIDTH - LABEL;

function row(label: string, value: string): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [tableCell(label, { width: LABEL }), tableCell(value, { width: VALUE, align: 'left' })],
  });
}

function page(n: ActivationNotice, issuer: NoticeIssuer): (Paragraph | Table)[] {
  return [
    titleParagraph(ACTIVATION_NOTICE_TITLE),
    bodyParagraph(`${n.organisationName}${n.holderName ? ` ${n.holderName}同志` : ''}：`, { indent: false }),
    bodyParagraph(
      '本单位在对口联系工作系统中的联络员账号已经开通。请联络员本人按下表登录开通页面，输入开通码并设置只有本人知道的密码。开通码只能使用一次，逾期失效；密码不告诉任何人，包括统战部和系统管理员。',
    ),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: [LABEL, VALUE],
      layout: TableLayoutType.FIXED,
      rows: [
        row('单位', n.organisationName),
        row('联络员', n.holderName || '（本人）'),
        row('账号', n.username),
        row('开通地址', n.activationUrl),
        row('开通码', n.code),
        row('有效期至', `${n.validUntil}（北京时间）`),
        row('联系人', `${issuer.oversightName} ${issuer.contactName}`),
      ],
    }),
    bodyParagraph('如开通码遗失或过期，请与统战部联系重新生成；请勿转交他人。'),
    bodyParagraph([run(issuer.oversightName, { size: SIZE.san })], {
      alignment: AlignmentType.RIGHT,
      indent: false,
    }),
    bodyParagraph([run(chineseDate(issuer.date), { size: SIZE.san })], {
      alignment: AlignmentType.RIGHT,
      indent: false,
    }),
  ];
}

/** One section (page) per notice. */
export function activationNoticesDocx(
  notices: readonly ActivationNotice[],
  issuer: NoticeIssuer,
): Promise<Buffer> {
  return packDocx(
    officialDocument(
      ACTIVATION_NOTICE_TITLE,
      notices.map((n) => page(n, issuer)),
    ),
  );
}
