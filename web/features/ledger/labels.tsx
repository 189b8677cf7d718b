import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ADOPTION_LABELS,
  type Adoption,
  INVITATION_SUBTYPES,
  LEDGER_KINDS,
  type LedgerKind,
  type LedgerRecordDto,
  NOTICE_SUBTYPES,
  RESEARCH_SUBTYPES,
  SERVICE_SUBTYPES,
  SUBTYPE_LABELS,
} from '../../../common/schemas/ledger';
import { label } from '../../i18n';

export const KIND_COLORS: Record<LedgerKind, string> = {
  invitation: 'blue',
  notice: 'cyan',
  research: 'purple',
  service: 'green',
  symposium: 'gold',
};

/** The short names of the five kinds (邀请, 信息通报 …) and the options of a kind select. */
export function useKindLabels() {
  const { t } = useTranslation();
  const of = (kind: LedgerKind): string => t(`ledger.kinds.${kind}`);
  return { of, options: LEDGER_KINDS.map((k) => ({ value: k, label: of(k) })) };
}

export function KindTag({ kind }: { kind: LedgerKind }) {
  const { of } = useKindLabels();
  return <Tag color={KIND_COLORS[kind]}>{of(kind)}</Tag>;
}

/** 重要会议, 委托调研 … from common/ (the { zh, en } pairs), in the UI language. */
export function useSubtypeLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (subtype: string): string => {
    const pair = SUBTYPE_LABELS[subtype];
    return pair ? label(pair, lang) : subtype;
  };
}

export function useAdoptionLabel() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (adoption: Adoption): string => label(ADOPTION_LABELS[adoption], lang);
}

/** Which subtypes a user of this side may create for a kind (the server's checkCreator, as options). */
export function subtypesFor(kind: LedgerKind, side: 'department' | 'counterpart'): readonly string[] {
  switch (kind) {
    case 'invitation':
      return side === 'department' ? INVITATION_SUBTYPES.dept_to_cp : INVITATION_SUBTYPES.cp_to_dept;
    case 'notice':
      return side === 'department' ? NOTICE_SUBTYPES : [];
    case 'research':
      return side === 'department' ? RESEARCH_SUBTYPES : ['joint'];
    case 'service':
      return SERVICE_SUBTYPES;
    case 'symposium':
      return [];
  }
}

/** The kinds a side may create: a counterpart neither sends notices nor has subtypes of research but joint. */
export function kindsFor(side: 'department' | 'counterpart'): LedgerKind[] {
  return LEDGER_KINDS.filter((k) => k === 'symposium' || subtypesFor(k, side).length > 0);
}

const STATUS_COLORS: Record<string, string> = {
  open: 'processing',
  attended: 'success',
  sent: 'cyan',
  ongoing: 'processing',
  offered: 'warning',
  taken: 'purple',
  done: 'success',
  scheduled: 'processing',
  held: 'success',
};

const STATUSES = [
  'open',
  'attended',
  'sent',
  'ongoing',
  'offered',
  'taken',
  'done',
  'scheduled',
  'held',
] as const;
type RecordStatus = (typeof STATUSES)[number];
const isStatus = (s: string): s is RecordStatus => (STATUSES as readonly string[]).includes(s);

export function StatusTag({ record }: { record: Pick<LedgerRecordDto, 'status'> }) {
  const { t } = useTranslation();
  const s = record.status;
  return <Tag color={STATUS_COLORS[s] ?? 'default'}>{isStatus(s) ? t(`ledger.statuses.${s}`) : s}</Tag>;
}

const REPLY_COLORS = { pending: 'default', attend: 'success', decline: 'error', 'n/a': 'default' } as const;

export function ReplyTag({ reply }: { reply: keyof typeof REPLY_COLORS }) {
  const { t } = useTranslation();
  if (reply === 'n/a') return null;
  return <Tag color={REPLY_COLORS[reply]}>{t(`ledger.replies.${reply}`)}</Tag>;
}
