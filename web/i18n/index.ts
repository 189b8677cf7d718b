import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../common/errors';
import { setApiLanguage } from '../api/client';
import { en } from './en';
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
  document.title = lang === 'en' ? en.app.title : zhCN.app.title;
}

/** Switch the UI language and remember it for the next visit. */
export async function changeLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  apply(lang);
  await i18next.changeLanguage(lang);
}

const initial = storedLanguage();
apply(initial);

void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

/** Labels that live in common/ as { zh, en } pairs (roles, organisation kinds, region levels). */
export function label(pair: { zh: string; en: string }, lang: Lang = currentLanguage()): string {
  return lang === 'en' ? pair.en : pair.zh;
}

export default i18next;
