// i18next with react-i18next: English (en.json) and Kiswahili (sw.json). Keys are nested by screen
// (login.*, till.*, tender.*, receipt.*, shell.*, errors.<CODE>, shortcuts.*). The language is per user:
// it follows the logged-in operator's `locale` (auth.setLocale remembers a change on this till).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../src-shared/contract/auth.js';
import en from './en.json' with { type: 'json' };
import sw from './sw.json' with { type: 'json' };

export const DEFAULT_LOCALE: Locale = 'en';

export const i18n = i18next.createInstance();

export async function initI18n(locale: Locale = DEFAULT_LOCALE): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, sw: { translation: sw } },
    lng: locale,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = locale;
}

export function applyLocale(locale: Locale | null): void {
  const next = locale ?? DEFAULT_LOCALE;
  if (i18n.language !== next) void i18n.changeLanguage(next);
  document.documentElement.lang = next;
}
