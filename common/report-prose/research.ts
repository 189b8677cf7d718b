// 联合调研情况: joint, commissioned and offered research, and what became of it.
import type { ProseResearch, ReportFacts } from './facts.js';
import type { Sentence } from './form.js';
import { booked, breakdown, countBy, ids, join, ledger, NOTABLE_LIMIT, sentence, unique } from './wording.js';

export function researchSection(f: Pick<ReportFacts, 'research'>): Sentence[] {
  const joint = f.research.filter((r) => r.subtype === 'joint');
  const commissioned = f.research.filter((r) => r.subtype === 'commissioned');
  const offered = f.research.filter((r) => r.subtype === 'offered');
  const titles = (xs: ProseResearch[]) => {
    const shown = xs.slice(0, NOTABLE_LIMIT);
    return `${join(shown.map((r) => booked(r.title)))}${xs.length > shown.length ? '等' : ''}`;
  };
  const out: Sentence[] = [];
  if (joint.length) {
    const cps = unique(joint.flatMap((r) => r.counterparts));
    out.push(
      sentence(`与${join(cps)}开展联合调研${joint.length}项：${titles(joint)}。`, ledger(...ids(joint))),
    );
  } else {
    out.push(sentence('本年度未开展联合调研。', []));
  }
  if (commissioned.length) {
    out.push(
      sentence(
        `委托联系对象开展调研${commissioned.length}项：${titles(commissioned)}。`,
        ledger(...ids(commissioned)),
      ),
    );
  }
  if (offered.length) {
    const taken = offered.filter((r) => r.takenUpBy !== null);
    out.push(
      sentence(
        `向联系对象提供研究课题${offered.length}个，已承接${taken.length}个。`,
        ledger(...ids(offered)),
      ),
    );
  }
  const adopted = f.research.filter((r) => r.adoption !== 'none');
  const instructed = f.research.filter((r) => r.instruction);
  if (adopted.length || instructed.length) {
    const parts: string[] = [];
    if (adopted.length) {
      parts.push(
        breakdown(
          countBy(adopted, (r) => r.adoption),
          { adopted: '采纳', partly: '部分采纳', implemented: '采纳并落实' },
          '项',
        ),
      );
    }
    if (instructed.length) parts.push(`获领导批示${instructed.length}项`);
    out.push(
      sentence(
        `调研成果${parts.join('，')}。`,
        ledger(...ids(f.research.filter((r) => r.adoption !== 'none' || r.instruction))),
      ),
    );
  }
  return out;
}
