// The form's seven sections (附件3) and what a draft is made of: sentences, each with the records behind it.

/** The seven rows under 年度情况, in the order the form prints them (the printed 附件3 uses these too). */
export const REPORT_SECTIONS = [
  { key: 'meetings', title: '对口联系会议情况', en: 'Liaison meetings' },
  { key: 'consultation', title: '重大事项通报协商情况', en: 'Major matters notified and consulted on' },
  {
    key: 'invitations',
    title: '相互邀请参加重要会议和重大活动情况',
    en: 'Invitations to important meetings and activities',
  },
  { key: 'information', title: '文件信息交流情况', en: 'Documents and information exchanged' },
  { key: 'research', title: '联合调研情况', en: 'Joint research' },
  { key: 'socialService', title: '共同开展社会服务活动情况', en: 'Social service activities together' },
  { key: 'other', title: '其他', en: 'Other' },
] as const;

/** A section's heading in the reader's language: 附件3's own words in Chinese, a translation in English. */
export function reportSectionTitle(key: string, title: string, lang: 'zh-CN' | 'en'): string {
  if (lang !== 'en') return title;
  return REPORT_SECTIONS.find((s) => s.key === key)?.en ?? title;
}

export type ReportSectionKey = (typeof REPORT_SECTIONS)[number]['key'];
export const REPORT_SECTION_KEYS = REPORT_SECTIONS.map((s) => s.key) as [
  ReportSectionKey,
  ...ReportSectionKey[],
];

/** What a sentence can point at: a ledger record, a consultation (matter) or one of its suggestions, a plan or an item. */
export const SOURCE_TYPES = ['ledger', 'consultation', 'suggestion', 'plan', 'plan_item'] as const;
export type SourceType = (typeof SOURCE_TYPES)[number];

export interface SentenceSource {
  type: SourceType;
  id: number;
}

export interface Sentence {
  text: string;
  sources: SentenceSource[];
}

export interface DraftSection {
  key: ReportSectionKey;
  title: string;
  sentences: Sentence[];
}
