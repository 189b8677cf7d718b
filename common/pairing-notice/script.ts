/**
 * The script a notice is written in. Notices reach us in traditional characters too (a Hong Kong or Taiwan
 * mirror of a mainland report, an old page), sometimes with pinyin glosses spliced into words by the mirror
 * (聯(lián)系). The reader's vocabulary is simplified, and so are the names a register holds, so such a text is
 * read in simplified characters: OpenCC's traditional → simplified phrases and characters (opencc-js, only
 * its two t2s dictionaries, about 37 kB, so the browser bundle stays small), glosses removed first.
 */
import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TSPhrases from 'opencc-js/dict/TSPhrases';

let converter: ((text: string) => string) | null = null;

function t2s(text: string): string {
  converter ??= ConverterFactory([[TSPhrases, TSCharacters]]);
  return converter(text);
}

/** A pinyin gloss after a character: 聯(lián), 區（qū）. Lower-case letters with or without tone marks. */
const PINYIN_GLOSS = /(?<=[\u4e00-\u9fff])[(（][a-zａ-ｚàáâèéêìíòóùúüāēěīōūǎǐǒǔǖǘǚǜńňǹḿ]{2,7}[)）]/g;
const HAN = /[\u4e00-\u9fff]/g;

/**
 * The text in simplified characters, without pinyin glosses. A text is converted only when it reads as
 * traditional — at least two of its characters and 5% of them change — so a simplified notice whose names hold a
 * character OpenCC would also map (乾安县) is left exactly as written.
 */
export function toSimplified(text: string): string {
  const plain = text.replace(PINYIN_GLOSS, '');
  const converted = t2s(plain);
  if (converted === plain) return plain;
  let changed = 0;
  for (let i = 0; i < plain.length && i < converted.length; i++) if (plain[i] !== converted[i]) changed++;
  const han = plain.match(HAN)?.length ?? 0;
  return changed >= 2 && changed >= 0.05 * han ? converted : plain;
}
