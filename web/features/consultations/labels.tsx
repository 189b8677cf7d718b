import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type DueState,
  ITEM_SOURCE_LABELS,
  type ItemDto,
  type ItemStatus,
  MATTER_KIND_LABELS,
  MATTER_KINDS,
  type MatterKind,
  REPLY_CLASS_LABELS,
  REPLY_CLASSES,
  type ReplyClass,
  VERDICT_LABELS,
  VERDICTS,
  type Verdict,
} from '../../../common/schemas/consultations';
import { label } from '../../i18n';

function useLang() {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export function useConsultationLabels() {
  const lang = useLang();
  return {
    kind: (k: MatterKind) => label(MATTER_KIND_LABELS[k], lang),
    kindOptions: MATTER_KINDS.map((k) => ({ value: k, label: label(MATTER_KIND_LABELS[k], lang) })),
    replyClass: (c: ReplyClass) => label(REPLY_CLASS_LABELS[c], lang),
    replyClassOptions: REPLY_CLASSES.map((c) => ({ value: c, label: label(REPLY_CLASS_LABELS[c], lang) })),
    verdict: (v: Verdict) => label(VERDICT_LABELS[v], lang),
    verdictOptions: VERDICTS.map((v) => ({ value: v, label: label(VERDICT_LABELS[v], lang) })),
    source: (s: keyof typeof ITEM_SOURCE_LABELS) => label(ITEM_SOURCE_LABELS[s], lang),
  };
}

const KIND_COLORS: Record<MatterKind, string> = {
  deployment: 'blue',
  policy: 'geekblue',
  project: 'purple',
  planning: 'cyan',
  livelihood: 'green',
};

export function MatterKindTag({ kind }: { kind: MatterKind }) {
  const labels = useConsultationLabels();
  return <Tag color={KIND_COLORS[kind]}>{labels.kind(kind)}</Tag>;
}

/** 先协商后决策 violated: decided before the symposium was held. */
export function ViolationTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('consultations.violationHint')}>
      <Tag color="red" data-testid="violation-tag">
        {t('consultations.violation')}
      </Tag>
    </Tooltip>
  );
}

const STATUS_COLORS: Record<ItemStatus, string> = {
  awaiting_reply: 'processing',
  awaiting_verdict: 'warning',
  rehandling: 'magenta',
  closed: 'success',
};

export function ItemStatusTag({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="item-status">
      {t(`consultations.itemStatuses.${status}`)}
    </Tag>
  );
}

const DUE_COLORS: Record<DueState, string> = {
  on_track: 'default',
  due_soon: 'orange',
  due_today: 'volcano',
  overdue: 'red',
};

/** The due date coloured by where it stands, with the working days left. */
export function DueTag({ item }: { item: Pick<ItemDto, 'dueDate' | 'dueState' | 'workingDaysLeft'> }) {
  const { t } = useTranslation();
  if (!item.dueState) return <span style={{ whiteSpace: 'nowrap' }}>{item.dueDate}</span>;
  const left = item.workingDaysLeft ?? 0;
  const hint =
    item.dueState === 'overdue'
      ? t('consultations.overdueBy', { days: -left })
      : item.dueState === 'due_today'
        ? t('consultations.dueToday')
        : t('consultations.daysLeft', { days: left });
  return (
    <Tag color={DUE_COLORS[item.dueState]} data-testid="due-tag" style={{ whiteSpace: 'nowrap' }}>
      {item.dueDate} · {hint}
    </Tag>
  );
}

const CLASS_COLORS: Record<ReplyClass, string> = {
  adopted: 'success',
  partly_adopted: 'cyan',
  not_adopted: 'default',
  for_reference: 'blue',
};

export function ReplyClassTag({ value }: { value: ReplyClass }) {
  const labels = useConsultationLabels();
  return <Tag color={CLASS_COLORS[value]}>{labels.replyClass(value)}</Tag>;
}

const VERDICT_COLORS: Record<Verdict, string> = {
  satisfied: 'success',
  basically_satisfied: 'blue',
  not_satisfied: 'error',
};

export function VerdictTag({ value }: { value: Verdict }) {
  const labels = useConsultationLabels();
  return <Tag color={VERDICT_COLORS[value]}>{labels.verdict(value)}</Tag>;
}
