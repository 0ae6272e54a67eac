import { createCookie } from '@remix-run/node'
import { RemixI18Next } from 'remix-i18next/server'
import { i18nConfig, LANGUAGES, resources, type Language } from './i18n/index.ts'

/** The visitor's language choice (the switcher sets it); Accept-Language decides otherwise. */
export const languageCookie = createCookie('tp_lang', { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 60 * 60 * 24 * 365 })

export const i18nServer = new RemixI18Next({
  detection: { supportedLanguages: [...LANGUAGES], fallbackLanguage: 'en', cookie: languageCookie },
  i18next: { ...i18nConfig, resources },
})

export async function getLocale(request: Request): Promise<Language> {
  const locale = await i18nServer.getLocale(request)
  return (LANGUAGES as readonly string[]).includes(locale) ? (locale as Language) : 'en'
}
