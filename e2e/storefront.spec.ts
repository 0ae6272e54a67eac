import { expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('a distributor brands its storefront, which serves only its offers, also at its own host name', async ({ browser, playwright }) => {
  const host = `shop-${Date.now().toString(36)}.danangtrading.vn`
  const context = await browser.newContext()
  await signIn(context, 'portal', 'admin@danangtrading.test')
  const portal = await context.newPage()
  await portal.goto(`${APPS.portal}/storefront`)
  await portal.getByLabel('Tagline (English)').fill('Pumps for central Vietnam')
  await portal.getByLabel('Own host name').fill('not a host')
  await portal.getByRole('button', { name: 'Save storefront' }).click()
  await expect(portal.getByText('Enter a host name such as shop.example.vn.')).toBeVisible()
  await portal.getByLabel('Own host name').fill(host)
  await portal.getByRole('button', { name: 'Save storefront' }).click()
  await expect(portal.getByText('Storefront saved.')).toBeVisible()

  const page = await browser.newPage()
  await page.goto(`${APPS.market}/s/da-nang-trading`)
  await expect(page.getByRole('heading', { level: 1, name: 'Đà Nẵng Trading' })).toBeVisible()
  await expect(page.getByText('Pumps for central Vietnam')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Centrifugal pump 2.2 kW' })).toBeVisible()
  // Only its own offers: Saigon Parts' circuit breakers are not here.
  await expect(page.getByRole('link', { name: /circuit breaker/i })).toHaveCount(0)

  // Its host name serves the storefront at the root.
  const request = await playwright.request.newContext({ extraHTTPHeaders: { Host: host } })
  const root = await request.get(`${APPS.market}/`)
  expect(root.status()).toBe(200)
  expect(await root.text()).toContain('Pumps for central Vietnam')
  await request.dispose()
  await context.close()
})

test('a brand page says where to buy, nearest distributor first', async ({ page }) => {
  await page.goto(`${APPS.market}/b/mekong?near=VN-DN`)
  await expect(page.getByRole('heading', { name: 'Where to buy Mekong' })).toBeVisible()
  const rows = page.locator('table').first().locator('tbody tr')
  await expect(rows.first()).toContainText('Đà Nẵng Trading')
  await page.getByLabel('My location').selectOption({ label: 'TP. Hồ Chí Minh' })
  await page.getByRole('button', { name: 'Apply' }).first().click()
  await expect(rows.first()).toContainText('Saigon Parts Co.')
})

test('a distributor uploads a logo and a banner; a file that is not an image is refused with a reason', async ({ browser }) => {
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
  const context = await browser.newContext()
  await signIn(context, 'portal', 'admin@saigonparts.test')
  const portal = await context.newPage()
  await portal.goto(`${APPS.portal}/storefront`)
  await portal.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.txt', mimeType: 'image/png', buffer: Buffer.from('not really a picture') })
  await portal.getByRole('button', { name: 'Upload' }).first().click()
  await expect(portal.getByText('This file is not a PNG, JPEG, WebP or GIF image.')).toBeVisible()
  await portal.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png })
  await portal.getByRole('button', { name: 'Upload' }).first().click()
  await expect(portal.getByText('Image saved.')).toBeVisible()
  await portal.getByLabel('Banner', { exact: true }).setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: png })
  await portal.getByRole('button', { name: 'Upload' }).last().click()
  await expect(portal.getByText('Image saved.')).toBeVisible()

  const page = await browser.newPage()
  await page.goto(`${APPS.market}/s/saigon-parts`)
  const logo = page.getByRole('img', { name: 'Saigon Parts Co. logo' })
  await expect(logo).toBeVisible()
  const logoAnswer = await page.request.get(`${APPS.market}${await logo.getAttribute('src')}`)
  expect(logoAnswer.headers()['content-type']).toBe('image/png')
  expect(Buffer.from(await logoAnswer.body()).equals(png)).toBe(true)
  await expect(page.locator('img.storefront-banner')).toHaveCount(1)

  // Removed: gone from the storefront.
  await portal.getByRole('button', { name: 'Remove' }).first().click()
  await expect(portal.getByText('Image removed.')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('img', { name: 'Saigon Parts Co. logo' })).toHaveCount(0)
  await context.close()
})
