import { describe, expect, it } from 'vitest'
import { safeRedirect } from './request.ts'

describe('safeRedirect', () => {
  // Values that browsers (or URL parsers) follow to another host, from published bypass lists.
  const offSite = [
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/.//evil.example',
    '/./\\evil.example',
    '/%2e//evil.example',
    '//%09/evil.example',
    '///evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'http:evil.example',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    `/${'a'.repeat(3000)}`,
    '',
  ]
  it.each(offSite)('refuses %j', (value) => {
    expect(safeRedirect(value, '/fallback')).toBe('/fallback')
  })

  it('refuses what is not a string', () => {
    expect(safeRedirect(null)).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })

  const onSite: [string, string][] = [
    ['/', '/'],
    ['/offers?page=2', '/offers?page=2'],
    ['/search?q=mcb#results', '/search?q=mcb#results'],
    ['/p/../offers', '/offers'],
    ['/a/%2F%2Fevil.example', '/a/%2F%2Fevil.example'],
    ['/s/saigon-parts?near=VN-HN', '/s/saigon-parts?near=VN-HN'],
  ]
  it.each(onSite)('keeps %j as %j', (value, expected) => {
    expect(safeRedirect(value)).toBe(expected)
  })

  it('never answers a value a browser would take off-site', () => {
    for (const value of offSite) {
      const answer = safeRedirect(value)
      expect(new URL(answer, 'http://ours.test').host).toBe('ours.test')
    }
  })
})
