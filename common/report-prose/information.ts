// 文件信息交流情况: the notices and documents sent to the counterparts, received and read.
import type { ReportFacts } from './facts.js';
import type { Sentence } from './form.js';
import { booked, breakdown, countBy, ids, join, ledger, NOTABLE_LIMIT, sentence } from './wording.js';

const NOTICE_LABELS: Record<string, string> = { policy: '政策文件', material: '资料', periodical: '刊物' };

export function informationSection(f: Pick<ReportFacts, 'notices'>): Sentence[] {
  const all = f.notices;
  if (!all.length) return [sentence('本年度未向联系对象通报信息、抄送文件资料。', [])];
  const recipients = all.flatMap((n) => n.recipients);
  const received = recipients.filter((r) => r.received).length;
  const read = recipients.filter((r) => r.read).length;
  const kinds = breakdown(
    countBy(all, (n) => n.subtype),
    NOTICE_LABELS,
    '件',
  );
  const out = [
    sentence(
      `向联系对象通报信息、抄送文件资料${all.length}件（${kinds}），送达${recipients.length}家次，已签收${received}家次、已阅读${read}家次。`,
      ledger(...ids(all)),
    ),
  ];
  const notable = all.slice(0, NOTABLE_LIMIT);
  const names = notable.map((n) => `${booked(n.title)}${n.docNumber ? `（${n.docNumber}）` : ''}`);
  out.push(
    sentence(`主要有${join(names)}${all.length > notable.length ? '等' : ''}。`, ledger(...ids(notable))),
  );
  return out;
}
