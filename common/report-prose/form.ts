// The form's seven sections (附件3) and what a draft is made of: sentences, each with the records behind it.

/** The seven rows under 年度情况, in the order the form prints them (the printed 附件3 uses these too). */
export const REPORT_SECTIONS = [
  { key: 'meetings', title: '对口联系会议情况' },
  { key: 'consultation', title: '重大事项通报协商情况' },
  { key: 'invitations', title: '相互邀请参加重要会议和重大活动情况' },
  { key: 'information', title: '文件信息交流情况' },
  { key: 'research', title: '联合调研情况' },
  { key: 'socialService', title: '共同开展社会服务活动情况' },
  { key: 'other', title: '其他' },
] as const;

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
