import { ApprovalRule, ShipTo } from '@tradepost/domain/companies'
import { Customer, CustomerGroup, PriceList, PriceListEntry } from '@tradepost/domain/pricing'
import { randomBytes, randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import { addProductImage, authorizeDistributor, Brand, Category, createBrand, saveProduct, setProductStatus } from '@tradepost/domain/catalog'
import { ImportJob } from '@tradepost/domain/imports'
import { Offer } from '@tradepost/domain/offers'
import { Organization, saveStorefront, Warehouse } from '@tradepost/domain/organizations'
import { CheckoutInputSchema, ProductInputSchema, QuoteRequestInputSchema, StorefrontInputSchema } from '@tradepost/domain/schemas'
import { requestQuote } from '@tradepost/domain/quotes'
import { addToCart, Order, placeCheckout } from '@tradepost/domain/orders'
import { Invoice } from '@tradepost/domain/invoices'
import { CommissionRate } from '@tradepost/domain/ledger'
import { myPaymentAccount, payoutUpdated, startOnboarding } from '@tradepost/domain/payments'
import { notify } from '@tradepost/domain/notifications'
import { Invitation, inviteMember, Membership, User } from '@tradepost/domain/users'
import { createFileStorage } from '@tradepost/infra/storage'
import { actAs, cardCheckoutWaiting, db, expect, sessionCookieFor, stopJobQueue, test, unwrap } from './fixtures.ts'
import { PROBES, type Probe, type World } from './probes.ts'
import { APP_DIR, root, routeReached } from './routes.ts'
import { PRODUCTION_APPS, type AppName } from './urls.ts'

// The probes run against the apps with production settings.
const APPS = PRODUCTION_APPS
let world: World

/** Whether the public search (run by the worker's index) lists the product. */
async function searchShows(request: APIRequestContext, q: string, slug: string) {
  return (await (await request.get(`${APPS.market}/search?q=${encodeURIComponent(q)}`)).text()).includes(`/p/${slug}`)
}

test.beforeAll(async ({ playwright }) => {
  test.setTimeout(60_000)
  const em = (await db()).em.fork()
  const org = Object.fromEntries((await em.find(Organization, {})).map((o) => [o.slug, o.id]))
  const hex = () => randomBytes(4).toString('hex')

  // Invitations, sent as an admin sends them: audited and emailed.
  const invite = async (email: string, slug: string, app: AppName, role: string) => {
    const invited = unwrap(await inviteMember(await actAs(email, slug, app), { email: `secret-${hex()}@${slug}.test`, role: role as never, origin: APPS[app] }))
    return { id: invited.id, email: invited.email }
  }
  const invitation = { buyer: await invite('admin@benthanh.test', 'ben-thanh-construction', 'market', 'viewer'), seller: await invite('admin@hanoisupply.test', 'hanoi-industrial-supply', 'portal', 'sales') }

  // A product made as a manufacturer makes it, published and found in search, then taken back to
  // draft: "search never shows drafts" then has something to hide.
  const songhong = await actAs('admin@songhong.test', 'song-hong-electric', 'portal')
  const category = await em.findOneOrFail(Category, { slug: 'circuit-breakers' })
  const brand = await em.findOneOrFail(Brand, { slug: 'song-hong' })
  const name = `Secret prototype ${hex()}`
  const mpn = `SECRET-${hex()}`.toUpperCase()
  const draft = unwrap(await saveProduct(songhong, ProductInputSchema.parse({ mpn, nameEn: name, nameVi: name, brandId: brand.id, categoryId: category.id })))
  const request = await playwright.request.newContext()
  await setProductStatus(await actAs('admin@songhong.test', 'song-hong-electric', 'portal'), draft.id, 'published')
  await expect.poll(() => searchShows(request, mpn, draft.slug), { timeout: 20_000, message: 'the published product reaches the search index' }).toBe(true)
  await setProductStatus(await actAs('admin@songhong.test', 'song-hong-electric', 'portal'), draft.id, 'draft')
  await expect.poll(() => searchShows(request, mpn, draft.slug), { timeout: 20_000, message: 'the draft leaves the search index' }).toBe(false)
  await request.dispose()

  // An image of it, really stored (where the apps read uploads), with text of its own inside.
  const marker = `probe-marker-${hex()}`
  // A real picture (it is resized on upload), the marker after its end: the original is served as stored.
  const png = Buffer.concat([Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'), Buffer.from(marker)])
  const image = unwrap(await addProductImage(await actAs('admin@songhong.test', 'song-hong-electric', 'portal'), createFileStorage(), draft.id, png))

  const secretBrand = `Secret brand ${hex()}`
  unwrap(await createBrand(await actAs('admin@songhong.test', 'song-hong-electric', 'portal'), { name: secretBrand }))

  const tagline = `Secret tagline ${hex()}`
  unwrap(await saveStorefront(await actAs('admin@hanoisupply.test', 'hanoi-industrial-supply', 'portal'), StorefrontInputSchema.parse({ primaryColor: '#224466', accentColor: '#446688', taglineEn: tagline, hostname: `shop-${hex()}.hanoisupply.vn` })))

  // A territory of Hà Nội Industrial Supply that no other page writes.
  const mekongBrand = await em.findOneOrFail(Brand, { slug: 'mekong' })
  unwrap(await authorizeDistributor(await actAs('admin@mekongpumps.test', 'mekong-pumps', 'portal'), { distributorId: org['hanoi-industrial-supply']!, brandId: mekongBrand.id, subdivisions: [], circles: [{ latitude: 20.4321, longitude: 106.1234, radiusKm: 37 }] }))

  const importer = await em.findOneOrFail(User, { email: 'admin@hanoisupply.test' })
  const job = em.create(ImportJob, { organizationId: org['hanoi-industrial-supply']!, createdByUserId: importer.id, kind: 'offers', filename: `secret-${hex()}.csv`, status: 'done', errors: [{ line: 2, code: 'SECRET-LINE' }] })
  await em.persist(job).flush()

  world = {
    org,
    draft: { id: draft.id, slug: draft.slug, mpn, name },
    draftCategory: category.id,
    brand: brand.id,
    secretBrand,
    draftImage: { id: image.id, marker },
    importJob: { id: job.id, filename: job.filename },
    invitation,
    tagline,
    territory: '37 km @ 20.432, 106.123',
    hanoiAdminName: importer.name,
    warehouse: await em.findOneOrFail(Warehouse, { organizationId: org['hanoi-industrial-supply']!, name: 'Kho Long Biên' }, { fields: ['id', 'name'] }).then((h) => ({ id: h.id, name: h.name })),
    shipTo: await em.findOneOrFail(ShipTo, { organizationId: org['ben-thanh-construction']!, name: 'Công trường Cầu Giấy' }, { fields: ['id', 'name'] }).then((h) => ({ id: h.id, name: h.name })),
    offer: { id: (await em.findOneOrFail(Offer, { organizationId: org['hanoi-industrial-supply']!, sku: 'HNIS-MCB2P63' })).id, sku: 'HNIS-MCB2P63' },
    people: await (async () => {
      const membershipOf = async (email: string, slug: string) => (await em.findOneOrFail(Membership, { userId: (await em.findOneOrFail(User, { email })).id, organizationId: org[slug]! })).id
      return { seller: await membershipOf('sales@hanoisupply.test', 'hanoi-industrial-supply'), buyer: await membershipOf('buyer@benthanh.test', 'ben-thanh-construction'), branch: org['ben-thanh-construction-da-nang']! }
    })(),
    restricted: await (async () => {
      const drum = await em.findOneOrFail(Offer, { sku: 'HNIS-CU4-DRUM' })
      return { offerId: drum.id, productSlug: 'sh-cu-2x4-500', price: '12,345,600' }
    })(),
    quoteRequest: await (async () => {
      const message = `Secret project ${hex()}`
      const board = await em.findOneOrFail(Offer, { sku: 'SHE-DB24' })
      const asked = unwrap(await requestQuote(await actAs('admin@benthanh.test', 'ben-thanh-construction', 'market'), QuoteRequestInputSchema.parse({ offerId: board.id, quantity: '4', message })))
      return { id: asked.id, message }
    })(),
    approvals: await (async () => {
      const rule = await em.findOneOrFail(ApprovalRule, { organizationId: org['ben-thanh-construction']!, name: 'Orders above 20 million' })
      const buyer = await em.findOneOrFail(User, { email: 'buyer@benthanh.test' })
      return { rule: { id: rule.id, name: rule.name }, buyer: { id: buyer.id, name: buyer.name } }
    })(),
    commissionRateId: (await em.findOneOrFail(CommissionRate, { categoryId: { $ne: null } })).id,
    orders: await (async () => {
      const po = 'BT-2026-0117'
      const of = async (slug: string) => {
        const o = await em.findOneOrFail(Order, { buyerOrgId: org['ben-thanh-construction']!, sellerOrgId: org[slug]!, poNumber: po })
        return { id: o.id, number: o.number, invoiceId: (await em.findOneOrFail(Invoice, { orderId: o.id })).id }
      }
      // The admin's checkout over 20 million waits for the named approver, then an admin.
      const admin = () => actAs('admin@benthanh.test', 'ben-thanh-construction', 'market')
      const cable = await em.findOneOrFail(Offer, { sku: 'HNIS-CU25' })
      unwrap(await addToCart(await admin(), { offerId: cable.id, quantity: 20 }))
      const pendingPo = `PENDING-${hex()}`.toUpperCase()
      const shipTo = await em.findOneOrFail(ShipTo, { organizationId: org['ben-thanh-construction']!, name: 'Công trường Cầu Giấy' })
      const placed = unwrap(await placeCheckout(await admin(), CheckoutInputSchema.parse({ token: randomUUID(), shipToId: shipTo.id, poNumber: pendingPo })))
      if (placed.orders[0]!.status !== 'pending_approval') throw new Error('the probe checkout should wait for approval')
      const [line] = unwrap(await addToCart(await admin(), { offerId: cable.id, quantity: 1 })).lineIds
      return { po, hanoi: await of('hanoi-industrial-supply'), saigon: await of('saigon-parts'), pending: { checkoutId: placed.checkoutId, orderId: placed.orders[0]!.id, po: pendingPo }, cartLine: { id: line!, sku: 'HNIS-CU25' } }
    })(),
    card: await (async () => {
      // Merlion Pumps connects to Stripe as its admin would (the local Stripe's onboarding form).
      const merlion = await actAs('admin@merlionpumps.test', 'merlion-pumps', 'portal')
      const onboarding = await startOnboarding(merlion, { returnUrl: `${APPS.portal}/payments?return=1`, refreshUrl: `${APPS.portal}/payments` })
      if (!onboarding.ok) throw new Error(`onboarding: ${onboarding.error.code}`)
      await fetch(onboarding.value.url, { method: 'POST', body: new URLSearchParams({ return_url: `${APPS.portal}/payments` }), redirect: 'manual' })
      const account = (await myPaymentAccount(await actAs('admin@merlionpumps.test', 'merlion-pumps', 'portal'), { refresh: true })).account!
      // A checkout of Marina Bay Builders whose card payment waits.
      const po = `CARD-${hex()}`.toUpperCase()
      const waiting = await cardCheckoutWaiting(po)
      // A payout of Merlion's Stripe balance to its bank, as the processor's event reports it.
      const amount = 100_000 + Math.floor(Math.random() * 90_000)
      const at = Math.floor(Date.now() / 1000)
      const ctx = await actAs('admin@merlionpumps.test', 'merlion-pumps', 'portal')
      await ctx.em.transactional((em) => payoutUpdated({ ...ctx, em }, account.id, { id: `po_probe_${hex()}`, amount, currency: 'SGD', status: 'in_transit', arrivalDate: at + 2 * 86_400, created: at, failureMessage: null }, at))
      return { ...waiting, po, merlionAccount: account.id, payout: (amount / 100).toLocaleString('en', { minimumFractionDigits: 2 }) }
    })(),
    notifications: await (async () => {
      const buyer = `Secret news for Bến Thành ${hex()}`
      const seller = `Secret news for Hà Nội ${hex()}`
      for (const [email, slug, title] of [['admin@benthanh.test', 'ben-thanh-construction', buyer], ['admin@hanoisupply.test', 'hanoi-industrial-supply', seller]] as const) {
        const ctx = await actAs(email, slug, slug === 'ben-thanh-construction' ? 'market' : 'portal')
        notify(ctx, { userId: (await em.findOneOrFail(User, { email })).id, organizationId: org[slug]!, title, path: '/orders' })
        await ctx.em.flush()
      }
      return { buyer, seller }
    })(),
    pricing: await (async () => {
      const seller = org['hanoi-industrial-supply']!
      const list = await em.findOneOrFail(PriceList, { organizationId: seller, name: 'Bến Thành 2027 contract' })
      const entry = await em.findOneOrFail(PriceListEntry, { priceListId: list.id }, { orderBy: { createdAt: 'asc' } })
      const customer = await em.findOneOrFail(Customer, { organizationId: seller, buyerId: org['ben-thanh-construction']! })
      const group = await em.findOneOrFail(CustomerGroup, { organizationId: seller, name: 'Contractors' })
      const cable = await em.findOneOrFail(Offer, { organizationId: seller, sku: 'HNIS-CU25' })
      return { list: { id: list.id, name: list.name }, entryId: entry.id, customer: { id: customer.id, accountNumber: customer.accountNumber! }, group: { id: group.id, name: group.name }, cableOfferId: cable.id }
    })(),
  }
})

test.afterAll(async () => {
  await stopJobQueue()
})

async function send(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, probe: Probe, app: AppName, path: string, who: string | null) {
  const base = APPS[app]
  const headers: Record<string, string> = { Origin: base }
  if (who) {
    const cookie = await sessionCookieFor(app, who)
    headers.Cookie = `${cookie.name}=${cookie.value}`
  }
  const request = await playwright.request.newContext({ extraHTTPHeaders: headers })
  const url = `${base}${path}`
  const form = probe.form?.(world) ?? {}
  const response =
    probe.method === 'GET'
      ? await request.get(url, { maxRedirects: 0 })
      : probe.file
        ? await request.post(url, { multipart: { ...form, [probe.file.field]: { name: probe.file.name, mimeType: probe.file.mimeType, buffer: probe.file.bytes() } }, maxRedirects: 0 })
        : await request.post(url, { form, maxRedirects: 0 })
  const result = { status: response.status(), body: await response.text(), location: response.headers().location ?? '' }
  await request.dispose()
  return result
}

for (const probe of PROBES) {
  test.describe(`${probe.app} ${probe.method} ${probe.name}`, () => {
    if (probe.owner) {
      test('the owner sees the secret (so a refusal proves something)', async ({ playwright }) => {
        const owner = probe.owner!
        const app = owner.app ?? probe.app
        const { status, body } = await send(playwright, { ...probe, method: 'GET' }, app, (owner.path ?? probe.path)(world), owner.as)
        expect(status).toBe(200)
        expect(body, 'the owner\'s page shows the secret').toContain(probe.secret(world))
      })
    }
    for (const who of ['anonymous', 'outsider'] as const) {
      test(`as ${who}`, async ({ playwright }) => {
        const em = (await db()).em
        const before = probe.unchanged ? JSON.stringify(await probe.unchanged(world, em)) : null
        const { status, body, location } = await send(playwright, probe, probe.app, probe.path(world), who === 'outsider' ? probe.outsider : null)
        expect(body, 'the answer leaks the target tenant').not.toContain(probe.secret(world))
        if (who === 'anonymous') {
          const toLogin = status === 302 && location.startsWith('/login')
          if (probe.expect === 'denied') expect(toLogin || [403, 404, 410].includes(status), `status ${status}`).toBe(true)
          else expect(status, 'anonymous').toBeLessThan(500)
        } else if (probe.expect === 'denied') {
          expect([403, 404, 410], `status ${status}`).toContain(status)
        } else {
          expect(status).toBeLessThan(500)
        }
        if (probe.unchanged) expect(JSON.stringify(await probe.unchanged(world, em)), 'the write changed the target\'s data').toBe(before)
      })
    }
  })
}


test('every probe still reaches the route it is written for', async () => {
  const wrong: string[] = []
  for (const probe of PROBES) {
    const placeholder = { ...world, draft: world?.draft ?? { id: '00000000-0000-4000-8000-000000000000', slug: 'x', mpn: 'x', name: 'x' } } as World
    const reached = await routeReached(probe.app, probe.path(placeholder))
    if (reached !== probe.route) wrong.push(`${probe.app} ${probe.name}: ${probe.path(placeholder)} reaches ${reached}, not ${probe.route}`)
  }
  expect(wrong).toEqual([])
})

/** The intents an action handles, read from its source (and from the shared action it calls). */
function intentsOf(source: string, shared: string): string[] {
  const found = new Set<string>()
  const scan = (text: string) => {
    for (const m of text.matchAll(/intent(?:'\))? === '([a-zA-Z]+)'/g)) found.add(m[1]!)
  }
  scan(source)
  for (const m of source.matchAll(/auth\.(\w+Action)\(/g)) {
    const start = shared.indexOf(`${m[1]}:`) >= 0 ? shared.indexOf(`${m[1]}:`) : shared.indexOf(`async ${m[1]}(`)
    if (start < 0) continue
    const next = shared.slice(start + 1).search(/\n {4}(async )?\w+(: guard\(|\()/)
    scan(shared.slice(start, next < 0 ? undefined : start + 1 + next))
  }
  return [...found]
}

test('every route, action and intent of both apps has a probe row', () => {
  const shared = readFileSync(join(root, 'packages', 'auth', 'src', 'routes.ts'), 'utf8')
  const missing: string[] = []
  for (const app of ['market', 'portal'] as const) {
    const dir = join(root, 'apps', APP_DIR[app], 'app', 'routes')
    for (const file of readdirSync(dir)) {
      const route = file.replace(/\.tsx?$/, '')
      const source = readFileSync(join(dir, file), 'utf8')
      const rows = PROBES.filter((p) => p.app === app && p.route === route)
      if (!rows.length) missing.push(`${app}:${route}`)
      if (/export (const|async function) action\b/.test(source) && !rows.some((p) => p.method === 'POST')) missing.push(`${app}:${route} (action)`)
      for (const intent of intentsOf(source, shared)) {
        if (!rows.some((p) => p.method === 'POST' && p.form?.(world)?.intent === intent)) missing.push(`${app}:${route} (intent ${intent})`)
      }
    }
  }
  expect(missing, 'rows missing from e2e/probes.ts').toEqual([])
})

test('every write probe says what it must leave unchanged', () => {
  expect(PROBES.filter((p) => p.method === 'POST' && !p.unchanged).map((p) => `${p.app} ${p.name}`)).toEqual([])
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

