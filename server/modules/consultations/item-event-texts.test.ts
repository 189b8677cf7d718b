// Every note the system writes on an item's timeline is written in both languages, in item-event-texts.ts: the
// Chinese is Chinese, the English has no Chinese but the values passed in (notes, reasons and comments typed by
// users, names from the roster).
import { describe, expect, it } from 'vitest';
import { CHINESE_PUNCTUATION, CJK, withoutValues } from '../../test/bilingual.js';
import {
  ITEM_EVENT_TEXTS,
  type ItemEventTextName,
  type ItemEventTextValues,
  itemEventText,
} from './item-event-texts.js';

/** One or more samples of each note's values (typed: a note without samples does not compile). */
const SAMPLES: { [N in ItemEventTextName]: ItemEventTextValues<N>[] } = {
  received: [
    { receivedOn: '2026-06-01', dueDate: '2026-06-12', workingDays: 10 },
    { receivedOn: '2026-06-01', dueDate: '2026-06-02', workingDays: 1 },
  ],
  replied: [
    { replyClass: 'adopted', onTime: true, dueDate: '2026-06-12' },
    { replyClass: 'not_adopted', onTime: false, dueDate: '2026-06-12' },
  ],
  verdict: [
    { verdict: 'not_satisfied', comment: '未回应核心问题' },
    { verdict: 'basically_satisfied', comment: null },
  ],
  reopened: [{ dueDate: '2026-07-01' }],
  closedByVerdict: [{ verdict: 'satisfied' }, { verdict: 'basically_satisfied' }],
  extensionRequested: [{ days: 5, reason: '需会同多部门研究' }],
  extensionGranted: [
    { days: 3, dueBefore: '2026-06-12', dueAfter: '2026-06-17', note: '请按期答复' },
    { days: 1, dueBefore: '2026-06-12', dueAfter: '2026-06-15', note: null },
  ],
  reminded: [
    { recipients: 3, dueDate: '2026-06-12' },
    { recipients: 1, dueDate: '2026-06-12' },
    { recipients: 0, dueDate: '2026-06-12' },
  ],
  urged: [
    { nth: 1, dueDate: '2026-06-12', note: '请尽快答复', level: 1, leader: null },
    {
      nth: 2,
      dueDate: '2026-06-12',
      note: '请尽快答复',
      level: 2,
      leader: { name: '钱七', position: '副局长' },
    },
    { nth: 3, dueDate: '2026-06-12', note: '再次督办', level: 3, leader: null },
    {
      nth: 4,
      dueDate: '2026-06-12',
      note: '再次督办',
      level: 3,
      leader: { name: '钱七', position: '副局长' },
    },
  ],
};

const names = Object.keys(ITEM_EVENT_TEXTS) as ItemEventTextName[];

describe('item event texts', () => {
  it('have samples for every note', () => {
    expect(names.filter((n) => !SAMPLES[n]?.length)).toEqual([]);
  });

  for (const name of names) {
    it(`${name}: Chinese and English, the English without Chinese but its values`, () => {
      for (const values of SAMPLES[name] as unknown[]) {
        const { note, noteEn } = itemEventText(name, values as never);
        expect(note.trim(), `${name} zh`).not.toBe('');
        expect(noteEn.trim(), `${name} en`).not.toBe('');
        // the Chinese says something in Chinese of its own, not only the values
        expect(withoutValues(note, values), `${name}: ${note}`).toMatch(CJK);
        expect(withoutValues(noteEn, values), `${name}: ${noteEn}`).not.toMatch(CJK);
        // nor Chinese punctuation outside the values
        expect(withoutValues(noteEn, values), `${name}: ${noteEn}`).not.toMatch(CHINESE_PUNCTUATION);
        expect(noteEn).not.toBe(note);
      }
    });
  }

  it('say the values in both languages', () => {
    expect(itemEventText('extensionRequested', { days: 5, reason: '需会同多部门研究' })).toEqual({
      note: '申请延期5个工作日：需会同多部门研究',
      noteEn: 'Extension of 5 working days requested: 需会同多部门研究',
    });
    expect(
      itemEventText('urged', {
        nth: 2,
        dueDate: '2026-06-12',
        note: '请尽快答复',
        level: 2,
        leader: { name: '钱七', position: '副局长' },
      }).noteEn,
    ).toBe(
      '2nd press (due 2026-06-12): 请尽快答复. Please report it to 钱七 (副局长) to press for the answer',
    );
  });
});
