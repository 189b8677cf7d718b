// The labels of request fields in both languages: how a validation failure names the field a user typed into
// ("「标题」不能超过200个字" / "Title: at most 200 characters"). Keys are the field names of the request schemas in
// common/schemas; a field missing here is named by its path (fieldLabel's fallback), never left out.
import type { Lang } from './errors.js';

export interface Label {
  zh: string;
  en: string;
}

export const FIELD_LABELS = {
  // who and what
  title: { zh: '标题', en: 'Title' },
  name: { zh: '名称', en: 'Name' },
  names: { zh: '名称', en: 'Names' },
  shortName: { zh: '简称', en: 'Short name' },
  alias: { zh: '别名', en: 'Alias' },
  displayName: { zh: '姓名', en: 'Name' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  totp: { zh: '动态验证码', en: 'Authenticator code' },
  code: { zh: '开通码', en: 'Activation code' },
  email: { zh: '电子邮箱', en: 'E-mail' },
  position: { zh: '职务', en: 'Position' },
  phone: { zh: '电话', en: 'Phone' },
  mobile: { zh: '手机', en: 'Mobile' },
  officePhone: { zh: '办公电话', en: 'Office phone' },
  contactPerson: { zh: '联系人', en: 'Contact person' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  fax: { zh: '传真', en: 'Fax' },
  recipient: { zh: '报送单位', en: 'Recipient' },
  officeName: { zh: '办公室名称', en: 'Office name' },
  oversightName: { zh: '统战部名称', en: 'United Front Work Dept. name' },
  locality: { zh: '地区', en: 'Locality' },
  role: { zh: '角色', en: 'Role' },
  level: { zh: '级别', en: 'Level' },
  kind: { zh: '类别', en: 'Kind' },
  subtype: { zh: '方式', en: 'Type' },
  direction: { zh: '邀请方向', en: 'Direction' },
  status: { zh: '状态', en: 'Status' },
  // units and records
  departmentId: { zh: '部门', en: 'Department' },
  counterpartId: { zh: '联系对象', en: 'Counterpart' },
  counterpartIds: { zh: '联系对象', en: 'Counterparts' },
  organisationId: { zh: '单位', en: 'Unit' },
  regionId: { zh: '行政区划', en: 'Region' },
  parentId: { zh: '上级', en: 'Parent' },
  partnerId: { zh: '结对单位', en: 'Partner' },
  pairingId: { zh: '结对', en: 'Pairing' },
  planItemId: { zh: '计划事项', en: 'Plan item' },
  matterId: { zh: '重大事项', en: 'Major matter' },
  itemId: { zh: '意见建议', en: 'Suggestion' },
  roundId: { zh: '报送轮次', en: 'Filing round' },
  symposiumId: { zh: '座谈会', en: 'Symposium' },
  attachmentId: { zh: '附件', en: 'Attachment' },
  id: { zh: '编号', en: 'Id' },
  ids: { zh: '编号', en: 'Ids' },
  // times
  year: { zh: '年度', en: 'Year' },
  date: { zh: '日期', en: 'Date' },
  from: { zh: '开始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
  startsAt: { zh: '开始时间', en: 'Start time' },
  endsAt: { zh: '结束时间', en: 'End time' },
  deadline: { zh: '截止日期', en: 'Deadline' },
  heldAt: { zh: '召开时间', en: 'Time held' },
  scheduledAt: { zh: '安排时间', en: 'Scheduled time' },
  decidedAt: { zh: '决策日期', en: 'Decision date' },
  plannedDecisionDate: { zh: '拟决策日期', en: 'Planned decision date' },
  receivedOn: { zh: '收到日期', en: 'Date received' },
  targetMonth: { zh: '计划月份', en: 'Target month' },
  servedFrom: { zh: '任职起始日期', en: 'Served from' },
  validFrom: { zh: '起始年度', en: 'First year' },
  validTo: { zh: '终止年度', en: 'Last year' },
  days: { zh: '天数', en: 'Days' },
  // texts
  summary: { zh: '情况摘要', en: 'Summary' },
  place: { zh: '地点', en: 'Place' },
  docNumber: { zh: '文号', en: 'Document number' },
  source: { zh: '来源', en: 'Source' },
  instruction: { zh: '领导批示', en: 'Leader’s instruction' },
  attendees: { zh: '出席人员', en: 'Attendees' },
  minutes: { zh: '会议纪要', en: 'Minutes' },
  reason: { zh: '理由', en: 'Reason' },
  note: { zh: '备注', en: 'Note' },
  comment: { zh: '意见', en: 'Comment' },
  analysis: { zh: '分析研究', en: 'Analysis' },
  text: { zh: '内容', en: 'Text' },
  body: { zh: '内容', en: 'Text' },
  reply: { zh: '答复', en: 'Reply' },
  replyClass: { zh: '答复类别', en: 'Reply class' },
  verdict: { zh: '评价', en: 'Verdict' },
  score: { zh: '评分', en: 'Score' },
  participants: { zh: '参加人员', en: 'Participants' },
  beneficiaries: { zh: '服务对象', en: 'Beneficiaries' },
  fundsWan: { zh: '引进资金（万元）', en: 'Funds (10,000 yuan)' },
  peopleServed: { zh: '服务人次', en: 'People served' },
  projectsLanded: { zh: '落地项目数', en: 'Projects landed' },
  outcome: { zh: '成效', en: 'Outcome' },
  adoption: { zh: '采纳落实', en: 'Adoption' },
  team: { zh: '调研组', en: 'Research team' },
  department: { zh: '部门', en: 'Department' },
  counterpart: { zh: '联系对象', en: 'Counterpart' },
  sections: { zh: '报告各项', en: 'Sections' },
  sectionKey: { zh: '报告项目', en: 'Section' },
  // the security policy (安全策略)
  sessionIdleMinutes: { zh: '会话空闲超时（分钟）', en: 'Session idle timeout (minutes)' },
  sessionAbsoluteHours: { zh: '会话最长有效期（小时）', en: 'Session maximum lifetime (hours)' },
  passwordMinLength: { zh: '密码最小长度', en: 'Minimum password length' },
  passwordMinClasses: { zh: '密码至少包含的字符类别数', en: 'Minimum character classes' },
  lockoutThreshold: { zh: '连续登录失败锁定次数', en: 'Failed sign-ins before lockout' },
  lockoutMinutes: { zh: '锁定时长（分钟）', en: 'Lockout duration (minutes)' },
  passwordHistory: { zh: '密码历史次数', en: 'Password history' },
  passwordMaxAgeDays: { zh: '密码有效期（天）', en: 'Password lifetime (days)' },
  passwordRejectUsername: { zh: '密码不得包含用户名', en: 'Reject the username in passwords' },
  totpRequiredForAdmins: { zh: '三员必须使用动态验证码', en: 'Authenticator code for the admins' },
  // files and queries
  fileName: { zh: '文件名', en: 'File name' },
  contentBase64: { zh: '文件内容', en: 'File content' },
  xlsxBase64: { zh: '表格文件', en: 'Spreadsheet' },
  docxBase64: { zh: '通知文件', en: 'Notice file' },
  q: { zh: '搜索词', en: 'Search text' },
  page: { zh: '页码', en: 'Page' },
  pageSize: { zh: '每页条数', en: 'Page size' },
  limit: { zh: '条数', en: 'Limit' },
  offset: { zh: '起始位置', en: 'Offset' },
} as const satisfies Record<string, Label>;

/** The part of a request a path-less issue is about (fastify-type-provider-zod's validation context). */
const REQUEST: Label = { zh: '提交的内容', en: 'The request' };
const WHOLE: Record<string, Label> = {
  body: REQUEST,
  querystring: { zh: '查询条件', en: 'The query' },
  params: { zh: '地址参数', en: 'The address' },
  headers: { zh: '请求头', en: 'The headers' },
};

function pick(label: Label, lang: Lang): string {
  return lang === 'en' ? label.en : label.zh;
}

/**
 * The label of a field path in a language: the last named segment's label (`items.0.title` → 标题), else the
 * path as written (`foo.bar`), else what the whole request is (提交的内容 / The request).
 */
export function fieldLabel(path: readonly PropertyKey[], lang: Lang, context = 'body'): string {
  const named = path.filter((p): p is string => typeof p === 'string' && !/^\d+$/.test(p));
  const last = named.at(-1);
  if (last && Object.hasOwn(FIELD_LABELS, last))
    return pick(FIELD_LABELS[last as keyof typeof FIELD_LABELS], lang);
  if (path.length > 0) return path.map(String).join('.');
  return pick(WHOLE[context] ?? REQUEST, lang);
}
