import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../../common/organisations';
import { label } from '../../i18n';

const KIND_COLORS: Record<OrganisationKind, string> = {
  department: 'blue',
  counterpart: 'red',
  oversight: 'gold',
  office: 'cyan',
  other: 'default',
};

/** The organisation kinds as select options, in the UI's language. */
export function useKindOptions() {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return ORGANISATION_KINDS.map((k) => ({ value: k, label: label(ORGANISATION_KIND_LABELS[k], lang) }));
}

export function KindTag({ kind }: { kind: OrganisationKind }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return <Tag color={KIND_COLORS[kind]}>{label(ORGANISATION_KIND_LABELS[kind], lang)}</Tag>;
}
