import type { TFunction } from 'i18next';

/** Years offered by a year selector: from the first pairing list (2019) to next year, and the current choice. */
export function yearOptions(current: number, t: TFunction) {
  const thisYear = new Date().getFullYear();
  const years = new Set<number>([current]);
  for (let y = thisYear + 1; y >= 2019; y--) years.add(y);
  return [...years]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: t('common.yearSuffix', { year: y }) }));
}
