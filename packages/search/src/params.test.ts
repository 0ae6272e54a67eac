import { describe, expect, it } from 'vitest'
import { parseSearchParams } from './params.ts'

describe('the search address', () => {
  it('reads facets given as repeated keys or joined, and ignores what it cannot read', () => {
    const q = parseSearchParams(new URLSearchParams('q=mcb&brand=song-hong&brand=mekong&seller=a,b&stock=1&min=100&max=oops&sort=bogus&page=-2'))
    expect(q).toMatchObject({ q: 'mcb', brands: ['song-hong', 'mekong'], sellers: ['a', 'b'], inStock: true, priceMin: 100, priceMax: undefined, sort: 'relevance', page: 1 })
  })

  it('reads attribute filters as a.<key>, repeated for alternatives, and drops malformed keys', () => {
    const q = parseSearchParams(new URLSearchParams('a.poles=1P&a.poles=2P&a.rated_current=63&a.Bad-Key=x&a.empty=&a.cross_section=2,5'))
    expect(q.attributes).toEqual({ poles: ['1P', '2P'], rated_current: ['63'], cross_section: ['2,5'] })
    expect(parseSearchParams(new URLSearchParams('q=x')).attributes).toBeUndefined()
  })
})
