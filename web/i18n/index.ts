import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../common/errors';
import { setApiLanguage } from '../api/client';
import { zhCN } from './zh-CN';

export const LANGUAGES: readonly { value: Lang; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

const STORAGE_KEY = 'liaison.lang';

function storedLanguage(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function currentLanguage(): Lang {
  return i18next.language === 'en' ? 'en' : 'zh-CN';
}

function apply(lang: Lang): void {
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  document.title = lang === 'en' ? 'Liaison' : zhCN.app.title;
}

/**
 * English loads when first chosen: most users read Chinese, and every page would otherwise carry both
 * languages' strings in its first load.
 */
async function ensureLoaded(lang: Lang): Promise<void> {
  if (lang !== 'en' || i18next.hasResourceBundle('en', 'translation')) return;
  const { en } = await import('./en');
  i18next.addResourceBundle('en', 'translation', en, true, true);
}

/** Switch the UI language and remember it for the next visit. */
export async function changeLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  await ensureLoaded(lang);
  apply(lang);
  await i18next.changeLanguage(lang);
}

const initial = storedLanguage();
apply('zh-CN');

void i18next
  .use(initReactI18next)
  .init({
    resources: { 'zh-CN': { translation: zhCN } },
    lng: 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
  })
  .then(async () => {
    if (initial === 'en') await changeLanguage('en');
  });

/** Labels that live in common/ as { zh, en } pairs (roles, organisation kinds, region levels). */
export function label(pair: { zh: string; en: string }, lang: Lang = currentLanguage()): string {
  return lang === 'en' ? pair.en : pair.zh;
}

export default i18next;
