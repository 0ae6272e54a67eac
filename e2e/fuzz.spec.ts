// Every form of both apps, posted by its rightful user with hostile values in each field: NUL
// bytes, unpaired surrogates, a megabyte of text, negative and overflowing numbers. None may
// answer 5xx; text PostgreSQL cannot store gets a field error. Then double submits of the create
// forms. The statuses are written to test-results/fuzz-results.md (the closing note's table).
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes, randomUUID } from 'node:crypto'
import { Brand, Category, Product } from '@tradepost/domain/catalog'
import { Offer } from '@tradepost/domain/offers'
import { Customer, PriceList } from '@tradepost/domain/pricing'
import { User } from '@tradepost/domain/users'
import { Organization, Storefront, Warehouse } from '@tradepost/domain/organizations'
import { ShipTo } from '@tradepost/domain/companies'
import { addToCart, CartLine, Checkout, Order } from '@tradepost/domain/orders'
import { actAs, db, expect, sessionCookieFor, stopJobQueue, test, unwrap } from './fixtures.ts'
import { APPS, type AppName } from './urls.ts'

interface Ids {
  category: string
  brand: string
  product: string
  warehouse: string
  danang: string
  applicant: string
  /** A price list of Đà Nẵng Trading's own, for its price form. */
  danangList: string
  /** Hải Phòng Shipyard (a buyer company) and its buyer, for its spending and approval forms. */
  haiphong: string
  haiphongBuyer: string
  /** Bến Thành Construction, a customer of Hà Nội Industrial Supply (whose sales may act as its people). */
  benthanh: string
  /** An offer of Đà Nẵng Trading (for whom it is), and Sông Hồng's call-for-price board (a quote). */
  danangOffer: string
  board: string
  /** Hà Nội Industrial Supply's breaker (to add to a cart), the Đà Nẵng branch's ship-to (its buyer's
   * cart is over the per-order limit, so a checkout is refused whole), and Bến Thành's order with Hà Nội. */
  breaker: string
  branchShipTo: string
  hanoiOrder: string
  /** Hà Nội Industrial Supply's customer relationship with Bến Thành (terms, credit). */
  hanoiCustomer: string
}

interface FormCase {
  name: string
  app: AppName
  path: (ids: Ids) => string
  /** Signed in as (the form's rightful user), or anonymous. */
  as: string | null
  /** A valid submission; each fuzzed field replaces one of these. */
  form: (ids: Ids) => Record<string, string>
  fuzz: string[]
  /** False where the page shows no form to put a message in (a link that is not valid). */
  showsForm?: boolean
}

const FORMS: FormCase[] = [
  { name: 'sign in', app: 'market', path: () => '/login', as: null, form: () => ({ email: 'nobody@example.test', password: 'wrong-password-1', redirectTo: '/' }), fuzz: ['email', 'password', 'redirectTo'] },
  { name: 'sign up', app: 'portal', path: () => '/signup', as: null, form: () => ({ name: 'Fuzz', email: `fuzz-${randomBytes(3).toString('hex')}@example.test`, password: 'long-enough-123', organizationName: 'Fuzz Co', organizationKind: 'distributor', country: 'VN' }), fuzz: ['name', 'email', 'organizationName', 'country'] },
  { name: 'forgot password', app: 'market', path: () => '/forgot-password', as: null, form: () => ({ email: 'nobody@example.test' }), fuzz: ['email'] },
  { name: 'reset password', app: 'portal', path: () => '/reset-password/forged-token', as: null, form: () => ({ password: 'long-enough-123', confirm: 'long-enough-123' }), fuzz: ['password'], showsForm: false },
  { name: 'accept invitation', app: 'market', path: () => '/invitations/forged-token', as: null, form: () => ({ name: 'x', password: 'long-enough-123' }), fuzz: ['name'], showsForm: false },
  { name: 'invite a member (buyer)', app: 'market', path: () => '/account/members', as: 'admin@benthanh.test', form: () => ({ intent: 'invite', email: 'someone@example.test', role: 'buyer' }), fuzz: ['email', 'role', 'intent'] },
  { name: 'revoke an invitation', app: 'portal', path: () => '/members', as: 'admin@hanoisupply.test', form: () => ({ intent: 'revoke', invitationId: '00000000-0000-4000-8000-000000000000' }), fuzz: ['invitationId'] },
  { name: 'create a brand', app: 'portal', path: () => '/brands', as: 'admin@songhong.test', form: () => ({ name: `Fuzz brand ${randomBytes(3).toString('hex')}` }), fuzz: ['name'] },
  {
    name: 'create a product', app: 'portal', path: (ids) => `/products/new?category=${ids.category}`, as: 'admin@songhong.test',
    form: (ids) => ({ mpn: `FZ-${randomBytes(3).toString('hex')}`, nameEn: 'Fuzz', nameVi: 'Fuzz', descriptionEn: '', descriptionVi: '', categoryId: ids.category, brandId: ids.brand, unitOfMeasure: 'piece' }),
    fuzz: ['mpn', 'nameEn', 'descriptionVi', 'categoryId', 'gtin'],
  },
  {
    name: 'save an offer', app: 'portal', path: () => '/offers/new', as: 'admin@hanoisupply.test',
    form: (ids) => ({ productId: ids.product, sku: `FZ-${randomBytes(3).toString('hex')}`, price: '100000', currency: 'VND', minOrderQty: '1', orderMultiple: '1', leadTimeDays: '0', condition: 'new', [`stock.${ids.warehouse}`]: '5' }),
    fuzz: ['sku', 'price', 'currency', 'minOrderQty', 'leadTimeDays', 'stock.WAREHOUSE'],
  },
  { name: 'authorize a distributor', app: 'portal', path: () => '/authorizations', as: 'admin@songhong.test', form: (ids) => ({ brandId: ids.brand, distributorId: ids.danang, subdivisions: 'VN-DN' }), fuzz: ['subdivisions', 'brandId', 'distributor', 'circles[0].radiusKm'] },
  { name: 'storefront settings', app: 'portal', path: () => '/storefront', as: 'admin@danangtrading.test', form: () => ({ primaryColor: '#112233', accentColor: '#445566', taglineEn: 'Fuzz', taglineVi: '', aboutEn: '', aboutVi: '', hostname: '' }), fuzz: ['taglineEn', 'aboutVi', 'hostname', 'primaryColor'] },
  { name: 'operator: reject an application', app: 'portal', path: (ids) => `/organizations/${ids.applicant}`, as: 'operator@tradepost.test', form: () => ({ transition: 'reject', reason: '' }), fuzz: ['reason', 'transition'] },
  { name: 'switch organization', app: 'portal', path: () => '/switch-org', as: 'admin@hanoisupply.test', form: () => ({ organizationId: '00000000-0000-4000-8000-000000000000', redirectTo: '/' }), fuzz: ['organizationId', 'redirectTo'] },
  { name: 'add a customer group', app: 'portal', path: () => '/customers', as: 'admin@danangtrading.test', form: () => ({ intent: 'group', name: `Fuzz group ${randomBytes(3).toString('hex')}` }), fuzz: ['name'] },
  { name: 'add a customer', app: 'portal', path: () => '/customers', as: 'admin@danangtrading.test', form: () => ({ intent: 'add', buyerId: '00000000-0000-4000-8000-000000000000' }), fuzz: ['buyerId'], showsForm: false },
  {
    name: 'create a price list', app: 'portal', path: () => '/price-lists/new', as: 'admin@danangtrading.test',
    form: () => ({ intent: 'save', name: `Fuzz list ${randomBytes(3).toString('hex')}`, currency: 'VND', scope: 'everyone', priority: '0', active: 'on' }),
    fuzz: ['name', 'currency', 'scope', 'priority', 'validFrom'],
  },
  {
    name: 'set a price in a list', app: 'portal', path: (ids) => `/price-lists/${ids.danangList}`, as: 'admin@danangtrading.test',
    form: () => ({ intent: 'entry', sku: 'DNT-MK2200', 'tiers[0].minQty': '1', 'tiers[0].price': '7000000' }),
    fuzz: ['sku', 'tiers[0].minQty', 'tiers[0].price', 'percentOff'],
  },
  { name: 'spending limits of a person', app: 'market', path: () => '/account/spending', as: 'admin@haiphongshipyard.test', form: (ids) => ({ organizationId: ids.haiphong, userId: ids.haiphongBuyer, currency: 'VND', perOrder: '30000000', perMonth: '' }), fuzz: ['perOrder', 'perMonth', 'currency', 'userId', 'organizationId'] },
  {
    name: 'add an approval rule', app: 'market', path: () => '/account/approvals', as: 'admin@haiphongshipyard.test',
    form: (ids) => ({ intent: 'save', organizationId: ids.haiphong, currency: 'VND', name: `Fuzz rule ${randomBytes(3).toString('hex')}`, minTotal: '10000000', 'steps[0]': 'admin', active: 'on' }),
    fuzz: ['name', 'minTotal', 'seller', 'buyerRole', 'steps[0]', 'steps[1]', 'currency'],
  },
  { name: 'act as a user', app: 'portal', path: (ids) => `/impersonate?company=${ids.benthanh}`, as: 'sales@hanoisupply.test', form: (ids) => ({ organizationId: ids.benthanh, userId: '00000000-0000-4000-8000-000000000000', reason: 'Fuzzing the impersonation form' }), fuzz: ['reason', 'userId', 'organizationId'] },
  { name: 'who sees an offer', app: 'portal', path: (ids) => `/offers/${ids.danangOffer}`, as: 'admin@danangtrading.test', form: () => ({ intent: 'exposure', audience: 'everyone' }), fuzz: ['audience', 'groupIds', 'customerIds'] },
  { name: 'ask for a quote', app: 'market', path: () => '/p/sh-db-24', as: 'approver@benthanh.test', form: (ids) => ({ offerId: ids.board, quantity: '2', message: 'Fuzzing the quote form' }), fuzz: ['quantity', 'message'] },
  { name: 'change a member\'s role', app: 'portal', path: () => '/members', as: 'admin@danangtrading.test', form: () => ({ intent: 'role', membershipId: '00000000-0000-4000-8000-000000000000', role: 'sales' }), fuzz: ['membershipId', 'role'], showsForm: false },
  { name: 'add to the cart', app: 'market', path: () => '/p/sh-mcb-2p-63', as: 'approver@benthanh.test', form: (ids) => ({ intent: 'cart', offerId: ids.breaker, quantity: '1' }), fuzz: ['quantity', 'offerId'] },
  { name: 'quick order', app: 'market', path: () => '/cart', as: 'approver@benthanh.test', form: () => ({ intent: 'quick', lines: 'HNIS-MCB1P32 1' }), fuzz: ['lines'] },
  { name: 'a cart line\'s quantity', app: 'market', path: () => '/cart', as: 'approver@benthanh.test', form: () => ({ intent: 'quantity', lineId: '00000000-0000-4000-8000-000000000000', quantity: '2' }), fuzz: ['quantity', 'lineId'], showsForm: false },
  {
    name: 'check out', app: 'market', path: () => '/checkout', as: 'buyer.danang@benthanh.test',
    form: (ids) => ({ token: randomUUID(), shipToId: ids.branchShipTo, poNumber: 'FUZZ-1', requestedDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10), notes: 'Fuzz' }),
    fuzz: ['poNumber', 'requestedDate', 'notes', 'shipToId', 'token', 'payBy'],
  },
  { name: 'pay by card', app: 'market', path: () => '/checkout/00000000-0000-4000-8000-000000000000/pay', as: 'admin@marinabay.test', form: () => ({ paymentId: '00000000-0000-4000-8000-000000000000', card: 'pm_card_visa' }), fuzz: ['paymentId', 'card'], showsForm: false },
  { name: 'connect to Stripe', app: 'portal', path: () => '/payments', as: 'admin@danangtrading.test', form: () => ({ intent: 'onboard' }), fuzz: ['intent'], showsForm: false },
  { name: 'decide an approval', app: 'market', path: () => '/orders/approvals', as: 'approver@benthanh.test', form: () => ({ intent: 'reject', checkoutId: '00000000-0000-4000-8000-000000000000', comment: 'Fuzz' }), fuzz: ['comment', 'checkoutId', 'intent'], showsForm: false },
  { name: 'ship an order', app: 'portal', path: (ids) => `/orders/${ids.hanoiOrder}`, as: 'sales@hanoisupply.test', form: () => ({ intent: 'ship', carrier: 'Fuzz Post', trackingNumber: 'FZ-1' }), fuzz: ['carrier', 'trackingNumber', 'intent'], showsForm: false },
  {
    name: 'a customer\'s payment terms and credit', app: 'portal', path: (ids) => `/customers?edit=${ids.hanoiCustomer}`, as: 'admin@hanoisupply.test',
    form: (ids) => ({ intent: 'save', buyerId: ids.benthanh, accountNumber: 'HN-C-0042', approved: 'on', paymentTerms: 'net30', creditLimit: '200000000' }),
    fuzz: ['creditLimit', 'paymentTerms'],
  },
  { name: 'a commission rate', app: 'portal', path: () => '/commission', as: 'operator@tradepost.test', form: () => ({ intent: 'save', seller: 'Saigon Parts Co.', percent: '4' }), fuzz: ['percent', 'seller', 'categoryId'] },
  { name: 'a territory share', app: 'portal', path: () => '/authorizations', as: 'admin@mekongpumps.test', form: () => ({ intent: 'share', percent: '8' }), fuzz: ['percent'] },
  { name: 'mark an invoice paid', app: 'portal', path: () => '/invoices/00000000-0000-4000-8000-000000000000', as: 'admin@hanoisupply.test', form: () => ({ intent: 'paid' }), fuzz: ['intent'], showsForm: false },
  { name: 'language', app: 'market', path: () => '/set-language', as: null, form: () => ({ lng: 'vi', redirectTo: '/' }), fuzz: ['lng', 'redirectTo'] },
]

/** Hostile values, as they go on the wire (already percent-encoded). */
const VALUES: Record<string, string> = {
  'NUL byte': encodeURIComponent('ab\u0000cd'),
  'unpaired surrogate (raw bytes)': 'ab%ED%A0%80cd',
  'control character': encodeURIComponent('ab\u0008cd'),
  '1 MB string': 'a'.repeat(1024 * 1024),
  'negative number': '-1',
  'overflowing number': '99999999999999999999999999',
  'exponent overflow': '1e309',
}

/** Fields the pages send as hidden inputs or buttons: there is no field to show a message next to. */
const HIDDEN = new Set(['redirectTo', 'intent', 'token', 'payBy', 'offerId', 'lineId', 'checkoutId', 'transition', 'lng', 'categoryId', 'invitationId', 'organizationId', /* taken by the schema, not on the page: */ 'circles[0].radiusKm', 'userId', 'currency'])

/** Fields that fall back to a default on any value they do not know. */
const FALLS_BACK = new Set(['lng', 'redirectTo'])

const encode = (form: Record<string, string>) => Object.entries(form).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)

async function ids(): Promise<Ids> {
  const em = (await db()).em.fork()
  const danang = await em.findOneOrFail(Organization, { slug: 'da-nang-trading' })
  const hanoi = await em.findOneOrFail(Organization, { slug: 'hanoi-industrial-supply' })
  return {
    category: (await em.findOneOrFail(Category, { slug: 'circuit-breakers' })).id,
    brand: (await em.findOneOrFail(Brand, { slug: 'song-hong' })).id,
    product: (await em.findOneOrFail(Product, { slug: 'sh-mcb-2p-63' })).id,
    warehouse: (await em.findOneOrFail(Warehouse, { organizationId: hanoi.id }, { orderBy: { name: 'asc' } })).id,
    danang: danang.id,
    // An active organization cannot be rejected: the operator's form is parsed in full, and changes nothing.
    applicant: danang.id,
    danangList: await (async () => {
      const name = 'Fuzz target list'
      const found = await em.findOne(PriceList, { organizationId: danang.id, name })
      if (found) return found.id
      const list = em.create(PriceList, { organizationId: danang.id, name, currency: 'VND', scope: 'everyone', priority: 0, active: false })
      await em.persist(list).flush()
      return list.id
    })(),
    haiphong: (await em.findOneOrFail(Organization, { slug: 'haiphong-shipyard' })).id,
    haiphongBuyer: (await em.findOneOrFail(User, { email: 'buyer@haiphongshipyard.test' })).id,
    danangOffer: (await em.findOneOrFail(Offer, { sku: 'DNT-MK750' })).id,
    board: (await em.findOneOrFail(Offer, { sku: 'SHE-DB24' })).id,
    benthanh: (await em.findOneOrFail(Organization, { slug: 'ben-thanh-construction' })).id,
    breaker: (await em.findOneOrFail(Offer, { sku: 'HNIS-MCB2P63' })).id,
    branchShipTo: await (async () => {
      // 120 breakers (about 11.5 million) are over the branch buyer's 10 million per order, and no
      // rule of the branch lets that through: every checkout of this cart is refused whole.
      const branch = await em.findOneOrFail(Organization, { slug: 'ben-thanh-construction-da-nang' })
      if (!(await em.count(CartLine, { buyerOrgId: branch.id }))) {
        unwrap(await addToCart(await actAs('buyer.danang@benthanh.test', 'ben-thanh-construction-da-nang', 'market'), { offerId: (await em.findOneOrFail(Offer, { sku: 'HNIS-MCB1P32' })).id, quantity: 120 }))
      }
      return (await em.findOneOrFail(ShipTo, { organizationId: branch.id })).id
    })(),
    hanoiOrder: (await em.findOneOrFail(Order, { sellerOrgId: hanoi.id, poNumber: 'BT-2026-0117' })).id,
    hanoiCustomer: (await em.findOneOrFail(Customer, { organizationId: hanoi.id, buyerId: (await em.findOneOrFail(Organization, { slug: 'ben-thanh-construction' })).id })).id,
  }
}

test.afterAll(async () => {
  await stopJobQueue()
})

test('no form of either app answers 5xx to hostile values; text that cannot be stored gets a field error', async ({ playwright }) => {
  test.setTimeout(120_000)
  const world = await ids()
  const rows: string[] = []
  for (const form of FORMS) {
    const headers: Record<string, string> = { Origin: APPS[form.app], 'Content-Type': 'application/x-www-form-urlencoded' }
    if (form.as) {
      const cookie = await sessionCookieFor(form.app, form.as)
      headers.Cookie = `${cookie.name}=${cookie.value}`
    }
    for (const field of form.fuzz) {
      const statuses: string[] = []
      for (const [label, value] of Object.entries(VALUES)) {
        const base = form.form(world)
        const name = field.replace('WAREHOUSE', world.warehouse)
        delete base[name]
        const body = [...encode(base), `${encodeURIComponent(name)}=${value}`].join('&')
        // A fresh context each time: a sign-up that went through must not sign the next one in.
        const request = await playwright.request.newContext({ extraHTTPHeaders: headers })
        const response = await request.post(`${APPS[form.app]}${form.path(world)}`, { data: body, maxRedirects: 0 })
        const status = response.status()
        const text = await response.text()
        statuses.push(String(status))
        expect(status, `${form.name} · ${field} · ${label}: ${text.slice(0, 300)}`).toBeLessThan(500)
        expect(text, 'no stack trace').not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules/)
        if (label === 'NUL byte' || label === 'control character') {
          // Refused before anything ran; a page that shows the form says why.
          // (A language or a place to go back to falls back to its default instead: 302.)
          expect(FALLS_BACK.has(field) ? [302, 400, 403] : [400, 403, 404, 410], `${form.name} · ${field} · ${label}`).toContain(status)
          if (status === 400 && form.showsForm !== false && (response.headers()['content-type'] ?? '').includes('text/html') && !HIDDEN.has(field)) {
            expect(text, `${form.name} · ${field}`).toContain('characters that cannot be saved')
          }
        }
        await request.dispose()
      }
      rows.push(`| ${form.app} | ${form.name} | ${field} | ${statuses.join(' | ')} |`)
    }
  }
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-results')
  mkdirSync(out, { recursive: true })
  writeFileSync(
    join(out, 'fuzz-results.md'),
    [`| app | form | field | ${Object.keys(VALUES).join(' | ')} |`, `|---|---|---|${Object.keys(VALUES).map(() => '---').join('|')}|`, ...rows].join('\n') + '\n',
  )
})

test('addresses holding a NUL or control character answer 400, never 5xx', async ({ request }) => {
  for (const path of ['/p/%00', '/s/%00', '/b/%00', '/c/ab%00', '/search?q=%00', '/search?q=a%08b', '/media/%00', '/s/x/images/%00']) {
    const response = await request.get(`${APPS.market}${path}`, { maxRedirects: 0 })
    expect(response.status(), path).toBe(400)
  }
  for (const path of ['/products/%00', '/imports/%00', '/organizations/%00', '/price-lists/%00', '/customers?q=%00', '/customers?edit=%00']) {
    expect((await request.get(`${APPS.portal}${path}`, { maxRedirects: 0 })).status(), path).toBe(400)
  }
})

test('a double submit of a create form answers with one record and no 5xx', async ({ playwright }) => {
  const world = await ids()
  const em = (await db()).em.fork()
  const twice = async (app: AppName, who: string, path: string, form: Record<string, string>) => {
    const cookie = await sessionCookieFor(app, who)
    const request = await playwright.request.newContext({ extraHTTPHeaders: { Origin: APPS[app], Cookie: `${cookie.name}=${cookie.value}` } })
    const responses = await Promise.all([0, 1, 2].map(() => request.post(`${APPS[app]}${path}`, { form, maxRedirects: 0 })))
    const statuses = responses.map((r) => r.status())
    for (const s of statuses) expect(s, `${path}: ${statuses}`).toBeLessThan(500)
    expect(statuses.filter((s) => s === 302).length, `${path}: ${statuses}`).toBeGreaterThanOrEqual(1)
    await request.dispose()
  }
  const brandName = `Twice brand ${randomBytes(3).toString('hex')}`
  await twice('portal', 'admin@songhong.test', '/brands', { name: brandName })
  expect(await em.count(Brand, { name: brandName })).toBe(1)

  const mpn = `TW-${randomBytes(3).toString('hex')}`
  await twice('portal', 'admin@songhong.test', '/products/new', { mpn, nameEn: 'Twice', nameVi: 'Twice', categoryId: world.category, brandId: world.brand, unitOfMeasure: 'piece' })
  expect(await em.count(Product, { mpn })).toBe(1)

  const sku = `TW-${randomBytes(3).toString('hex')}`
  await twice('portal', 'admin@hanoisupply.test', '/offers/new', { productId: world.product, sku, price: '120000', currency: 'VND', minOrderQty: '1', orderMultiple: '1', leadTimeDays: '1', condition: 'new' })
  expect(await em.count(Offer, { sku })).toBe(1)

  // A seller saving its storefront settings for the first time, twice at once.
  const saigon = await em.findOneOrFail(Organization, { slug: 'saigon-parts' })
  await em.nativeDelete(Storefront, { organizationId: saigon.id })
  await twice('portal', 'admin@saigonparts.test', '/storefront', { primaryColor: '#123456', accentColor: '#654321', taglineEn: 'Twice', taglineVi: '', aboutEn: '', aboutVi: '', hostname: '' })
  expect(await em.count(Storefront, { organizationId: saigon.id })).toBe(1)

  // A checkout form sent three times at once: one checkout, one order, the stock taken once.
  const haiphong = await em.findOneOrFail(Organization, { slug: 'haiphong-shipyard' })
  const site = em.create(ShipTo, { organizationId: haiphong.id, name: `Dock ${randomBytes(2).toString('hex')}`, addressLine: '1 Dock Road', city: 'Hải Phòng', subdivisionCode: 'VN-HP', country: 'VN', latitude: 20.86, longitude: 106.68 })
  await em.persist(site).flush()
  const breaker = await em.findOneOrFail(Offer, { sku: 'HNIS-MCB2P63' })
  const stockBefore = await em.execute<{ n: string }[]>('select sum(quantity) as n from offer_stock where offer_id = ?', [breaker.id])
  unwrap(await addToCart(await actAs('admin@haiphongshipyard.test', 'haiphong-shipyard', 'market'), { offerId: breaker.id, quantity: 2 }))
  const token = randomUUID()
  await twice('market', 'admin@haiphongshipyard.test', '/checkout', { token, shipToId: site.id, poNumber: 'TWICE' })
  const checkout = await em.findOneOrFail(Checkout, { token })
  expect(await em.count(Order, { checkoutId: checkout.id })).toBe(1)
  const stockAfter = await em.execute<{ n: string }[]>('select sum(quantity) as n from offer_stock where offer_id = ?', [breaker.id])
  expect(Number(stockBefore[0]!.n) - Number(stockAfter[0]!.n)).toBe(2)
})
