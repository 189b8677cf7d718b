// What the notifications of a consultation say (重大事项协商: invitations, suggestions, replies, verdicts, reminders,
// 督办 and extensions), in Chinese and English side by side; part of NOTIFICATION_TEXTS (notification-texts.ts).
import type { ReplyClass, Verdict } from '../../../common/schemas/consultations.js';
import { REPLY_CLASS_LABELS, VERDICT_LABELS } from '../../../common/schemas/consultations.js';
import { message, ordinal, roundEn, roundZh, workingDays } from './notification-words.js';

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

/** The consultation messages, by name. */
export const CONSULTATION_TEXTS = {
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
};
