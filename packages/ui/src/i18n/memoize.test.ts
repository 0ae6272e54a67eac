import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import { i18nConfig, resources } from './index.ts'
import { memoizeLookups } from './memoize.ts'

describe('remembered translations', () => {
  it('answer as i18next does for every key, count and name, in both languages, however often asked', async () => {
    for (const lng of ['en', 'vi'] as const) {
      const plain = createInstance()
      await plain.init({ ...i18nConfig, lng, resources })
      const remembered = createInstance()
      await remembered.init({ ...i18nConfig, lng, resources })
      memoizeLookups(remembered)
      const calls: [string, Record<string, unknown>?][] = [
        ['pricing.why'],
        ['pricing.atQuantity', { count: 1 }],
        ['pricing.atQuantity', { count: 12 }],
        ['pricing.won', { name: 'Contract 2027', scope: 'contract' }],
        ['pricing.won', { name: 'Everyone', scope: 'everyone' }],
        ['pricing.otherLists', { count: 3, lng, ns: ['translation'] }],
      ]
      for (let round = 0; round < 3; round++) for (const [key, options] of calls) expect(remembered.t(key, options as never)).toBe(plain.t(key, options as never))
    }
  })

  it('asks i18next every time when a value is not plain', async () => {
    const instance = createInstance()
    await instance.init({ ...i18nConfig, lng: 'en', resources })
    memoizeLookups(instance)
    let asked = 0
    const name = { toString: () => `List ${++asked}` }
    const first = instance.t('pricing.won', { name, scope: 'contract' } as never)
    const second = instance.t('pricing.won', { name, scope: 'contract' } as never)
    expect(first).not.toBe(second)
  })
})
