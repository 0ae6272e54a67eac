import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { claimFallbackDataDir } from './fallback.ts'

const made: string[] = []
afterEach(() => made.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const clone = () => {
  const root = mkdtempSync(join(tmpdir(), 'tp-fallback-'))
  made.push(root)
  return { intended: join(root, 'clone', '.tradepost', 'postgres'), fallback: join(root, 'elsewhere', 'tradepost-pg-abc') }
}
/** What initdb leaves in a data folder (the claim looks for PG_VERSION). */
const initialise = (dataDir: string) => {
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(join(dataDir, 'PG_VERSION'), '18\n')
}

describe('a database kept outside a root-only clone', () => {
  it('stays with its clone, and a new clone at the same path starts afresh', () => {
    const { intended, fallback } = clone()
    expect(claimFallbackDataDir(intended, fallback)).toBe('new')
    initialise(fallback)
    expect(claimFallbackDataDir(intended, fallback)).toBe('kept')
    // The clone is deleted and cloned again at the same path: its .tradepost is new.
    rmSync(join(intended, '..'), { recursive: true, force: true })
    expect(claimFallbackDataDir(intended, fallback)).toBe('replaced')
    expect(existsSync(join(fallback, 'PG_VERSION'))).toBe(false)
    initialise(fallback)
    expect(claimFallbackDataDir(intended, fallback)).toBe('kept')
  })

  it('adopts data kept before clones and data were paired, rather than dropping it', () => {
    const { intended, fallback } = clone()
    initialise(fallback)
    expect(claimFallbackDataDir(intended, fallback)).toBe('adopted')
    expect(existsSync(join(fallback, 'PG_VERSION'))).toBe(true)
    expect(claimFallbackDataDir(intended, fallback)).toBe('kept')
  })
})
