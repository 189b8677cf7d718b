// What every notification says, in Chinese and in English side by side: one entry per message, composed from the
// message's values. The creators call `notificationText(name, values)` instead of writing their words inline, and
// store both (`title`/`body`, `title_en`/`body_en`); the inbox shows the reader's language, e-mail the Chinese.
// Values are passed as they are: names of units and people, titles and notes typed by users stay in their own
// words in both languages; dates are ISO (2026-03-31) in both.

import type { ObligationKind } from '../../../common/schemas/dashboard.js';
import { obligationTitle } from '../../../common/schemas/dashboard.js';
import type { PersonRole } from '../../../common/schemas/roster.js';
import { PERSON_ROLE_LABELS } from '../../../common/schemas/roster.js';
import { CONSULTATION_TEXTS } from './notification-texts.consultations.js';
import {
  type Compose,
  days,
  FORM_EN,
  FORM_ZH,
  message,
  type NotificationText,
  REPORT_EN,
  REPORT_ZH,
  RSVP_LABELS,
  whenEn,
  whenZh,
} from './notification-words.js';

export { urgeAsk } from './notification-texts.consultations.js';
export type { NotificationText, NotificationWords } from './notification-words.js';

/** A unit's yearly obligation and its due date: what the sweep's deadline reminders name. */
interface ObligationDue {
  organisation: string;
  obligation: ObligationKind;
  year: number;
  counterpart: string | null;
  dueDate: string;
}

/** Every message a notification can carry, by name. */
export const NOTIFICATION_TEXTS = {
  // accounts
  accountPending: message(
    'account_pending',
    (v: { organisation: string; displayName: string; username: string }) => ({
      zh: {
        title: `${v.organisation}账号待开通：${v.displayName}（${v.username}）`,
        body: '该账号需由本人设置密码。请在「账号开通」中生成开通码，当面或以开通通知单交给本人。',
      },
      en: {
        title: `Account of ${v.organisation} awaits activation: ${v.displayName} (${v.username})`,
        body: 'The holder sets the password of this account. Generate an activation code under Accounts and hand it to the holder in person or with an activation notice.',
      },
    }),
  ),
  accountHandover: message('account_pending', (v: { unit: string; username: string; nextName: string }) => ({
    zh: {
      title: `${v.unit}联络员变动：账号 ${v.username} 待移交给${v.nextName}`,
      body: '请在「账号开通」中确认移交：原联络员的登录将结束，新联络员以开通码设置自己的密码。',
    },
    en: {
      title: `New liaison officer at ${v.unit}: account ${v.username} to be handed over to ${v.nextName}`,
      body: 'Confirm the handover under Accounts: the former liaison officer’s sign-in ends, and the new one sets a password with an activation code.',
    },
  })),

  // roster and filings (附件2)
  changeReport: message(
    'change_report',
    (v: {
      unit: string;
      role: PersonRole;
      previous: string | null;
      next: string;
      servedFrom: string;
      reason: string | null;
    }) => ({
      zh: {
        title: `${v.unit}${PERSON_ROLE_LABELS[v.role].zh}变动`,
        body: `${v.previous ?? ''} → ${v.next}，自${v.servedFrom}起。原因：${v.reason ?? ''}`,
      },
      en: {
        title: `${v.unit}: new ${PERSON_ROLE_LABELS[v.role].en.toLowerCase()}`,
        body: `${v.previous ?? ''} → ${v.next}, from ${v.servedFrom}. Reason: ${v.reason ?? ''}`,
      },
    }),
  ),
  filingReminder: message(
    'filing_reminder',
    (v: { year: number; unit: string; deadline: string; recipient: string }) => ({
      zh: {
        title: `请尽快报送${v.year}年${FORM_ZH}`,
        body: `${v.unit}的登记表应于${v.deadline}前报${v.recipient}，目前尚未报送。`,
      },
      en: {
        title: `Please submit the ${v.year} ${FORM_EN} soon`,
        body: `The form of ${v.unit} is due to ${v.recipient} by ${v.deadline} and has not been submitted yet.`,
      },
    }),
  ),
  filingReturned: message('filing_returned', (v: { year: number; reason: string }) => ({
    zh: { title: `${v.year}年${FORM_ZH}被退回`, body: `退回原因：${v.reason}` },
    en: { title: `The ${v.year} ${FORM_EN} was returned`, body: `Reason: ${v.reason}` },
  })),
  filingFiled: message('filing_filed', (v: { year: number; unit: string; filer: string }) => ({
    zh: { title: `${v.year}年${FORM_ZH}已备案`, body: `${v.unit}的登记表已由${v.filer}备案。` },
    en: {
      title: `The ${v.year} ${FORM_EN} was filed`,
      body: `The form of ${v.unit} was filed by ${v.filer}.`,
    },
  })),

  // the ledger
  ledgerInvitation: message(
    'ledger_invitation',
    (v: { host: string; title: string; at: string; place: string | null }) => ({
      zh: {
        title: `${v.host}邀请：${v.title}`,
        body: `${v.host}邀请贵单位参加（${whenZh(v.at, v.place)}），请回复是否参加。`,
      },
      en: {
        title: `Invitation from ${v.host}: ${v.title}`,
        body: `${v.host} invites your unit (${whenEn(v.at, v.place)}). Please reply whether you will attend.`,
      },
    }),
  ),
  ledgerSymposium: message(
    'ledger_invitation',
    (v: { host: string; title: string; at: string; place: string | null }) => ({
      zh: {
        title: `对口联系工作座谈会：${v.title}`,
        body: `${v.host}安排了对口联系工作座谈会（${whenZh(v.at, v.place)}）。`,
      },
      en: {
        title: `Liaison symposium: ${v.title}`,
        body: `${v.host} has arranged a liaison symposium (${whenEn(v.at, v.place)}).`,
      },
    }),
  ),
  ledgerNotice: message('ledger_notice', (v: { host: string; title: string; at: string }) => ({
    zh: {
      title: `${v.host}通报：${v.title}`,
      body: `${v.host}向贵单位通报了信息（${v.at}），请确认收到并阅知。`,
    },
    en: {
      title: `Notice from ${v.host}: ${v.title}`,
      body: `${v.host} has sent your unit a notice (${v.at}). Please confirm that you have received and read it.`,
    },
  })),
  ledgerRsvp: message(
    'ledger_rsvp',
    (v: {
      organisation: string;
      title: string;
      reply: keyof typeof RSVP_LABELS;
      attendees: string | null;
    }) => {
      const said = RSVP_LABELS[v.reply];
      return {
        zh: {
          title: `${v.organisation}${said.zh}：${v.title}`,
          body: `${v.organisation}回复邀请：${said.zh}${v.attendees ? `（${v.attendees}）` : ''}。`,
        },
        en: {
          title: `${v.organisation} ${said.en}: ${v.title}`,
          body: `${v.organisation} replied to the invitation: ${said.en}${v.attendees ? ` (${v.attendees})` : ''}.`,
        },
      };
    },
  ),
  rsvpReminder: message('rsvp_reminder', (v: { host: string; title: string; date: string }) => ({
    zh: {
      title: `请回复邀请：${v.title}`,
      body: `${v.host}邀请贵单位参加“${v.title}”（${v.date}），尚未回复是否参加。`,
    },
    en: {
      title: `Reply to the invitation: ${v.title}`,
      body: `${v.host} invites your unit to “${v.title}” (${v.date}); you have not replied yet whether you will attend.`,
    },
  })),

  // deadlines (the sweep)
  deadlineReminder: message('deadline_reminder', (v: ObligationDue) => {
    const what = obligationWhat(v);
    return {
      zh: { title: `即将到期：${what.zh}`, body: `${what.zh}应于${v.dueDate}前完成，请及时办理。` },
      en: {
        title: `Due soon: ${what.en}`,
        body: `${what.en} is due by ${v.dueDate}. Please see to it in time.`,
      },
    };
  }),
  deadlineOverdue: message('deadline_overdue', (v: ObligationDue) => {
    const what = obligationWhat(v);
    return {
      zh: {
        title: `已逾期：${what.zh}`,
        body: `${what.zh}应于${v.dueDate}前完成，目前尚未完成，请尽快办理。`,
      },
      en: {
        title: `Overdue: ${what.en}`,
        body: `${what.en} was due by ${v.dueDate} and is not done yet. Please see to it soon.`,
      },
    };
  }),
  planItemOverdue: message(
    'plan_item_overdue',
    (v: { item: string; department: string; year: number; dueDate: string }) => ({
      zh: {
        title: `计划事项逾期：${v.item}`,
        body: `${v.department}${v.year}年对口联系工作计划中的“${v.item}”计划于${v.dueDate}前完成，尚无台账记录。`,
      },
      en: {
        title: `Plan item overdue: ${v.item}`,
        body: `“${v.item}” in the ${v.year} work plan of ${v.department} was to be done by ${v.dueDate}; there is no ledger record of it yet.`,
      },
    }),
  ),

  ...CONSULTATION_TEXTS,

  // annual reports (附件3)
  reportReminder: message('report_reminder', (v: { year: number; deadline: string; daysLeft: number }) => ({
    zh: {
      title: `请报送${v.year}年度对口联系工作情况报告表`,
      body:
        v.daysLeft >= 0
          ? `报送截止日期为${v.deadline}，还有${v.daysLeft}天。`
          : `报送截止日期为${v.deadline}，已逾期${-v.daysLeft}天。`,
    },
    en: {
      title: `Please submit the ${v.year} ${REPORT_EN}`,
      body:
        v.daysLeft >= 0
          ? `Due ${v.deadline}, ${days(v.daysLeft)} left.`
          : `Due ${v.deadline}, ${days(-v.daysLeft)} overdue.`,
    },
  })),
  reportReturned: message('report_returned', (v: { year: number; comment: string | null }) => ({
    zh: { title: `${v.year}${REPORT_ZH}被退回`, body: v.comment ?? '' },
    en: { title: `The ${v.year} ${REPORT_EN} was returned`, body: v.comment ?? '' },
  })),
  reportAccepted: message('report_accepted', (v: { year: number; comment: string | null }) => ({
    zh: { title: `${v.year}${REPORT_ZH}已接受`, body: v.comment ?? '' },
    en: { title: `The ${v.year} ${REPORT_EN} was accepted`, body: v.comment ?? '' },
  })),
  reportComment: message('report_comment', (v: { commenter: string; year: number; comment: string }) => ({
    zh: { title: `${v.commenter}对${v.year}年度报告提出意见`, body: v.comment.slice(0, 200) },
    en: { title: `${v.commenter} commented on the ${v.year} annual report`, body: v.comment.slice(0, 200) },
  })),
};

/** An obligation of a unit by name: 区教育局2026年对口联系工作座谈会（与民盟） / Liaison symposium 2026 of … */
function obligationWhat(v: {
  organisation: string;
  obligation: ObligationKind;
  year: number;
  counterpart: string | null;
}): { zh: string; en: string } {
  const paired = v.obligation === 'symposium' && v.counterpart;
  return {
    zh: `${v.organisation}${obligationTitle(v.obligation, v.year, 'zh')}${paired ? `（与${v.counterpart}）` : ''}`,
    en: `${obligationTitle(v.obligation, v.year, 'en')} of ${v.organisation}${paired ? ` (with ${v.counterpart})` : ''}`,
  };
}

export type NotificationTextName = keyof typeof NOTIFICATION_TEXTS;
export type NotificationTextValues<N extends NotificationTextName> = Parameters<
  (typeof NOTIFICATION_TEXTS)[N]['compose']
>[0];

/** The kind and both languages' words of a message, from its values. */
export function notificationText<N extends NotificationTextName>(
  name: N,
  values: NotificationTextValues<N>,
): NotificationText {
  const entry = NOTIFICATION_TEXTS[name];
  const compose = entry.compose as Compose<NotificationTextValues<N>>;
  return { kind: entry.kind, ...compose(values) };
}
