import { randomBytes } from 'node:crypto'
import { createOrganization } from '@tradepost/domain/testing'
import { startLocalDns } from './dns-server.ts'
import { accountMenu, db, expect, signIn, test } from './fixtures.ts'
import { APPS, DNS_PORT } from './urls.ts'

test('a distributor brands its storefront, which serves only its offers, also at its own host name', async ({ browser, playwright }) => {
  const host = `shop-${Date.now().toString(36)}.danangtrading.vn`
  const context = await browser.newContext()
  await signIn(context, 'portal', 'admin@danangtrading.test')
  const portal = await context.newPage()
  await portal.goto(`${APPS.portal}/storefront`)
  // The preview follows what is typed, before saving (once the page runs: the account menu appears then).
  await expect(accountMenu(portal, 'Hoàng Quốc Bảo')).toBeVisible()
  await portal.getByLabel('Tagline (English)').fill('Pumps for central Vietnam')
  await expect(portal.getByTestId('storefront-preview')).toContainText('Pumps for central Vietnam')
  await portal.getByLabel('Own host name').fill('not a host')
  await portal.getByLabel('Contact phone (shown on your storefront)').fill('call us')
  await portal.getByRole('button', { name: 'Save storefront' }).click()
  await expect(portal.getByText('Enter a host name such as shop.example.vn.')).toBeVisible()
  await expect(portal.getByText('Enter a phone number: digits, spaces, and + ( ) . - only.')).toBeVisible()
  await portal.getByLabel('Own host name').fill(host)
  await portal.getByLabel('Contact phone (shown on your storefront)').fill('+84 236 3888 123')
  await portal.getByLabel('Contact email (shown on your storefront)').fill('sales@danangtrading.vn')
  await portal.getByRole('button', { name: 'Save storefront' }).click()
  await expect(portal.getByText('Storefront saved.', { exact: true })).toBeVisible()

  const page = await browser.newPage()
  await page.goto(`${APPS.market}/s/da-nang-trading`)
  await expect(page.getByRole('heading', { level: 1, name: 'Đà Nẵng Trading' })).toBeVisible()
  await expect(page.getByText('Pumps for central Vietnam')).toBeVisible()
  const contact = page.getByRole('region', { name: 'Contact' })
  await expect(contact.getByRole('link', { name: 'sales@danangtrading.vn' })).toHaveAttribute('href', 'mailto:sales@danangtrading.vn')
  await expect(contact.getByRole('link', { name: '+84 236 3888 123' })).toHaveAttribute('href', 'tel:+842363888123')
  await expect(page.getByRole('link', { name: 'Centrifugal pump 2.2 kW' })).toBeVisible()
  // Only its own offers: Saigon Parts' circuit breakers are not here.
  await expect(page.getByRole('link', { name: /circuit breaker/i })).toHaveCount(0)
  // Its own price (Saigon Parts sells the pump for ₫6,900,000), and no seller facet listing competitors.
  const pump = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Centrifugal pump 2.2 kW' }) })
  await expect(pump).toContainText('7,150,000')
  await expect(pump).toContainText('1 offer')
  await expect(page.getByRole('group', { name: 'Seller' })).toHaveCount(0)
  await expect(page.getByText('Saigon Parts')).toHaveCount(0)

  // Claimed, not proved: the host name serves nothing yet.
  const request = await playwright.request.newContext({ extraHTTPHeaders: { Host: host } })
  expect((await request.get(`${APPS.market}/`)).status()).toBe(421)
  // The settings page says which DNS record proves it; the seller publishes it and asks for a check.
  await expect(portal.getByText(`${host} does not serve your storefront yet`)).toBeVisible()
  const name = await portal.getByTestId('host-record-name').textContent()
  const value = await portal.getByTestId('host-record-value').textContent()
  expect(name).toBe(`_tradepost-verify.${host}`)
  const dns = await startLocalDns(DNS_PORT)
  try {
    dns.setTxt(name!, value!)
    await portal.getByRole('button', { name: 'Check the record now' }).click()
    await expect(portal.getByText('Checking the DNS record: reload this page in a moment.', { exact: true })).toBeVisible()
    await expect(async () => {
      await portal.reload()
      await expect(portal.getByText(`${host} serves your storefront.`)).toBeVisible({ timeout: 1000 })
    }).toPass({ timeout: 20_000 })
  } finally {
    await dns.close()
  }
  // Its host name now serves the storefront at the root (the marketplace may remember "no" for a few seconds).
  await expect(async () => {
    const root = await request.get(`${APPS.market}/`)
    expect(root.status()).toBe(200)
    expect(await root.text()).toContain('Pumps for central Vietnam')
  }).toPass({ timeout: 15_000 })
  await request.dispose()
  await context.close()
})

test('the operator can approve a storefront host name, and the marketplace\'s own is refused', async ({ browser, playwright }) => {
  const em = (await db()).em.fork()
  const name = `Approved Host Supply ${randomBytes(3).toString('hex')}`
  const { org, admin } = await createOrganization(em, { kind: 'distributor', name })
  const host = `shop-${Date.now().toString(36)}.approved.vn`
  const context = await browser.newContext()
  await signIn(context, 'portal', admin.user.email)
  const portal = await context.newPage()
  await portal.goto(`${APPS.portal}/storefront`)
  await portal.getByLabel('Own host name').fill(new URL(APPS.market).hostname === '127.0.0.1' ? 'shop.localhost' : new URL(APPS.market).hostname)
  await portal.getByRole('button', { name: 'Save storefront' }).click()
  await expect(portal.getByText('This host name is reserved')).toBeVisible()
  await portal.getByLabel('Own host name').fill(host)
  await portal.getByRole('button', { name: 'Save storefront' }).click()
  await expect(portal.getByText('Storefront saved.', { exact: true })).toBeVisible()

  const operatorContext = await browser.newContext()
  await signIn(operatorContext, 'portal', 'operator@tradepost.test')
  const operator = await operatorContext.newPage()
  await operator.goto(`${APPS.portal}/organizations/${org.id}`)
  await expect(operator.getByText('waiting for its DNS record (or your approval)')).toBeVisible()
  await operator.getByRole('button', { name: 'Approve this host name' }).click()
  await expect(operator.getByText(`The host name of ${name} now serves its storefront.`, { exact: true })).toBeVisible()
  const request = await playwright.request.newContext({ extraHTTPHeaders: { Host: host } })
  await expect(async () => expect((await request.get(`${APPS.market}/`)).status()).toBe(200)).toPass({ timeout: 15_000 })
  await request.dispose()
  await context.close()
  await operatorContext.close()
})

test('a brand page says where to buy, nearest distributor first', async ({ page }) => {
  await page.goto(`${APPS.market}/b/mekong?near=VN-DN`)
  await expect(page.getByRole('heading', { name: 'Where to buy Mekong' })).toBeVisible()
  const rows = page.locator('table').first().locator('tbody tr')
  await expect(rows.first()).toContainText('Đà Nẵng Trading')
  // Territories by name, not by code.
  await expect(rows.first()).toContainText('Đà Nẵng')
  await expect(rows.first()).not.toContainText('VN-DN')
  // One location picker; picking a place applies it at once.
  await expect(page.getByLabel('My location')).toHaveCount(1)
  await page.getByLabel('My location').selectOption({ label: 'TP. Hồ Chí Minh' })
  await expect(page).toHaveURL(/near=VN-SG/)
  await expect(rows.first()).toContainText('Saigon Parts Co.')
})

test('without JavaScript the location applies with its button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(`${APPS.market}/p/mk-cp-2200`)
  await page.getByLabel('My location').selectOption({ label: 'Hà Nội' })
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/near=VN-HN/)
  await expect(page.getByRole('columnheader', { name: 'Stock within 100 km' })).toBeAttached()
  await context.close()
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
  await expect(portal.getByText('Image saved.', { exact: true })).toBeVisible()
  await portal.getByLabel('Banner', { exact: true }).setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: png })
  await portal.getByRole('button', { name: 'Upload' }).last().click()
  // The notice is already there from the logo: wait for the banner's own Remove button instead.
  await expect(portal.getByRole('button', { name: 'Remove' })).toHaveCount(2)

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
  await expect(portal.getByText('Image removed.', { exact: true })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('img', { name: 'Saigon Parts Co. logo' })).toHaveCount(0)
  await context.close()
})

test('a seller filter with a location measures the distance to that seller\'s stock', async ({ page }) => {
  await page.goto(`${APPS.market}/search?q=MK-CP-2200&near=VN-HN`)
  const pump = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Centrifugal pump 2.2 kW' }) })
  const nearest = Number((await pump.textContent())!.match(/([\d,]+) km away/)![1]!.replace(/,/g, ''))
  await page.goto(`${APPS.market}/search?q=MK-CP-2200&near=VN-HN&seller=saigon-parts`)
  const text = (await pump.textContent())!
  // Saigon Parts' warehouses are in Hồ Chí Minh City, more than 1,000 km from Hà Nội.
  expect(Number(text.match(/([\d,]+) km away/)![1]!.replace(/,/g, ''))).toBeGreaterThan(1000)
  expect(nearest).toBeLessThan(1000)
  expect(text).toContain('6,900,000')
})

test('a manufacturer gives its brand a logo, which the brand page shows', async ({ browser }) => {
  const name = `Logo Brand ${Date.now().toString(36)}`
  const context = await browser.newContext()
  await signIn(context, 'portal', 'admin@songhong.test')
  const portal = await context.newPage()
  await portal.goto(`${APPS.portal}/brands`)
  await portal.getByLabel('New brand name').fill(name)
  await portal.getByRole('button', { name: 'Add brand' }).click()
  await expect(portal.getByText('Brand added.', { exact: true })).toBeVisible()
  await portal.getByLabel(`Logo of ${name}`).setInputFiles({ name: 'logo.txt', mimeType: 'image/png', buffer: Buffer.from('not a picture') })
  await portal.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: 'Upload' }).click()
  await expect(portal.getByText('This file is not a PNG, JPEG, WebP or GIF image.')).toBeVisible()
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
  await portal.getByLabel(`Logo of ${name}`).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png })
  await portal.getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: 'Upload' }).click()
  await expect(portal.getByText('Logo saved.', { exact: true })).toBeVisible()
  await expect(portal.getByRole('img', { name: `Logo of ${name}` })).toBeVisible()

  const page = await browser.newPage()
  await page.goto(`${APPS.market}/b/${name.toLowerCase().replace(/ /g, '-')}`)
  const logo = page.getByRole('img', { name: `Logo of ${name}` })
  await expect(logo).toBeVisible()
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  await Promise.all([context.close(), page.close()])
})
