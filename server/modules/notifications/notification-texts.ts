// What every notification says, in Chinese and in English side by side: one entry per message, composed from the
// message's values. The creators call `notificationText(name, values)` instead of writing their words inline, and
// store both (`title`/`body`, `title_en`/`body_en`); the inbox shows the reader's language, e-mail the Chinese.
// Values are passed as they are: names of units and people, titles and notes typed by users stay in their own
// words in both languages; dates are ISO (2026-03-31) in both.

import type { ReplyClass, Verdict } from '../../../common/schemas/consultations.js';
import { REPLY_CLASS_LABELS, VERDICT_LABELS } from '../../../common/schemas/consultations.js';
import type { ObligationKind } from '../../../common/schemas/dashboard.js';
import { obligationTitle } from '../../../common/schemas/dashboard.js';
import type { NotificationKind } from '../../../common/schemas/notifications.js';
import type { PersonRole } from '../../../common/schemas/roster.js';
import { PERSON_ROLE_LABELS } from '../../../common/schemas/roster.js';

export interface NotificationWords {
  title: string;
  body: string;
}

/** A notification's kind and its words in both languages. */
export interface NotificationText {
  kind: NotificationKind;
  zh: NotificationWords;
  en: NotificationWords;
}

type Compose<V> = (v: V) => { zh: NotificationWords; en: NotificationWords };
const message = <V>(kind: NotificationKind, compose: Compose<V>) => ({ kind, compose });

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
const workingDays = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;
const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
};
/** A second or later round of handling a suggestion (a reply rated not satisfactory reopens it). */
const roundZh = (round: number): string => (round > 1 ? `（第${round}次办理）` : '');
const roundEn = (round: number): string => (round > 1 ? ` (round ${round})` : '');
/** When and where a ledger event takes place. */
const whenZh = (at: string, place: string | null): string => `${at}${place ? `，${place}` : ''}`;
const whenEn = (at: string, place: string | null): string => `${at}${place ? `, ${place}` : ''}`;
const FORM_ZH = '对口联系工作分管领导、联络员登记表';
const FORM_EN = 'registration form of the leader in charge and liaison officer';
const REPORT_ZH = '年度对口联系工作情况报告';
const REPORT_EN = 'annual report on liaison work';
const RSVP_LABELS = {
  attend: { zh: '将参加', en: 'will attend' },
  decline: { zh: '不能参加', en: 'cannot attend' },
} as const;

/** Every message a notification can carry, by name. */
/**
 * What a 督办 asks at its level — the 联络员, then the 分管领导 (named from the roster), then also 统战部's leadership —
 * in both languages; the notification and the item's timeline note say the same.
 */
export function urgeAsk(
  level: number,
  leader: { name: string; position: string } | null,
): { zh: string; en: string } {
  const leaderZh = leader ? `${leader.name}（${leader.position}）` : '分管领导';
  const leaderEn = leader ? `${leader.name} (${leader.position})` : 'the leader in charge';
  if (level <= 1)
    return { zh: '请联络员尽快办理答复', en: 'the liaison officer is asked to see to the answer soon' };
  if (level === 2)
    return { zh: `请报${leaderZh}督促办理`, en: `please report it to ${leaderEn} to press for the answer` };
  return {
    zh: `请报${leaderZh}督促办理，已提请区委统战部领导协调`,
    en: `please report it to ${leaderEn} to press for the answer; the leadership of the United Front Work Department has been asked to coordinate`,
  };
}

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
  deadlineReminder: message(
    'deadline_reminder',
    (v: {
      organisation: string;
      obligation: ObligationKind;
      year: number;
      counterpart: string | null;
      dueDate: string;
    }) => {
      const what = obligationWhat(v);
      return {
        zh: { title: `即将到期：${what.zh}`, body: `${what.zh}应于${v.dueDate}前完成，请及时办理。` },
        en: {
          title: `Due soon: ${what.en}`,
          body: `${what.en} is due by ${v.dueDate}. Please see to it in time.`,
        },
      };
    },
  ),
  deadlineOverdue: message(
    'deadline_overdue',
    (v: {
      organisation: string;
      obligation: ObligationKind;
      year: number;
      counterpart: string | null;
      dueDate: string;
    }) => {
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
    },
  ),
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

  // consultations
  consultationInvitation: message(
    'consultation_invitation',
    (v: { matter: string; department: string; at: string; place: string }) => ({
      zh: {
        title: `专题协商座谈会邀请：${v.matter}`,
        body: `${v.department}定于${v.at}在${v.place}召开专题协商座谈会，听取意见和建议，敬请负责人参加。`,
      },
      en: {
        title: `Invitation to a consultation symposium: ${v.matter}`,
        body: `${v.department} holds a consultation symposium on ${v.at} at ${v.place} to hear opinions and suggestions. The head of your unit is kindly invited to attend.`,
      },
    }),
  ),
  consultationItem: message(
    'consultation_item',
    (v: { matter: string; counterpart: string; dueDate: string }) => ({
      zh: {
        title: `收到意见建议：${v.matter}`,
        body: `${v.counterpart}提出了意见建议，请于${v.dueDate}前答复。`,
      },
      en: {
        title: `Suggestion received: ${v.matter}`,
        body: `${v.counterpart} has made a suggestion. Please answer it by ${v.dueDate}.`,
      },
    }),
  ),
  consultationReply: message(
    'consultation_reply',
    (v: { matter: string; department: string; replyClass: ReplyClass }) => ({
      zh: {
        title: `意见建议已答复：${v.matter}`,
        body: `${v.department}已答复贵单位的意见建议（${REPLY_CLASS_LABELS[v.replyClass].zh}），请评价。`,
      },
      en: {
        title: `Suggestion answered: ${v.matter}`,
        body: `${v.department} has answered your unit’s suggestion (${REPLY_CLASS_LABELS[v.replyClass].en}). Please rate the answer.`,
      },
    }),
  ),
  consultationVerdict: message(
    'consultation_verdict',
    (v: {
      matter: string;
      rater: string;
      verdict: Verdict;
      reopen: boolean;
      comment: string | null;
      nextDue: string;
    }) => {
      const label = VERDICT_LABELS[v.verdict];
      return v.reopen
        ? {
            zh: {
              title: `答复不满意，请二次办理：${v.matter}`,
              body: `${v.rater}对答复不满意：${v.comment ?? ''}。请于${v.nextDue}前再次答复。`,
            },
            en: {
              title: `Answer not satisfactory, please handle it again: ${v.matter}`,
              body: `${v.rater} is not satisfied with the answer: ${v.comment ?? ''}. Please answer again by ${v.nextDue}.`,
            },
          }
        : {
            zh: { title: `答复评价：${label.zh}：${v.matter}`, body: `${v.rater}评价：${label.zh}。` },
            en: {
              title: `Answer rated ${label.en}: ${v.matter}`,
              body: `${v.rater} rated the answer: ${label.en}.`,
            },
          };
    },
  ),
  consultationDueSoon: message(
    'consultation_reminder',
    (v: { matter: string; counterpart: string; round: number; dueDate: string; excerpt: string }) => ({
      zh: {
        title: `意见建议即将到期：${v.matter}`,
        body: `${v.counterpart}提出的意见建议${roundZh(v.round)}应于${v.dueDate}前答复：${v.excerpt}`,
      },
      en: {
        title: `Suggestion due soon: ${v.matter}`,
        body: `The suggestion of ${v.counterpart}${roundEn(v.round)} is to be answered by ${v.dueDate}: ${v.excerpt}`,
      },
    }),
  ),
  consultationDueToday: message(
    'consultation_reminder',
    (v: { matter: string; counterpart: string; round: number; dueDate: string; excerpt: string }) => ({
      zh: {
        title: `意见建议今日到期：${v.matter}`,
        body: `${v.counterpart}提出的意见建议${roundZh(v.round)}今天（${v.dueDate}）到期，请及时答复：${v.excerpt}`,
      },
      en: {
        title: `Suggestion due today: ${v.matter}`,
        body: `The suggestion of ${v.counterpart}${roundEn(v.round)} is due today (${v.dueDate}). Please answer it in time: ${v.excerpt}`,
      },
    }),
  ),
  consultationOverdue: message(
    'consultation_overdue',
    (v: {
      matter: string;
      department: string;
      counterpart: string;
      round: number;
      dueDate: string;
      excerpt: string;
    }) => ({
      zh: {
        title: `意见建议逾期未答复（督办）：${v.matter}`,
        body: `${v.department}对${v.counterpart}提出的意见建议${roundZh(v.round)}逾期未答复，期限为${v.dueDate}：${v.excerpt}`,
      },
      en: {
        title: `Suggestion overdue, unanswered (supervision): ${v.matter}`,
        body: `${v.department} has not answered the suggestion of ${v.counterpart}${roundEn(v.round)}, due ${v.dueDate}: ${v.excerpt}`,
      },
    }),
  ),
  /** 督办: the n-th press of a round; from the second on, the leader in charge (named from the roster) is asked. */
  consultationUrged: message(
    'consultation_urged',
    (v: {
      matter: string;
      counterpart: string;
      urger: string;
      nth: number;
      level: number;
      /** the leader in charge from the roster; none: named by role */
      leader: { name: string; position: string } | null;
      note: string;
      dueDate: string;
    }) => {
      const asked = urgeAsk(v.level, v.leader);
      return {
        zh: {
          title: `督办：${v.counterpart}的意见建议逾期未答复（${v.matter}）`,
          body: `${v.urger}第${v.nth}次督办：${v.note}。答复期限为${v.dueDate}，${asked.zh}。`,
        },
        en: {
          title: `Pressed for a reply: the suggestion of ${v.counterpart} is overdue (${v.matter})`,
          body: `${v.urger}, ${ordinal(v.nth)} press: ${v.note}. The answer was due ${v.dueDate}; ${asked.en}.`,
        },
      };
    },
  ),
  consultationUrgedLeadership: message(
    'consultation_urged',
    (v: {
      matter: string;
      department: string;
      counterpart: string;
      times: number;
      note: string;
      dueDate: string;
    }) => ({
      zh: {
        title: `提请协调：${v.department}经${v.times}次督办仍未答复（${v.matter}）`,
        body: `${v.department}对${v.counterpart}意见建议的答复已逾期（期限 ${v.dueDate}），经${v.times}次督办仍未答复：${v.note}`,
      },
      en: {
        title: `Coordination requested: ${v.department} has not answered after ${v.times} presses (${v.matter})`,
        body: `The answer of ${v.department} to the suggestion of ${v.counterpart} is overdue (due ${v.dueDate}) and still missing after ${v.times} presses: ${v.note}`,
      },
    }),
  ),
  extensionRequested: message(
    'consultation_extension',
    (v: { matter: string; department: string; days: number; dueDate: string; reason: string }) => ({
      zh: {
        title: `延期申请：${v.matter}`,
        body: `${v.department}申请将意见建议答复期限延长${v.days}个工作日（现期限 ${v.dueDate}）。理由：${v.reason}`,
      },
      en: {
        title: `Extension requested: ${v.matter}`,
        body: `${v.department} asks to extend the deadline of the answer by ${workingDays(v.days)} (now due ${v.dueDate}). Reason: ${v.reason}`,
      },
    }),
  ),
  extensionGranted: message('consultation_extension', (v: { matter: string; dueAfter: string }) => ({
    zh: { title: `延期申请已批准：${v.matter}`, body: `答复期限延至${v.dueAfter}。` },
    en: { title: `Extension granted: ${v.matter}`, body: `The answer is now due ${v.dueAfter}.` },
  })),
  extensionRefused: message(
    'consultation_extension',
    (v: { matter: string; dueDate: string; note: string }) => ({
      zh: { title: `延期申请未获批准：${v.matter}`, body: `答复期限仍为${v.dueDate}。${v.note}` },
      en: {
        title: `Extension refused: ${v.matter}`,
        body: `The answer is still due ${v.dueDate}. ${v.note}`,
      },
    }),
  ),

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
