import type { MetaFunction } from '@remix-run/node'
import { LANGUAGES, resources, type Language } from './index.ts'

function lookup(lng: Language, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[lng].translation)
  return typeof value === 'string' ? value : key
}

/** A route's <title>, in the page's language (from the root loader's `locale`). */
export function metaTitle(key: string): MetaFunction {
  return ({ matches }) => {
    const locale = (matches.find((m) => m.id === 'root')?.data as { locale?: string } | undefined)?.locale
    const lng: Language = (LANGUAGES as readonly string[]).includes(locale ?? '') ? (locale as Language) : 'en'
    return [{ title: `${lookup(lng, key)} · Tradepost` }]
  }
}
