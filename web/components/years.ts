import type { TFunction } from 'i18next';
import { shanghaiYear } from '../../common/shanghai-time';

/**
 * The year in force today: the Asia/Shanghai calendar year, the one every yearly page opens on unless the
 * user picks another (in December the next year's list may already exist; it is not yet in force).
 */
export function yearInForce(now: Date = new Date()): number {
  return shanghaiYear(now.toISOString());
}

/** Years offered by a year selector: from the first pairing list (2019) to next year, and the current choice. */
export function yearOptions(current: number, t: TFunction) {
  const thisYear = yearInForce();
  const years = new Set<number>([current]);
  for (let y = thisYear + 1; y >= 2019; y--) years.add(y);
  return [...years]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: t('common.yearSuffix', { year: y }) }));
}
