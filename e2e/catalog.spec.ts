// Issue 4's story: a manufacturer publishes a product, two distributors offer it, and a buyer
// finds it by a partial SKU and compares both offers.
import { chooseProduct, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('manufacturer publishes → distributors offer → buyer finds it by partial SKU and compares two offers', async ({ browser }) => {
  // Four people and the indexer in one story: more than the default half minute on a busy machine.
  test.setTimeout(90_000)
  const tag = Date.now().toString(36).toUpperCase()
  const mpn = `SH-RCBO-${tag}`

  // 1. The manufacturer creates and publishes a product.
  const maker = await browser.newContext()
  await signIn(maker, 'portal', 'admin@songhong.test')
  const m = await maker.newPage()
  await m.goto(`${APPS.portal}/products`)
  await m.getByRole('link', { name: 'New product' }).click()
  await m.getByLabel('Category').selectOption({ label: 'Circuit breakers' })
  await m.getByRole('button', { name: 'Next' }).click()
  await m.getByLabel('Part number').fill(mpn)
  // (Other tests give Sông Hồng more brands: choose the one the distributors are authorized for.)
  await m.getByLabel('Brand').selectOption({ label: 'Sông Hồng' })
  await m.getByLabel('Name (English)').fill(`Residual current breaker ${tag}`)
  await m.getByLabel('Name (Vietnamese)').fill(`Cầu dao chống giật ${tag}`)
  await m.getByLabel('Rated current (A)').fill('forty')
  await m.getByRole('button', { name: 'Save product' }).click()
  await expect(m.getByText('This value does not fit the attribute (a number, or one of its options).')).toBeVisible()
  await m.getByLabel('Rated current (A)').fill('40')
  await m.getByLabel('Poles').selectOption('2P')
  await m.getByRole('button', { name: 'Save product' }).click()
  await expect(m.getByText('Product saved.', { exact: true })).toBeVisible()
  await expect(m.getByRole('heading', { name: 'Images' })).toBeVisible()
  await m.getByLabel(/Add an image/).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') })
  await m.getByRole('button', { name: 'Upload' }).click()
  await expect(m.getByText('This file is not a PNG, JPEG, WebP or GIF image.')).toBeVisible()
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
  await m.getByLabel(/Add an image/).setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png })
  await m.getByRole('button', { name: 'Upload' }).click()
  await expect(m.getByText('Image added.', { exact: true })).toBeVisible()
  await expect(m.locator('.thumbs img')).toHaveCount(1)
  await m.getByRole('button', { name: 'Publish' }).click()
  await expect(m.getByText('Published: buyers can find it.', { exact: true })).toBeVisible()

  // 2. Two authorized distributors offer it, each with stock in its territory.
  const offers = [
    { email: 'admin@hanoisupply.test', sku: `HN-${tag}-A`, price: '1,990,000', warehouse: /Kho Long Biên/ },
    { email: 'admin@saigonparts.test', sku: `SG-${tag}-B`, price: '1.890.000', warehouse: /Thu Duc Warehouse/ },
  ]
  for (const o of offers) {
    const context = await browser.newContext()
    await signIn(context, 'portal', o.email)
    const page = await context.newPage()
    await page.goto(`${APPS.portal}/offers/new`)
    await chooseProduct(page, mpn)
    await page.getByLabel('Your SKU').fill(o.sku)
    await page.getByLabel('Price', { exact: true }).fill('-1')
    await page.getByRole('button', { name: 'Save offer' }).click()
    await expect(page.getByText('A price cannot be negative.')).toBeVisible()
    await page.getByLabel('Price', { exact: true }).fill(o.price)
    await page.getByLabel(o.warehouse).fill('25')
    await page.getByRole('button', { name: 'Save offer' }).click()
    await expect(page.getByText('Offer saved.', { exact: true })).toBeVisible()
    await context.close()
  }

  // 3. A buyer searches by a fragment of one SKU (indexing runs in the worker, so retry).
  const buyer = await browser.newPage()
  await expect(async () => {
    await buyer.goto(`${APPS.market}/search?q=${encodeURIComponent(`${tag}-b`.toLowerCase())}`)
    await expect(buyer.getByRole('link', { name: `Residual current breaker ${tag}` })).toBeVisible({ timeout: 1000 })
    await expect(buyer.getByText('2 offers')).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await buyer.getByRole('link', { name: `Residual current breaker ${tag}` }).click()
  await expect(buyer.getByRole('heading', { name: 'Compare offers' })).toBeVisible()
  await buyer.getByLabel('My location').selectOption({ label: 'Hà Nội' })
  await expect(buyer).toHaveURL(/near=VN-HN/)
  await expect(buyer.locator('img.product-image')).toBeVisible()
  const rows = buyer.getByTestId('offer-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('Saigon Parts Co.')
  await expect(rows.nth(0)).toContainText('1,890,000')
  await expect(rows.nth(1)).toContainText('Hà Nội Industrial Supply')
  await expect(rows.nth(1)).toContainText('km')
  // What sets each apart, and on every price whether it includes VAT (neither seller's does).
  await expect(rows.nth(0).locator('.offer-badge')).toHaveText(['Lowest price'])
  await expect(rows.nth(1).locator('.offer-badge')).toHaveText(['Nearest stock'])
  await expect(rows.nth(0)).toContainText('excl. VAT')
  await maker.close()
})
