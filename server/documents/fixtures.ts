// Sample inputs shared by documents.test.ts and documents.docs.test.ts: the full 附件1 list of 奉政发〔2019〕47号,
// and filled-in 附件2 / 附件3 forms, including text that would be a formula if a spreadsheet evaluated it.

import { SEED_PAIRING_LIST as SEED_LIST, SEED_SOURCE, SEED_YEAR } from '../seed/fenghua-2019.js';
import type { AnnualReportForm } from './annual-report.docx.js';
import type { PairingListInput } from './pairing-list.docx.js';
import type { PairingListXlsxInput } from './pairing-list.xlsx.js';
import type { RegistrationFormInput } from './registration-form.docx.js';

export const SEED_PAIRING_LIST: PairingListInput = {
  year: SEED_YEAR,
  source: SEED_SOURCE,
  groups: SEED_LIST.map(({ counterpart, departments }) => ({ counterpart, departments: [...departments] })),
  sharedDepartments: [],
};

/** Department names a spreadsheet would evaluate if written as they are. */
export const FORMULA_LIKE_NAMES = ['=HYPERLINK("x")', '+1', '-1', '@SUM(1)'] as const;

export function seedPairingRows(): PairingListXlsxInput['rows'] {
  return SEED_PAIRING_LIST.groups.flatMap((g) =>
    g.departments.map((department) => ({
      counterpart: g.counterpart,
      department,
      validFrom: 2019,
      validTo: null,
      source: SEED_PAIRING_LIST.source,
      shared: false,
    })),
  );
}

export const FILLED_REGISTRATION: RegistrationFormInput = {
  year: 2019,
  organisationName: '区自然资源和规划分局',
  date: '2019-05-30',
  leader: { name: '王建国', position: '副局长', phone: '13805741234' },
  liaison: { name: '李晓梅', position: '办公室主任', phone: '0574-88951234' },
  deadline: '2019-06-05',
  recipient: '区委统战部党派干部科',
  contactPerson: '邬锡明',
  contactPhone: '89294017',
  fax: '88522300',
};

export const FILLED_ANNUAL_REPORT: AnnualReportForm = {
  year: 2019,
  department: '区教育局',
  date: '2020-01-20',
  counterparts: ['民盟奉化支部'],
  leader: { name: '陈志强', phone: '13905745678' },
  liaison: { name: '周丽华', phone: '88901234' },
  sections: [
    {
      key: 'meetings',
      title: '对口联系会议情况',
      text: '召开对口联系工作座谈会2次。\n研究确定年度对口联系工作计划。',
    },
    { key: 'consultation', title: '重大事项通报协商情况', text: '就学校布局调整规划征求民盟意见。' },
    {
      key: 'invitations',
      title: '相互邀请参加重要会议和重大活动情况',
      text: '邀请民盟负责人参加全区教育工作会议。',
    },
    { key: 'information', title: '文件信息交流情况', text: '抄送政策性文件12件。' },
    { key: 'research', title: '联合调研情况', text: '联合开展农村义务教育调研。' },
    { key: 'socialService', title: '共同开展社会服务活动情况', text: '共同开展送教下乡活动3次。' },
    { key: 'other', title: '其他', text: '' },
  ],
};
