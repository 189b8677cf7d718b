import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameResolution } from '../../../common/schemas/pairings';
import { useOrganisationOptions } from '../organisations/api';

/** For each name without an exact match: an organisation id, or 'new' to create one. */
export type Choice = number | 'new';

/** Map a name of the notice that matched no unit exactly: create it, or use the suggested or another unit. */
export function ResolutionSelect({
  name,
  value,
  onChange,
}: {
  name: NameResolution;
  value: Choice;
  onChange: (choice: Choice) => void;
}) {
  const { t } = useTranslation();
  const existing = useOrganisationOptions(name.side);
  const options = useMemo(() => {
    const list: { value: Choice; label: string }[] = [
      { value: 'new', label: t('import.createNew', { name: name.name }) },
    ];
    if (name.suggestion) {
      list.push({
        value: name.suggestion.id,
        label: `${t('import.useExisting', { name: name.suggestion.name })}（${t('import.suggestion', {
          score: Math.round(name.suggestion.score * 100), // the server's score is 0–1
        })}）`,
      });
    }
    for (const o of existing.data ?? []) {
      if (o.value !== name.suggestion?.id)
        list.push({ value: o.value, label: t('import.useExisting', { name: o.label }) });
    }
    return list;
  }, [existing.data, name, t]);
  return (
    <Select<Choice>
      style={{ width: '100%', minWidth: 260 }}
      value={value}
      options={options}
      onChange={onChange}
      showSearch={{ optionFilterProp: 'label' }}
      loading={existing.isPending}
    />
  );
}
