// Vitest global setup: one PostgreSQL per run (TEST_DATABASE_URL's server when set, else an
// embedded throw-away cluster) and one migrated template database that every test file copies.
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { prepareDatabase } from '../db/prepare.ts'

const TEMPLATE = `tp_template_${process.pid}`

export default async function setup(project: TestProject) {
  let serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL
  let stopServer: (() => Promise<void>) | undefined
  if (!serverUrl) {
    const { startEmbeddedPostgres } = await import('@tradepost/infra/postgres')
    const dataDir = join(tmpdir(), `tradepost-vitest-${process.pid}`)
    const server = await startEmbeddedPostgres({ dataDir, fast: true })
    serverUrl = server.url
    stopServer = async () => {
      await server.stop()
      rmSync(server.dataDir, { recursive: true, force: true })
      rmSync(`${server.dataDir}.log`, { force: true })
    }
  }
  const url = new URL(serverUrl)
  url.pathname = '/postgres'
  const maintenance = url.toString()
  const admin = new pg.Client({ connectionString: maintenance })
  await admin.connect()
  await admin.query(`drop database if exists "${TEMPLATE}" with (force)`)
  await admin.query(`create database "${TEMPLATE}"`)
  url.pathname = `/${TEMPLATE}`
  await prepareDatabase(url.toString())
  project.provide('testServerUrl', maintenance)
  project.provide('templateDatabase', TEMPLATE)

  return async () => {
    await admin.query(`drop database if exists "${TEMPLATE}" with (force)`)
    await admin.end()
    await stopServer?.()
  }
}
