import { afterEach, describe, expect, it } from 'vitest'
import { appUrl, createHostPolicy } from './app-urls.ts'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe('configured app URLs', () => {
  it('are required in production, and must be plain origins', () => {
    expect(() => appUrl('marketplace', { APP_ENV: 'production' })).toThrow(/MARKETPLACE_URL must be set/)
    expect(() => appUrl('portal', {})).toThrow(/SELLER_PORTAL_URL must be set/)
    expect(appUrl('portal', { SELLER_PORTAL_URL: 'https://sell.example.com/' })).toBe('https://sell.example.com')
    for (const bad of ['sell.example.com', 'ftp://sell.example.com', 'https://sell.example.com/app', 'https://u:p@sell.example.com', 'https://sell.example.com/?x=1']) {
      expect(() => appUrl('portal', { SELLER_PORTAL_URL: bad }), bad).toThrow()
    }
    // Outside production, the addresses of `npm start`.
    expect(appUrl('marketplace', { APP_ENV: 'development' })).toBe('http://localhost:3000')
  })

  it('decide which hosts an app answers', async () => {
    process.env.APP_ENV = 'production'
    process.env.MARKETPLACE_URL = 'https://market.example.com'
    const policy = createHostPolicy('marketplace', { extraHost: async (h) => h === 'shop.seller.vn' })
    expect(() => policy.assertConfigured()).not.toThrow()
    expect(await policy.allows('market.example.com')).toBe(true)
    expect(await policy.allows('MARKET.example.com')).toBe(true)
    expect(await policy.allows('shop.seller.vn')).toBe(true)
    expect(await policy.allows('evil.example')).toBe(false)
    expect(await policy.allows('localhost')).toBe(false)
    process.env.APP_ENV = 'development'
    expect(await policy.allows('localhost')).toBe(true)
    expect(await policy.allows('127.0.0.1')).toBe(true)
    delete process.env.SELLER_PORTAL_URL
    process.env.APP_ENV = 'production'
    expect(() => createHostPolicy('portal').assertConfigured()).toThrow(/SELLER_PORTAL_URL/)
  })
})
