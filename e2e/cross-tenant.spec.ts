import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Brand, Category, Product, ProductImage } from '@tradepost/domain/catalog'
import { Organization } from '@tradepost/domain/organizations'
import { ImportJob } from '@tradepost/domain/imports'
import { Invitation, User } from '@tradepost/domain/users'
import { db, expect, sessionCookieFor, test } from './fixtures.ts'
import { PROBES, type World } from './probes.ts'
import { APPS } from './urls.ts'

let world: World

test.beforeAll(async () => {
  const em = (await db()).em.fork()
  const orgs = await em.find(Organization, {})
  const org = Object.fromEntries(orgs.map((o) => [o.slug, o.id]))
  const invite = async (slug: string, inviter: string) => {
    const email = `secret-${randomBytes(4).toString('hex')}@${slug}.test`
    const by = await em.findOneOrFail(User, { email: inviter })
    const invitation = em.create(Invitation, {
      organizationId: org[slug]!,
      email,
      role: slug === 'ben-thanh-construction' ? 'viewer' : 'sales',
      tokenHash: randomBytes(32).toString('hex'),
      invitedByUserId: by.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    await em.persist(invitation).flush()
    return { id: invitation.id, email }
  }
  const category = await em.findOneOrFail(Category, { slug: 'circuit-breakers' })
  const secretName = `Secret prototype ${randomBytes(4).toString('hex')}`
  const draft = em.create(Product, {
    organizationId: org['song-hong-electric']!, brandId: (await em.findOneOrFail(Brand, { slug: 'song-hong' })).id, categoryId: category.id,
    mpn: `SECRET-${randomBytes(3).toString('hex')}`, slug: `secret-${randomBytes(4).toString('hex')}`, nameEn: secretName, nameVi: secretName, attributes: {}, status: 'draft',
  })
  await em.persist(draft).flush()
  const importer = await em.findOneOrFail(User, { email: 'admin@hanoisupply.test' })
  const job = em.create(ImportJob, { organizationId: org['hanoi-industrial-supply']!, createdByUserId: importer.id, kind: 'offers', filename: `secret-${randomBytes(4).toString('hex')}.csv`, status: 'done', errors: [{ line: 2, code: 'SECRET-LINE' }] })
  await em.persist(job).flush()
  const image = em.create(ProductImage, { organizationId: draft.organizationId, productId: draft.id, storageKey: 'products/none.png', contentType: 'image/png', bytes: 1 })
  await em.persist(image).flush()
  world = {
    draftImage: image.id,
    importJob: { id: job.id, filename: job.filename },
    draft: { id: draft.id, slug: draft.slug, name: secretName },
    draftCategory: category.id,
    brand: (await em.findOneOrFail(Brand, { slug: 'song-hong' })).id,
    org,
    invitation: {
      buyer: await invite('ben-thanh-construction', 'admin@benthanh.test'),
      seller: await invite('hanoi-industrial-supply', 'admin@hanoisupply.test'),
    },
  }
})

for (const probe of PROBES) {
  for (const who of ['anonymous', 'outsider'] as const) {
    test(`${probe.app} ${probe.method} ${probe.name} — as ${who}`, async ({ playwright }) => {
      const base = APPS[probe.app]
      const headers: Record<string, string> = { Origin: base }
      if (who === 'outsider') {
        const cookie = await sessionCookieFor(probe.app, probe.outsider)
        headers.Cookie = `${cookie.name}=${cookie.value}`
      }
      const request = await playwright.request.newContext({ extraHTTPHeaders: headers })
      const url = `${base}${probe.path(world)}`
      const response =
        probe.method === 'GET' ? await request.get(url, { maxRedirects: 0 }) : await request.post(url, { form: probe.form?.(world) ?? {}, maxRedirects: 0 })
      const status = response.status()
      const body = await response.text()
      expect(body, 'the answer leaks the target tenant').not.toContain(probe.secret(world))
      if (who === 'anonymous') {
        const toLogin = status === 302 && (response.headers().location ?? '').startsWith('/login')
        if (probe.expect === 'denied') expect(toLogin || [403, 404, 410].includes(status), `status ${status}`).toBe(true)
        else expect(status, 'anonymous').toBeLessThan(500)
      } else if (probe.expect === 'denied') {
        expect([403, 404, 410], `status ${status}`).toContain(status)
      } else {
        expect(status).toBeLessThan(500)
      }
      await request.dispose()
    })
  }
}

test('every route module of both apps has at least one probe row', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..')
  const routes = (['market', 'portal'] as const).flatMap((app) =>
    readdirSync(join(root, 'apps', app === 'market' ? 'marketplace' : 'seller-portal', 'app', 'routes')).map((f) => `${app}:${f.replace(/\.tsx?$/, '')}`),
  )
  const probed = new Set(PROBES.map((p) => `${p.app}:${p.route}`))
  expect(routes.filter((r) => !probed.has(r)), 'routes without a row in e2e/probes.ts').toEqual([])
})

test('a cross-origin POST is refused and changes nothing', async ({ playwright }) => {
  const cookie = await sessionCookieFor('market', 'admin@benthanh.test')
  const request = await playwright.request.newContext({ extraHTTPHeaders: { Origin: 'http://evil.example', Cookie: `${cookie.name}=${cookie.value}` } })
  const response = await request.post(`${APPS.market}/account/members`, { form: { intent: 'invite', email: 'csrf@example.test', role: 'admin' }, maxRedirects: 0 })
  expect(response.status()).toBe(403)
  const em = (await db()).em.fork()
  expect(await em.count(Invitation, { email: 'csrf@example.test' })).toBe(0)
  await request.dispose()
})

test('a forged session cookie is cleared and treated as anonymous', async ({ playwright }) => {
  const request = await playwright.request.newContext({ extraHTTPHeaders: { Cookie: 'tp_portal_session=forged-value' } })
  const response = await request.get(`${APPS.portal}/members`, { maxRedirects: 0 })
  expect(response.status()).toBe(302)
  expect(response.headers().location).toMatch(/^\/login/)
  expect(response.headers()['set-cookie']).toMatch(/tp_portal_session=;/)
  await request.dispose()
})
