import { en } from './en.ts'
import { vi } from './vi.ts'

export const LANGUAGES = ['en', 'vi'] as const
export type Language = (typeof LANGUAGES)[number]
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', vi: 'Tiếng Việt' }
export const resources = { en: { translation: en }, vi: { translation: vi } }
export const i18nConfig = {
  supportedLngs: [...LANGUAGES],
  fallbackLng: 'en',
  defaultNS: 'translation',
  interpolation: { escapeValue: false },
} as const

/** Every key path of the English resources, for a test that the Vietnamese has them all. */
export function keyPaths(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keyPaths(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}
