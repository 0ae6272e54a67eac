import { describe, expect, it } from 'vitest'
import { en } from './en.ts'
import { keyPaths } from './index.ts'
import { vi } from './vi.ts'

describe('translations', () => {
  it('give every English string a Vietnamese one, and nothing left untranslated by mistake', () => {
    expect(keyPaths(vi).sort()).toEqual(keyPaths(en).sort())
    const same = keyPaths(en).filter((k) => {
      const get = (o: unknown) => k.split('.').reduce((a, p) => (a as Record<string, unknown>)[p], o) as string
      return get(en) === get(vi)
    })
    // Brand names and a few international words are the same in both languages.
    expect(same.sort()).toEqual(['app.name', 'audit.details.email', 'audit.details.sku', 'catalog.logo', 'common.email', 'priceLists.sku', 'pricing.won', 'product.gtin', 'units.kilogram'])
  })
})
