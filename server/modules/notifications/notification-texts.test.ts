// Every message a notification can carry is written in both languages, in notification-texts.ts: the Chinese is
// Chinese, the English has no Chinese but the values passed in (names of units and people, titles and notes typed
// by users), and every kind of notification has at least one message.
import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from '../../../common/schemas/notifications.js';
import { CHINESE_PUNCTUATION, CJK, withoutValues } from '../../test/bilingual.js';
import {
  NOTIFICATION_TEXTS,
  type NotificationTextName,
  type NotificationTextValues,
  notificationText,
} from './notification-texts.js';

// Chinese proper names and user text on purpose: whatever Chinese the English has must come from them.
const unit = '区教育局';
const counterpart = '民盟奉化支部';
const matter = '关于学区调整的意见';
const at = '2026-05-20 14:30';

/** One or more samples of each message's values (typed: a message without samples does not compile). */
const SAMPLES: { [N in NotificationTextName]: NotificationTextValues<N>[] } = {
  accountPending: [{ organisation: unit, displayName: '张三', username: 'jyj-liaison' }],
  accountHandover: [{ unit, username: 'jyj-liaison', nextName: '李四' }],
  changeReport: [
    { unit, role: 'leader', previous: '王五', next: '赵六', servedFrom: '2026-03-01', reason: '工作调动' },
    { unit, role: 'liaison', previous: null, next: '赵六', servedFrom: '2026-03-01', reason: null },
  ],
  filingReminder: [{ year: 2026, unit, deadline: '2026-03-31', recipient: '区委统战部' }],
  filingReturned: [{ year: 2026, reason: '手机号码有误' }],
  filingFiled: [{ year: 2026, unit, filer: '区委统战部' }],
  ledgerInvitation: [
    { host: unit, title: '全区教育工作会议', at, place: '区行政中心一号会议室' },
    { host: unit, title: '全区教育工作会议', at, place: null },
  ],
  ledgerSymposium: [{ host: unit, title: '年度座谈', at, place: '二号会议室' }],
  ledgerNotice: [{ host: unit, title: '招生政策调整', at }],
  ledgerRsvp: [
    { organisation: counterpart, title: '全区教育工作会议', reply: 'attend', attendees: '王主委' },
    { organisation: counterpart, title: '全区教育工作会议', reply: 'decline', attendees: null },
  ],
  rsvpReminder: [{ host: unit, title: '全区教育工作会议', date: '2026-05-20' }],
  deadlineReminder: [
    { organisation: unit, obligation: 'symposium', year: 2026, counterpart, dueDate: '2026-06-30' },
    { organisation: unit, obligation: 'plan', year: 2026, counterpart: null, dueDate: '2026-03-31' },
  ],
  deadlineOverdue: [
    { organisation: unit, obligation: 'report', year: 2025, counterpart: null, dueDate: '2026-01-31' },
    { organisation: unit, obligation: 'filing', year: 2026, counterpart: null, dueDate: '2026-03-31' },
  ],
  planItemOverdue: [{ item: '走访民盟支部', department: unit, year: 2026, dueDate: '2026-04-30' }],
  consultationInvitation: [{ matter, department: unit, at, place: '三号会议室' }],
  consultationItem: [{ matter, counterpart, dueDate: '2026-06-12' }],
  consultationReply: [{ matter, department: unit, replyClass: 'partly_adopted' }],
  consultationVerdict: [
    {
      matter,
      rater: counterpart,
      verdict: 'not_satisfied',
      reopen: true,
      comment: '未回应核心问题',
      nextDue: '2026-07-01',
    },
    { matter, rater: counterpart, verdict: 'satisfied', reopen: false, comment: null, nextDue: '2026-07-01' },
  ],
  consultationDueSoon: [{ matter, counterpart, round: 1, dueDate: '2026-06-12', excerpt: '建议增设学区' }],
  consultationDueToday: [{ matter, counterpart, round: 2, dueDate: '2026-06-12', excerpt: '建议增设学区' }],
  consultationOverdue: [
    { matter, department: unit, counterpart, round: 2, dueDate: '2026-06-12', excerpt: '建议增设学区' },
  ],
  consultationUrged: [
    {
      matter,
      counterpart,
      urger: '区委统战部',
      nth: 1,
      level: 1,
      leader: null,
      note: '请尽快答复',
      dueDate: '2026-06-12',
    },
    {
      matter,
      counterpart,
      urger: '区委统战部',
      nth: 2,
      level: 2,
      leader: { name: '钱七', position: '副局长' },
      note: '请尽快答复',
      dueDate: '2026-06-12',
    },
    {
      matter,
      counterpart,
      urger: '区委统战部',
      nth: 3,
      level: 3,
      leader: null,
      note: '再次督办',
      dueDate: '2026-06-12',
    },
  ],
  consultationUrgedLeadership: [
    { matter, department: unit, counterpart, times: 3, note: '再次督办', dueDate: '2026-06-12' },
  ],
  extensionRequested: [
    { matter, department: unit, days: 5, dueDate: '2026-06-12', reason: '需会同多部门研究' },
  ],
  extensionGranted: [{ matter, dueAfter: '2026-06-19' }],
  extensionRefused: [{ matter, dueDate: '2026-06-12', note: '理由不充分' }],
  reportReminder: [
    { year: 2026, deadline: '2027-01-31', daysLeft: 12 },
    { year: 2026, deadline: '2027-01-31', daysLeft: -1 },
  ],
  reportReturned: [{ year: 2026, comment: '第三部分数据有误' }],
  reportAccepted: [{ year: 2026, comment: null }],
  reportComment: [{ commenter: '区委统战部', year: 2026, comment: '请补充走访情况' }],
};

const names = Object.keys(NOTIFICATION_TEXTS) as NotificationTextName[];

describe('notification texts', () => {
  it('have a message for every kind of notification, and samples for every message', () => {
    const kinds = new Set(names.map((n) => NOTIFICATION_TEXTS[n].kind));
    expect(NOTIFICATION_KINDS.filter((k) => !kinds.has(k))).toEqual([]);
    expect(names.filter((n) => !SAMPLES[n]?.length)).toEqual([]);
  });

  for (const name of names) {
    it(`${name}: Chinese and English, the English without Chinese but its values`, () => {
      for (const values of SAMPLES[name] as unknown[]) {
        const text = notificationText(name, values as never);
        expect(text.kind).toBe(NOTIFICATION_TEXTS[name].kind);
        for (const lang of ['zh', 'en'] as const) {
          expect(text[lang].title.trim(), `${name} ${lang} title`).not.toBe('');
          expect(typeof text[lang].body).toBe('string');
        }
        // the Chinese title says something in Chinese of its own, not only the names
        expect(withoutValues(text.zh.title, values)).toMatch(CJK);
        for (const part of [text.en.title, text.en.body]) {
          expect(withoutValues(part, values), `${name}: ${part}`).not.toMatch(CJK);
          // nor Chinese punctuation outside the values
          expect(withoutValues(part, values), `${name}: ${part}`).not.toMatch(CHINESE_PUNCTUATION);
        }
        expect(text.en.title).not.toBe(text.zh.title);
      }
    });
  }
});
