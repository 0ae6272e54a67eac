import { expect, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('both apps answer health and readiness checks', async ({ request }) => {
  for (const app of Object.values(APPS)) {
    expect((await request.get(`${app}/healthz`)).status()).toBe(200)
    expect((await request.get(`${app}/readyz`)).status()).toBe(200)
  }
})

test('the marketplace home page switches to Vietnamese and back, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(APPS.market)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Source from every distributor in one place')
  await expect(page.getByText('Hà Nội Industrial Supply')).toBeVisible()
  await page.getByRole('button', { name: 'VI' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tìm nguồn hàng từ mọi nhà phân phối tại một nơi')
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi')
  await page.getByRole('button', { name: 'EN' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Source from every distributor in one place')
  await context.close()
})
