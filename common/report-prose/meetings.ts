// 对口联系会议情况: the year's 对口联系工作座谈会, held, ahead and cancelled.
import type { ReportFacts } from './facts.js';
import type { Sentence } from './form.js';
import { dates, ids, join, ledger, monthDay, NOTABLE_LIMIT, quoted, sentence } from './wording.js';

export function meetingsSection(f: Pick<ReportFacts, 'symposia'>): Sentence[] {
  const held = f.symposia.filter((s) => s.state === 'held');
  const ahead = f.symposia.filter((s) => s.state === 'scheduled');
  const cancelled = f.symposia.filter((s) => s.state === 'cancelled');
  const out: Sentence[] = [];
  if (held.length) {
    out.push(sentence(`全年召开对口联系工作座谈会${held.length}次。`, ledger(...ids(held))));
    for (const s of held.slice(0, NOTABLE_LIMIT)) {
      out.push(
        sentence(`${monthDay(s.date)}，与${join(s.counterparts)}召开${quoted(s.title)}。`, ledger(s.id)),
      );
    }
    const noMinutes = held.filter((s) => !s.minutes);
    if (noMinutes.length) {
      out.push(sentence(`其中${noMinutes.length}次尚未录入会议纪要。`, ledger(...ids(noMinutes))));
    }
  }
  if (ahead.length) {
    out.push(
      sentence(
        held.length
          ? `另有${ahead.length}次已安排于${dates(ahead)}召开。`
          : `本年度尚未召开对口联系工作座谈会，已安排${ahead.length}次，于${dates(ahead)}召开。`,
        ledger(...ids(ahead)),
      ),
    );
  }
  if (cancelled.length) {
    out.push(sentence(`另有${cancelled.length}次已取消。`, ledger(...ids(cancelled))));
  }
  if (!out.length) return [sentence('本年度未召开对口联系工作座谈会。', [])];
  return out;
}
