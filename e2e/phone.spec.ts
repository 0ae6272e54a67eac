// Every page of both apps on a phone (390 × 844), in both languages: nothing may be wider than
// the screen. Pages are listed with who looks at them; a page route without a row fails the test.
import { DEMO_CATALOG_NAMES } from '@tradepost/seeds/demo'
import { expect, signIn, test } from './fixtures.ts'
import { HANOI, loadIds, OPERATOR, PAGES, type Ids } from './pages.ts'
import { pageRoutes, routeReached } from './routes.ts'
import { APPS } from './urls.ts'

const PHONE = { width: 390, height: 844 }

let ids: Ids

test.beforeAll(async () => {
  ids = await loadIds()
})

test('every page route of both apps has a row here', async () => {
  const covered = new Set<string>()
  for (const row of PAGES) covered.add(`${row.app}:${await routeReached(row.app, row.path(ids))}`)
  const missing = (['market', 'portal'] as const).flatMap((app) => pageRoutes(app).filter((route) => !covered.has(`${app}:${route}`)).map((route) => `${app}:${route}`))
  expect(missing).toEqual([])
})

for (const lng of ['en', 'vi'] as const) {
  test(`no page is wider than a phone${lng === 'vi' ? ', and none shows the catalog in English' : ''} (${lng})`, async ({ browser }) => {
    test.setTimeout(120_000)
    const wide: string[] = []
    // In Vietnamese, no page may show a category's or a product's English name (where it has its own).
    const english = lng === 'vi' ? DEMO_CATALOG_NAMES.filter((n) => n.en !== n.vi).map((n) => n.en) : []
    const untranslated: string[] = []
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
        if (english.length) {
          // Whole pieces of text (a link, a cell, a facet's label), so a seller named "Mekong Pumps" is no hit for "Pumps".
          const texts = new Set(await page.evaluate(() => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
            const found: string[] = []
            for (let n = walker.nextNode(); n; n = walker.nextNode()) found.push((n.textContent ?? '').trim())
            return found
          }))
          for (const name of english) if (texts.has(name)) untranslated.push(`${row.app} ${row.path(ids)} as ${as ?? 'visitor'}: “${name}”`)
        }
      }
      await context.close()
    }
    expect(wide).toEqual([])
    expect(untranslated).toEqual([])
  })
}

test('on a phone the navigation is a menu and the search filters fold away, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(`${APPS.market}/`)
  await expect(page.getByRole('link', { name: 'Search', exact: true })).toBeHidden()
  await page.locator('summary', { hasText: 'Menu' }).click()
  // The menu marks the page one is on, and only it ('Home' is only the home page).
  await expect(page.locator('.phonenav a[aria-current="page"]')).toHaveText(['Home'])
  await page.getByRole('link', { name: 'Search', exact: true }).click()
  await expect(page).toHaveURL(/\/search$/)
  await expect(page.locator('.phonenav a[aria-current="page"]')).toHaveText(['Search'])
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
