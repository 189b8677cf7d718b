import { useSearchParams } from 'react-router';

/** `'12'` → 12; anything that is not a whole number above zero → undefined (ids and years in the URL). */
export function positiveInt(value: string | null | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Changes to the URL's query: a value sets its key; undefined, null or '' removes it. */
export type ParamChanges = Record<string, string | number | undefined | null>;

/** The page's URL query (its filters), and a setter that changes some keys in place (no new history entry). */
export function useUrlParams(): [URLSearchParams, (changes: ParamChanges) => void] {
  const [params, setParams] = useSearchParams();
  const setParam = (changes: ParamChanges) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );
  };
  return [params, setParam];
}
