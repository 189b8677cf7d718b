// 重大事项通报协商情况: the major matters, their 专题协商座谈会, suggestions and replies, breaches of 先协商后决策.
import { type ProseConsultation, type ReportFacts, SUGGESTION_CLASS_LABELS } from './facts.js';
import type { Sentence } from './form.js';
import { booked, breakdown, countBy, dates, monthDay, NOTABLE_LIMIT, sentence } from './wording.js';

/** '采纳3条、部分采纳1条' — the classes with suggestions in them. */
function classes(suggestions: ProseConsultation['suggestions']): string {
  const counts = countBy(suggestions, (s) => s.class);
  return breakdown(counts, SUGGESTION_CLASS_LABELS, '条');
}

/** How a matter's 专题协商座谈会 stands, as a clause. */
function symposiumClause(c: ProseConsultation): string {
  const when = c.symposiumDate ? monthDay(c.symposiumDate) : '';
  switch (c.symposium) {
    case 'held':
      return `${when ? `${when}，` : ''}就${booked(c.title)}召开专题协商座谈会`;
    case 'scheduled':
      return `${booked(c.title)}的专题协商座谈会已安排${when ? `于${when}` : ''}召开`;
    case 'cancelled':
      return `${booked(c.title)}的专题协商座谈会已取消`;
    default:
      return `就${booked(c.title)}征求联系对象意见，未召开专题协商座谈会`;
  }
}

/** A breach of 先协商后决策, stated plainly. */
function breachText(c: ProseConsultation): string {
  const decided = c.decidedDate ? `于${monthDay(c.decidedDate)}` : '';
  if (c.symposium === 'held' && c.symposiumDate) {
    return `${booked(c.title)}${decided}作出决策，早于${monthDay(c.symposiumDate)}召开的专题协商座谈会，未先协商后决策。`;
  }
  return `${booked(c.title)}${decided}作出决策时尚未召开专题协商座谈会，未先协商后决策。`;
}

export function consultationSection(f: Pick<ReportFacts, 'consultations'>): Sentence[] {
  const all = f.consultations;
  if (!all.length) return [sentence('本年度未就重大事项开展专题协商。', [])];
  const suggestions = all.flatMap((c) => c.suggestions);
  const held = all.filter((c) => c.symposium === 'held');
  const ahead = all.filter((c) => c.symposium === 'scheduled');
  const matterSources = (xs: readonly ProseConsultation[]) =>
    xs.map((c) => ({ type: 'consultation' as const, id: c.id }));
  const suggestionSources = (xs: ProseConsultation['suggestions']) =>
    xs.map((s) => ({ type: 'suggestion' as const, id: s.id }));
  let text = `全年就${all.length}项重大事项与联系对象开展协商`;
  if (held.length) {
    text += `，召开专题协商座谈会${held.length}次`;
    if (ahead.length)
      text += `，另有${ahead.length}次已安排于${dates(ahead.map((c) => ({ date: c.symposiumDate ?? '' })))}召开`;
  } else if (ahead.length) {
    text += `，专题协商座谈会尚未召开，已安排${ahead.length}次，于${dates(ahead.map((c) => ({ date: c.symposiumDate ?? '' })))}召开`;
  } else {
    text += '，未召开专题协商座谈会';
  }
  text += suggestions.length
    ? `，收到意见建议${suggestions.length}条，其中${classes(suggestions)}`
    : '，未收到意见建议';
  const out = [sentence(`${text}。`, [...matterSources(all), ...suggestionSources(suggestions)])];
  for (const c of all.slice(0, NOTABLE_LIMIT)) {
    let t = symposiumClause(c);
    if (c.suggestions.length) t += `，收到意见建议${c.suggestions.length}条，${classes(c.suggestions)}`;
    out.push(sentence(`${t}。`, [{ type: 'consultation', id: c.id }, ...suggestionSources(c.suggestions)]));
  }
  for (const c of all.filter((x) => x.breach)) {
    out.push(sentence(breachText(c), [{ type: 'consultation', id: c.id }]));
  }
  if (suggestions.length) {
    const replied = suggestions.filter((s) => s.reply !== 'open');
    const onTime = replied.filter((s) => s.reply === 'on_time');
    const open = suggestions.filter((s) => s.reply === 'open');
    const overdue = open.filter((s) => s.overdue);
    const parts: string[] = [];
    if (replied.length) {
      parts.push(
        onTime.length
          ? `已答复意见建议${replied.length}条，其中按期答复${onTime.length}条`
          : `已答复意见建议${replied.length}条，${replied.length > 1 ? '均' : ''}未按期答复`,
      );
    }
    if (open.length) {
      parts.push(
        `尚有${open.length}条未答复${overdue.length ? `（其中已超过答复期限${overdue.length}条）` : ''}`,
      );
    }
    out.push(sentence(`${parts.join('，')}。`, suggestionSources(suggestions)));
  }
  return out;
}
