// For tests of texts written in both languages (notifications, timeline notes): what is left of a text once the
// values passed into it — proper names, what a user typed — are taken out must be the language's own words.

/** Chinese characters. */
export const CJK = /[\u4e00-\u9fff]/;
/** Chinese (full-width) punctuation, which English text must not carry. */
export const CHINESE_PUNCTUATION = /[，。：；（）「」、]/;

/** Every string in a sample's values (nested too). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The text with the passed-in values taken out, longest first. */
export function withoutValues(text: string, values: unknown): string {
  return stringsOf(values)
    .filter((s) => s.length > 0)
    .sort((a, b) => b.length - a.length)
    .reduce((t, s) => t.split(s).join(''), text);
}
