/** Reading a 对口联系 notice of any locality: text, spreadsheet rows or document tables. */

export { readNoticeRows, readNoticeText } from './read.js';
export {
  NOTICE_ISSUE_MESSAGES,
  type NoticeIssue,
  type NoticeIssueReason,
  type NoticePair,
  type NoticeReading,
} from './read-notice.js';
export type { Cell } from './table.js';
export { groupOf, isDepartmentName, PARTY_GROUPS, toHalfWidth, withoutPlace } from './vocabulary.js';
