import { expect, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('within a category, its attributes are facets a buyer can filter by, and the address keeps them', async ({ page }) => {
  await page.goto(`${APPS.market}/c/circuit-breakers`)
  const poles = page.getByRole('group', { name: 'Poles' })
  await expect(poles.getByRole('checkbox', { name: /^1P/ })).toBeVisible()
  await expect(page.getByRole('group', { name: 'Rated current' }).getByRole('checkbox', { name: /^32 A/ })).toBeVisible()
  await poles.getByRole('checkbox', { name: /^2P/ }).check()
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page).toHaveURL(/a\.poles=2P/)
  await expect(page.getByRole('link', { name: 'Miniature circuit breaker 2P 63A' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Miniature circuit breaker 1P 32A' })).toHaveCount(0)
  await expect(page.getByRole('group', { name: 'Poles' }).getByRole('checkbox', { name: /^2P/ })).toBeChecked()
  // The other poles stay on offer with their counts, to widen the choice.
  await expect(page.getByRole('group', { name: 'Poles' }).getByRole('checkbox', { name: /^1P/ })).not.toBeChecked()

  // The same filter from a typed address, on the search page.
  await page.goto(`${APPS.market}/search?category=circuit-breakers&a.rated_current=32`)
  await expect(page.getByRole('link', { name: 'Miniature circuit breaker 1P 32A' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Miniature circuit breaker 2P 63A' })).toHaveCount(0)
})

test('the home page starts from categories, products in stock and brands, and puts the sellers nearest to the buyer first', async ({ page }) => {
  await page.goto(APPS.market)
  await expect(page.getByRole('region', { name: 'Browse by category' }).getByRole('link', { name: 'Circuit breakers' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Brands' }).getByRole('link', { name: 'Sông Hồng' })).toBeVisible()
  // (Each product's lowest price in its offers' currency: the Singapore sellers' are in SGD.)
  await expect(page.getByRole('region', { name: 'In stock now' }).getByRole('listitem').first()).toContainText(/from (₫[\d,]+|SGD\s[\d,]+\.\d{2}) excl\. VAT/)
  await page.getByLabel('My location').selectOption({ label: 'Đà Nẵng' })
  await expect(page).toHaveURL(/near=VN-DN/)
  const sellers = page.getByRole('region', { name: 'Sellers nearest to Đà Nẵng' }).getByRole('listitem')
  await expect(sellers.first()).toContainText('Đà Nẵng Trading')
  await expect(sellers.first()).toContainText(/Warehouse \d+ km away/)
  await page.getByRole('region', { name: 'Browse by category' }).getByRole('link', { name: 'Circuit breakers' }).click()
  await expect(page).toHaveURL(/\/c\/circuit-breakers\?near=VN-DN/)
})

test('product pictures come resized: the page picks a WebP width through srcset, and results show a thumbnail', async ({ page, request }) => {
  await page.goto(`${APPS.market}/p/mk-cp-2200`)
  const picture = page.getByRole('img', { name: 'Centrifugal pump 2.2 kW' })
  await expect(picture).toBeVisible()
  const srcset = (await picture.getAttribute('srcset')) ?? ''
  expect(srcset.split(', ').map((s) => s.split(' ')[1])).toEqual(['160w', '480w', '960w'])
  // The browser fetched one of them, not the original.
  expect(await picture.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/media\/[0-9a-f-]{36}\?w=(160|480|960)$/)
  const small = await request.get(`${APPS.market}${srcset.split(' ')[0]}`)
  expect(small.headers()['content-type']).toBe('image/webp')
  expect((await small.body()).byteLength).toBeLessThan(20_000)

  await page.goto(`${APPS.market}/search?q=MK-CP-2200`)
  await expect(page.locator('.hit img.hit-thumb')).toHaveCount(1)
  await expect.poll(() => page.locator('.hit img.hit-thumb').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
})
