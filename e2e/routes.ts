// The apps' routes as Remix builds them: which route a path reaches, and the route files.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { matchRoutes, type AgnosticRouteObject as RouteObject } from '@remix-run/router'
import type { AppName } from './urls.ts'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const APP_DIR: Record<AppName, string> = { market: 'marketplace', portal: 'seller-portal' }

/** The route a path reaches in the built app (its id without "routes/"), as Remix matches it. */
export async function routeReached(app: AppName, path: string): Promise<string | undefined> {
  const build = (await import(pathToFileURL(join(root, 'apps', APP_DIR[app], 'build', 'server', 'index.js')).href)) as { routes: Record<string, { id: string; parentId?: string; path?: string; index?: boolean }> }
  const all = Object.values(build.routes)
  const tree = (parentId: string | undefined): RouteObject[] =>
    all.filter((r) => r.parentId === parentId).map((r) => (r.index ? { id: r.id, index: true, path: r.path } : { id: r.id, path: r.path, children: tree(r.id) }))
  const matches = matchRoutes(tree(undefined), new URL(path, 'http://x').pathname) ?? []
  return matches.at(-1)?.route.id?.replace(/^routes\//, '')
}

/** The route files of an app that render a page (a default export), by route id. */
export function pageRoutes(app: AppName): string[] {
  const dir = join(root, 'apps', APP_DIR[app], 'app', 'routes')
  return readdirSync(dir)
    .filter((file) => /\.tsx?$/.test(file) && /export default\b/.test(readFileSync(join(dir, file), 'utf8')))
    .map((file) => file.replace(/\.tsx?$/, ''))
}
