// Every page of both apps on a phone (390 × 844), in both languages: nothing may be wider than
// the screen. Pages are listed with who looks at them; a page route without a row fails the test.
import { Product } from '@tradepost/domain/catalog'
import { ImportJob } from '@tradepost/domain/imports'
import { Offer } from '@tradepost/domain/offers'
import { Organization } from '@tradepost/domain/organizations'
import { User } from '@tradepost/domain/users'
import { db, expect, signIn, test } from './fixtures.ts'
import { pageRoutes, routeReached } from './routes.ts'
import { APPS, type AppName } from './urls.ts'

const PHONE = { width: 390, height: 844 }
interface Ids { org: string; product: string; importJob: string; offer: string }
interface PageRow { app: AppName; as: string | null; path: (ids: Ids) => string }

const HANOI = 'admin@hanoisupply.test'
const SONGHONG = 'admin@songhong.test'
const OPERATOR = 'operator@tradepost.test'
const BUYER = 'admin@benthanh.test'

const PAGES: PageRow[] = [
  ...(['market', 'portal'] as const).flatMap((app) => [
    { app, as: null, path: () => '/login' },
    { app, as: null, path: () => '/signup' },
    { app, as: null, path: () => '/forgot-password' },
    { app, as: null, path: () => '/reset-password/not-a-token' },
    { app, as: null, path: () => '/invitations/not-a-token' },
  ]),
  { app: 'market', as: null, path: () => '/' },
  { app: 'market', as: BUYER, path: () => '/' },
  { app: 'market', as: null, path: () => '/search?q=pump&near=VN-HN' },
  { app: 'market', as: null, path: () => '/c/circuit-breakers' },
  { app: 'market', as: null, path: () => '/p/mk-cp-2200?near=VN-HN' },
  { app: 'market', as: null, path: () => '/p/sh-mcb-2p-63' },
  { app: 'market', as: null, path: () => '/b/mekong?near=VN-DN' },
  { app: 'market', as: null, path: () => '/s/saigon-parts' },
  { app: 'market', as: BUYER, path: () => '/account/members' },
  { app: 'portal', as: HANOI, path: () => '/' },
  { app: 'portal', as: HANOI, path: () => '/offers' },
  { app: 'portal', as: HANOI, path: () => '/offers/new' },
  { app: 'portal', as: HANOI, path: (ids) => `/offers/${ids.offer}` },
  { app: 'portal', as: HANOI, path: () => '/imports' },
  { app: 'portal', as: HANOI, path: (ids) => `/imports/${ids.importJob}` },
  { app: 'portal', as: HANOI, path: () => '/authorizations' },
  { app: 'portal', as: HANOI, path: () => '/storefront' },
  { app: 'portal', as: HANOI, path: () => '/members' },
  { app: 'portal', as: HANOI, path: () => '/audit' },
  { app: 'portal', as: SONGHONG, path: () => '/products' },
  { app: 'portal', as: SONGHONG, path: (ids) => `/products/${ids.product}` },
  { app: 'portal', as: SONGHONG, path: () => '/products/new' },
  { app: 'portal', as: SONGHONG, path: () => '/brands' },
  { app: 'portal', as: SONGHONG, path: () => '/authorizations' },
  { app: 'portal', as: OPERATOR, path: () => '/' },
  { app: 'portal', as: OPERATOR, path: () => '/organizations' },
  { app: 'portal', as: OPERATOR, path: (ids) => `/organizations/${ids.org}` },
  { app: 'portal', as: OPERATOR, path: () => '/audit' },
  { app: 'portal', as: OPERATOR, path: () => '/dev/mailbox' },
]

let ids: Ids

test.beforeAll(async () => {
  const em = (await db()).em.fork()
  const hanoi = await em.findOneOrFail(Organization, { slug: 'hanoi-industrial-supply' })
  const songhong = await em.findOneOrFail(Organization, { slug: 'song-hong-electric' })
  const product = await em.findOneOrFail(Product, { organizationId: songhong.id }, { orderBy: { createdAt: 'asc' } })
  const offer = await em.findOneOrFail(Offer, { organizationId: hanoi.id }, { orderBy: { sku: 'asc' } })
  // An import with refused rows, so its page shows the table of errors.
  const importer = await em.findOneOrFail(User, { email: HANOI })
  const job = em.create(ImportJob, { organizationId: hanoi.id, createdByUserId: importer.id, kind: 'offers', filename: 'phone-check-with-a-rather-long-file-name-from-an-erp-export.csv', status: 'done', errors: [{ line: 2, field: 'price', code: 'PRICE_INVALID' }] })
  await em.persist(job).flush()
  ids = { org: hanoi.id, product: product.id, importJob: job.id, offer: offer.id }
})

test('every page route of both apps has a row here', async () => {
  const covered = new Set<string>()
  for (const row of PAGES) covered.add(`${row.app}:${await routeReached(row.app, row.path(ids))}`)
  const missing = (['market', 'portal'] as const).flatMap((app) => pageRoutes(app).filter((route) => !covered.has(`${app}:${route}`)).map((route) => `${app}:${route}`))
  expect(missing).toEqual([])
})

for (const lng of ['en', 'vi'] as const) {
  test(`no page is wider than a phone (${lng})`, async ({ browser }) => {
    test.setTimeout(120_000)
    const wide: string[] = []
    for (const as of [...new Set(PAGES.map((p) => p.as))]) {
      const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })
      await context.addCookies([APPS.market, APPS.portal].map((url) => ({ name: 'tp_lang', value: encodeURIComponent(btoa(JSON.stringify(lng))), url })))
      if (as) for (const app of ['market', 'portal'] as const) await signIn(context, app, as)
      const page = await context.newPage()
      for (const row of PAGES.filter((p) => p.as === as)) {
        const url = `${APPS[row.app]}${row.path(ids)}`
        await page.goto(url)
        // Against the phone's width: a mobile browser widens its layout viewport to fit a wide page.
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth)
        if (scroll > PHONE.width) wide.push(`${row.app} ${row.path(ids)} as ${as ?? 'visitor'}: ${scroll} px wide`)
      }
      await context.close()
    }
    expect(wide).toEqual([])
  })
}

test('on a phone the navigation is a menu and the search filters fold away, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(`${APPS.market}/`)
  await expect(page.getByRole('link', { name: 'Search', exact: true })).toBeHidden()
  await page.getByText('Menu', { exact: true }).click()
  await page.getByRole('link', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(/\/search$/)
  // The results come first; the filters open on demand.
  await expect(page.locator('.hits a').first()).toBeInViewport()
  await expect(page.getByLabel('In stock only')).toBeHidden()
  await page.getByText('Filters and sorting').click()
  await page.getByLabel('In stock only').check()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/stock=1/)
  await context.close()
})

test('the dev mailbox is in the operator\'s navigation, not in a seller\'s', async ({ browser }) => {
  for (const [as, count] of [[HANOI, 0], [OPERATOR, 1]] as const) {
    const context = await browser.newContext()
    await signIn(context, 'portal', as)
    const page = await context.newPage()
    await page.goto(`${APPS.portal}/`)
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Dev mailbox' })).toHaveCount(count)
    await context.close()
  }
})
