// The audit trail's codes in words: every action the server writes (`appendAudit`'s `action`, typed by
// `AuditAction`, so an action without a label does not compile; `audit-actions.test.ts` also scans the server's
// source), the entity types it writes them about, in Chinese and English. The audit page and the access log
// show these labels; a code not listed (an old entry, a test's) is shown as it is.
import { ROLE_LABELS, ROLES, type Role } from './roles.js';
import type { AuditOutcome } from './schemas/audit.js';

export interface AuditLabel {
  zh: string;
  en: string;
}

export const AUDIT_ACTION_LABELS = {
  'access.denied': { zh: '拒绝访问', en: 'Access refused' },
  'account.activate': { zh: '开通账号', en: 'Account activated' },
  'account.code.check': { zh: '核验开通码', en: 'Activation code checked' },
  'account.code.email': { zh: '邮件发送开通码', en: 'Activation code e-mailed' },
  'account.code.issue': { zh: '签发开通码', en: 'Activation code issued' },
  'account.handover.accept': { zh: '接受账号移交', en: 'Account hand-over accepted' },
  'account.handover.decline': { zh: '拒绝账号移交', en: 'Account hand-over declined' },
  'account.handover.propose': { zh: '提出账号移交', en: 'Account hand-over proposed' },
  'account.provision': { zh: '批量开通账号', en: 'Accounts created in bulk' },
  'audit.anchor': { zh: '锚定审计日志', en: 'Audit trail anchored' },
  'audit.archive': { zh: '归档审计日志', en: 'Audit trail archived' },
  'audit.export': { zh: '导出审计日志', en: 'Audit trail exported' },
  'auth.lockout': { zh: '账号锁定', en: 'Account locked' },
  'auth.login': { zh: '登录', en: 'Sign-in' },
  'auth.logout': { zh: '退出登录', en: 'Sign-out' },
  'auth.password.change': { zh: '修改密码', en: 'Password changed' },
  'auth.totp.enable': { zh: '启用动态口令', en: 'Two-factor sign-in enabled' },
  'auth.totp.setup': { zh: '设置动态口令', en: 'Two-factor sign-in set up' },
  'calendar.feed_token.reset': { zh: '重置日历订阅地址', en: 'Calendar feed address reset' },
  'change_report.acknowledge': { zh: '确认人员变动报告', en: 'Change report acknowledged' },
  'change_report.create': { zh: '报告人员变动', en: 'Change report filed' },
  'consultation.extension.grant': { zh: '同意延期', en: 'Extension granted' },
  'consultation.extension.refuse': { zh: '不同意延期', en: 'Extension refused' },
  'consultation.extension.request': { zh: '申请延期', en: 'Extension requested' },
  'consultation.item.analyse': { zh: '分析研究意见建议', en: 'Suggestion analysed' },
  'consultation.item.close': { zh: '办结意见建议', en: 'Suggestion closed' },
  'consultation.item.create': { zh: '登记意见建议', en: 'Suggestion recorded' },
  'consultation.item.reply': { zh: '答复意见建议', en: 'Suggestion replied to' },
  'consultation.item.urge': { zh: '督办', en: 'Reply pressed' },
  'consultation.item.verdict': { zh: '评价答复', en: 'Reply rated' },
  'consultation.matter.attach': { zh: '上传重大事项附件', en: 'Matter attachment added' },
  'consultation.matter.create': { zh: '登记重大事项', en: 'Major matter recorded' },
  'consultation.matter.decide': { zh: '登记决策', en: 'Decision recorded' },
  'consultation.matter.detach': { zh: '删除重大事项附件', en: 'Matter attachment removed' },
  'consultation.matter.update': { zh: '修改重大事项', en: 'Major matter edited' },
  'consultation.remind': { zh: '答复提醒', en: 'Reply reminder sent' },
  'consultation.settings.update': { zh: '修改协商设置', en: 'Consultation settings changed' },
  'consultation.symposium.hold': { zh: '召开专题协商座谈会', en: 'Symposium held' },
  'consultation.symposium.minutes': { zh: '登记座谈会纪要', en: 'Symposium minutes recorded' },
  'consultation.symposium.schedule': { zh: '安排专题协商座谈会', en: 'Symposium scheduled' },
  'contacts.reveal': { zh: '查看完整电话', en: 'Phone numbers shown in full' },
  'crypto.switch': { zh: '切换密码算法', en: 'Encryption scheme switched' },
  'data.encrypt': { zh: '重新加密存储数据', en: 'Stored data re-encrypted' },
  'data.integrity': { zh: '数据完整性校验失败', en: 'Stored data failed its integrity check' },
  'document.export': { zh: '导出文件', en: 'Document exported' },
  'evaluation.rate': { zh: '相互评价', en: 'Evaluation given' },
  'filing.file': { zh: '备案', en: 'Form filed' },
  'filing.remind': { zh: '催报', en: 'Filing reminder sent' },
  'filing.return': { zh: '退回登记表', en: 'Form returned' },
  'filing.save': { zh: '保存登记表', en: 'Form saved' },
  'filing.submit': { zh: '报送登记表', en: 'Form submitted' },
  'filing_round.close': { zh: '结束登记报送', en: 'Filing round closed' },
  'filing_round.create': { zh: '发起登记报送', en: 'Filing round started' },
  'filing_round.update': { zh: '修改登记报送', en: 'Filing round changed' },
  'job.create': { zh: '创建后台任务', en: 'Background job started' },
  'ledger.adopt': { zh: '登记采纳落实', en: 'Adoption recorded' },
  'ledger.attach': { zh: '上传台账附件', en: 'Ledger attachment added' },
  'ledger.attendance': { zh: '登记出席', en: 'Attendance recorded' },
  'ledger.create': { zh: '新增台账记录', en: 'Ledger record added' },
  'ledger.detach': { zh: '删除台账附件', en: 'Ledger attachment removed' },
  'ledger.minutes': { zh: '登记纪要', en: 'Minutes recorded' },
  'ledger.read': { zh: '阅读通报', en: 'Notice read' },
  'ledger.receive': { zh: '签收通报', en: 'Notice received' },
  'ledger.reply': { zh: '回复邀请', en: 'Invitation answered' },
  'ledger.take_up': { zh: '承接研究课题', en: 'Research topic taken up' },
  'ledger.update': { zh: '修改台账记录', en: 'Ledger record edited' },
  'notification.delivery.retry': { zh: '重发邮件', en: 'E-mail delivery retried' },
  'notification.preferences.update': { zh: '修改通知设置', en: 'Notification settings changed' },
  'organisation.alias.add': { zh: '添加别名', en: 'Alias added' },
  'organisation.alias.remove': { zh: '删除别名', en: 'Alias removed' },
  'organisation.create': { zh: '新增单位', en: 'Organisation added' },
  'organisation.update': { zh: '修改单位', en: 'Organisation changed' },
  'pairing.create': { zh: '新增对口联系', en: 'Pairing added' },
  'pairing.end': { zh: '结束对口联系', en: 'Pairing ended' },
  'pairing.import': { zh: '导入对口联系名单', en: 'Pairing list imported' },
  'plan.create': { zh: '制定年度计划', en: 'Annual plan made' },
  'plan.item.add': { zh: '添加计划事项', en: 'Plan item added' },
  'plan.item.delete': { zh: '删除计划事项', en: 'Plan item removed' },
  'plan.item.update': { zh: '修改计划事项', en: 'Plan item changed' },
  'rate.limited': { zh: '请求过于频繁', en: 'Too many requests' },
  'region.create': { zh: '新增行政区划', en: 'Region added' },
  'region.update': { zh: '修改行政区划', en: 'Region changed' },
  'report.accept': { zh: '接受年度报告', en: 'Annual report accepted' },
  'report.comment': { zh: '对年度报告提出意见', en: 'Annual report commented on' },
  'report.remind': { zh: '催交年度报告', en: 'Annual report reminder sent' },
  'report.return': { zh: '退回年度报告', en: 'Annual report returned' },
  'report.save': { zh: '保存年度报告', en: 'Annual report saved' },
  'report.submit': { zh: '提交年度报告', en: 'Annual report submitted' },
  'report_round.set': { zh: '设置报送截止', en: 'Report deadline set' },
  'roster.update': { zh: '修改责任人名册', en: 'Roster changed' },
  'settings.security.update': { zh: '修改安全策略', en: 'Security policy changed' },
  'setup.complete': { zh: '完成首次设置', en: 'First-run setup completed' },
  'setup.token': { zh: '首次设置链接有误', en: 'Wrong setup link' },
  'sweep.remind.obligations': { zh: '年度事项提醒', en: 'Yearly obligation reminders sent' },
  'sweep.remind.plan_items': { zh: '计划事项提醒', en: 'Plan item reminders sent' },
  'sweep.remind.rsvps': { zh: '邀请回复提醒', en: 'Invitation reply reminders sent' },
  'user.create': { zh: '新增账号', en: 'Account created' },
  'user.password.reset': { zh: '重置密码', en: 'Password reset' },
  'user.role.grant': { zh: '调整角色', en: 'Role changed' },
  'user.sessions.end': { zh: '强制下线', en: 'Sessions ended' },
  'user.totp.reset': { zh: '重置动态口令', en: 'Two-factor sign-in reset' },
  'user.update': { zh: '修改账号', en: 'Account changed' },
} as const satisfies Record<string, AuditLabel>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** The records an entry is about (`entityType`), as the audit page names them. */
export const AUDIT_ENTITY_LABELS = {
  account_handover: { zh: '账号移交', en: 'Account hand-over' },
  audit_log: { zh: '审计日志', en: 'Audit trail' },
  change_report: { zh: '人员变动报告', en: 'Change report' },
  consultation_item: { zh: '意见建议', en: 'Suggestion' },
  consultation_matter: { zh: '重大事项', en: 'Major matter' },
  document: { zh: '文件', en: 'Document' },
  filing: { zh: '登记表', en: 'Registration form' },
  filing_round: { zh: '登记报送', en: 'Filing round' },
  job: { zh: '后台任务', en: 'Background job' },
  ledger: { zh: '工作台账', en: 'Ledger' },
  ledger_record: { zh: '台账记录', en: 'Ledger record' },
  matter: { zh: '重大事项', en: 'Major matter' },
  notification_delivery: { zh: '邮件投递', en: 'E-mail delivery' },
  obligation: { zh: '年度事项', en: 'Yearly obligation' },
  organisation: { zh: '单位', en: 'Organisation' },
  pair_evaluation: { zh: '相互评价', en: 'Evaluation' },
  pairing: { zh: '对口联系', en: 'Pairing' },
  person: { zh: '责任人', en: 'Responsible person' },
  plan: { zh: '年度计划', en: 'Annual plan' },
  plan_item: { zh: '计划事项', en: 'Plan item' },
  region: { zh: '行政区划', en: 'Region' },
  reply: { zh: '答复', en: 'Reply' },
  report: { zh: '年度报告', en: 'Annual report' },
  report_round: { zh: '报告报送', en: 'Report round' },
  responsible_person: { zh: '责任人', en: 'Responsible person' },
  roster: { zh: '责任人名册', en: 'Roster' },
  route: { zh: '接口', en: 'Route' },
  settings: { zh: '设置', en: 'Settings' },
  setup: { zh: '首次设置', en: 'First-run setup' },
  suggestion: { zh: '意见建议', en: 'Suggestion' },
  system: { zh: '系统', en: 'System' },
  user: { zh: '账号', en: 'Account' },
} as const satisfies Record<string, AuditLabel>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;
export const AUDIT_ENTITY_TYPES = Object.keys(AUDIT_ENTITY_LABELS) as AuditEntityType[];

type Lang = 'zh-CN' | 'en';
const pick = (label: AuditLabel | undefined, code: string, lang: Lang) =>
  label ? (lang === 'en' ? label.en : label.zh) : code;

/** An action in words; a code without a label is shown as it is. */
export function auditActionLabel(code: string, lang: Lang): string {
  return pick((AUDIT_ACTION_LABELS as Record<string, AuditLabel>)[code], code, lang);
}

/** An entity type in words; a type without a label is shown as it is. */
export function auditEntityLabel(code: string, lang: Lang): string {
  return pick((AUDIT_ENTITY_LABELS as Record<string, AuditLabel>)[code], code, lang);
}

/** An entry's outcome in words: 成功 / 拒绝 / 失败. */
export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, AuditLabel> = {
  ok: { zh: '成功', en: 'OK' },
  denied: { zh: '拒绝', en: 'Denied' },
  failed: { zh: '失败', en: 'Failed' },
};

export function auditOutcomeLabel(code: string, lang: Lang): string {
  return pick((AUDIT_OUTCOME_LABELS as Record<string, AuditLabel>)[code], code, lang);
}

/** Why a request was refused (`access.denied`'s detail begins with it). */
export const REFUSAL_REASON_LABELS: Record<string, AuditLabel> = {
  permission: { zh: '无此权限', en: 'No permission' },
  policy: { zh: '不允许的操作', en: 'Not allowed' },
  'not-found': {
    zh: '不在可见范围内（按不存在处理）',
    en: 'Outside what the user may see (answered as not found)',
  },
  PASSWORD_CHANGE_REQUIRED: { zh: '须先修改密码', en: 'Password change required first' },
  TOTP_ENROLMENT_REQUIRED: { zh: '须先绑定动态口令', en: 'Two-factor enrolment required first' },
};

/**
 * A refusal's detail (`<reason> <path>[ (+n more in the previous minute)]`, as server/access/refusals.ts writes it)
 * in words: 无此权限：/api/v1/…（前一分钟内另有 24 次）. Anything else is shown as it is.
 */
export function refusalDetail(detail: string | null, lang: Lang): string | null {
  const m = detail?.match(/^(\S+) (\S+)(?: \(\+(\d+) more in the previous minute\))?$/);
  if (!m) return detail;
  const [, reason = '', path = '', more] = m;
  const why = pick(REFUSAL_REASON_LABELS[reason], reason, lang);
  if (lang === 'en') return `${why}: ${path}${more ? ` (+${more} more in the previous minute)` : ''}`;
  return `${why}：${path}${more ? `（前一分钟内另有 ${more} 次）` : ''}`;
}

/** A role in words (before/after of a role grant, an account's creation); an unknown code as it is. */
export function auditRoleLabel(code: string, lang: Lang): string {
  return ROLES.includes(code as Role) ? pick(ROLE_LABELS[code as Role], code, lang) : code;
}
