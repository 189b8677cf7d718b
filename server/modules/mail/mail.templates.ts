// The e-mail of each notification kind, in Chinese: a subject and a plain-text body.
import { NOTIFICATION_KIND_LABELS } from '../../../common/schemas/mail.js';
import type { NotificationKind } from '../../../common/schemas/notifications.js';

export interface MailNotification {
  kind: string;
  title: string;
  body: string;
  link: string | null;
  displayName: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
}

/** What the user is asked to do, by kind (the closing line of the body). */
const ACTION: Partial<Record<NotificationKind, string>> = {
  filing_reminder: '请登录系统填写并报送登记表。',
  filing_returned: '请登录系统查看退回原因，修改后重新报送。',
  filing_filed: '登记表已备案，无需其他操作。',
  change_report: '请登录系统确认该人员变动报告。',
  consultation_invitation: '请登录系统查看协商座谈会安排。',
  consultation_item: '请登录系统认真分析研究，及时给予反馈和答复。',
  consultation_reply: '请登录系统查看答复并作出评价。',
  consultation_reminder: '答复期限将至，请及时答复。',
  consultation_overdue: '答复已逾期，请尽快答复或申请延期。',
  consultation_extension: '请登录系统处理延期申请。',
  consultation_verdict: '请登录系统查看评价。',
  report_reminder: '请于每年1月下旬前将年度对口联系工作情况报告表报区委统战部。',
  report_returned: '请登录系统查看退回意见，修改后重新报送。',
  report_accepted: '年度报告已审核通过。',
  report_comment: '请登录系统查看意见。',
  deadline_reminder: '期限将至，请及时办理。',
  deadline_overdue: '已逾期，请尽快办理。',
  plan_item_overdue: '请落实年度对口联系工作计划，完成后在工作台账中登记并关联计划事项。',
  rsvp_reminder: '请登录系统回复是否参加。',
  account_pending: '请登录系统，在「账号开通」中为该账号生成开通码并交给本人。',
  ledger_invitation: '请登录系统查看安排并回复是否参加。',
  ledger_notice: '请登录系统确认收到并阅知。',
  ledger_rsvp: '请登录系统查看回复情况。',
  consultation_urged: '该意见建议已逾期，区委统战部督办，请尽快答复。',
};

export function renderMail(n: MailNotification, publicUrl: string): RenderedMail {
  const kind = n.kind as NotificationKind;
  const label = NOTIFICATION_KIND_LABELS[kind]?.zh ?? '通知';
  const url = n.link ? new URL(n.link, publicUrl).toString() : publicUrl;
  const lines = [
    `${n.displayName}：`,
    '',
    n.title,
    '',
    n.body,
    '',
    ACTION[kind] ?? '请登录系统查看。',
    `查看详情：${url}`,
    '',
    '——',
    '对口联系工作平台（此邮件由系统自动发送，请勿直接回复）',
    '不想再收到此类邮件：登录后在“通知设置”中关闭。',
  ];
  return { subject: `【对口联系·${label}】${n.title}`, text: lines.join('\n') };
}
