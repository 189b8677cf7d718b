/**
 * The annual report's draft (附件3, 年度对口联系工作情况报告表) written from a year's records: pure functions over
 * plain data, so the same facts always give the same words. Every sentence carries the records it is made of
 * (`sources`), so a reader can go from a sentence to the records behind it; a section with nothing behind it
 * says so plainly instead of inventing text. This file is the face of `report-prose/`, one file per section.
 */
export { consultationSection } from './report-prose/consultation.js';
export { buildReportDraft, sectionText } from './report-prose/draft.js';
export {
  type ProseAttendance,
  type ProseConsultation,
  type ProseInvitation,
  type ProseMeetingState,
  type ProseNotice,
  type ProsePlan,
  type ProseResearch,
  type ProseService,
  type ProseSymposium,
  type ReportFacts,
  SUGGESTION_CLASS_LABELS,
  SUGGESTION_CLASSES,
  type SuggestionClass,
} from './report-prose/facts.js';
export {
  type DraftSection,
  REPORT_SECTION_KEYS,
  REPORT_SECTIONS,
  type ReportSectionKey,
  reportSectionTitle,
  type Sentence,
  type SentenceSource,
  SOURCE_TYPES,
  type SourceType,
} from './report-prose/form.js';
export { informationSection } from './report-prose/information.js';
export { invitationsSection } from './report-prose/invitations.js';
export { meetingsSection } from './report-prose/meetings.js';
export { otherSection } from './report-prose/other.js';
export { researchSection } from './report-prose/research.js';
export { socialServiceSection } from './report-prose/social-service.js';
export { booked, figure, monthDay, NOTABLE_LIMIT, quoted, tidy } from './report-prose/wording.js';
