// A seller's dashboard: a new distributor's first steps tick themselves as it works through
// them, and its storefront's views are counted; an established seller sees its figures as charts.
import { createOrganization } from '@tradepost/domain/testing'
import { db, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('a new distributor\'s first steps tick themselves, and its storefront views are counted', async ({ browser }) => {
  const em = (await db()).em.fork()
  const { org, admin } = await createOrganization(em, { kind: 'distributor', name: `Quy Nhơn Supply ${Date.now().toString(36)}` })
  const context = await browser.newContext()
  await signIn(context, 'portal', admin.user.email)
  await signIn(context, 'market', admin.user.email)
  const page = await context.newPage()
  await page.goto(APPS.portal)
  const steps = page.getByRole('region', { name: 'First steps' }).getByRole('listitem')
  await expect(steps).toHaveCount(4)
  await expect(steps.filter({ hasText: 'Done:' })).toHaveCount(0)
  await expect(page.getByText('No warehouse yet.')).toBeVisible()
  await expect(page.getByText('0 views in 14 days')).toBeVisible()

  await page.getByRole('link', { name: 'Add the warehouses you ship from' }).click()
  await expect(page.getByRole('heading', { name: 'Warehouses' })).toBeVisible()
  await page.getByLabel('Name').fill('Kho Quy Nhơn')
  await page.getByLabel('City').fill('Quy Nhơn')
  await page.getByLabel('Province').selectOption({ label: 'Đà Nẵng' })
  await page.getByLabel('Latitude').fill('north')
  await page.getByRole('button', { name: 'Save warehouse' }).click()
  await expect(page.getByText(/Enter degrees as a decimal number/)).toBeVisible()
  await page.getByLabel('Latitude').fill('13.7765')
  await page.getByLabel('Longitude').fill('109.2237')
  await page.getByRole('button', { name: 'Save warehouse' }).click()
  await expect(page.getByText('Warehouse saved.', { exact: true })).toBeVisible()
  await expect(page.getByRole('cell', { name: '13.7765, 109.2237' })).toBeVisible()

  // Two visitors open the storefront; the seller's own visit is not counted.
  for (const visitor of [await browser.newPage(), await browser.newPage(), page]) await visitor.goto(`${APPS.market}/s/${org.slug}`)
  await page.goto(APPS.portal)
  await expect(steps.filter({ hasText: 'Done:' })).toHaveCount(1)
  await expect(steps.filter({ hasText: 'Done:' })).toContainText('Add the warehouses you ship from')
  await expect(page.getByRole('figure', { name: 'Units in stock by warehouse' })).toBeVisible()
  await expect(page.getByText('2 views in 14 days')).toBeVisible()
  await context.close()
})

test('an established seller sees its offers, stock, imports and views at a glance, without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  await signIn(context, 'portal', 'admin@hanoisupply.test')
  const page = await context.newPage()
  await page.goto(APPS.portal)
  await expect(page.getByRole('link', { name: /Active offers/ })).toBeVisible()
  await expect(page.getByRole('link', { name: /Paused offers/ })).toHaveAttribute('href', '/offers?status=paused')
  // The charts are drawn on the server: SVG with a bar per warehouse and a column per day.
  const views = page.getByRole('figure', { name: /Storefront views, last 14 days/ })
  await expect(views.locator('svg rect')).toHaveCount(14)
  await expect(page.getByRole('figure', { name: 'Units in stock by warehouse' }).locator('svg rect')).toHaveCount(1)
  await expect(page.getByRole('heading', { name: 'Last imports' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Authorizations received' })).toBeVisible()
  await context.close()
})
