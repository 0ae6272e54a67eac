// Support acting as a buyer user: a reason first, a banner on every page while it lasts, every
// action in the audit log with the impersonator, and back to the portal at the end.
import { accountMenu, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('support acts as a company admin: the banner shows on every page, and the audit log names the impersonator', async ({ browser }) => {
  test.setTimeout(90_000)
  const site = `Kho hỗ trợ ${Date.now().toString(36)}`
  const context = await browser.newContext()
  await signIn(context, 'portal', 'operator@tradepost.test')
  const page = await context.newPage()
  await page.goto(`${APPS.portal}/organizations`)
  await expect(accountMenu(page, 'Olivia Operator')).toBeVisible()
  await page.getByRole('link', { name: 'Bến Thành Construction', exact: true }).click()
  await page.getByRole('link', { name: 'Act as a user' }).click()
  await expect(page.getByRole('heading', { name: 'Act as a user of Bến Thành Construction' })).toBeVisible()

  // A reason is required, and a real one.
  await page.getByLabel(/Bùi Anh Khoa/).check()
  await page.getByLabel('Reason').fill('help')
  await page.getByRole('button', { name: 'Start acting as this person' }).click()
  await expect(page.getByText('Say why in at least 10 characters.', { exact: true })).toBeVisible()
  await page.getByLabel('Reason').fill('Adding a site address for the customer, ticket 4821')
  await page.getByRole('button', { name: 'Start acting as this person' }).click()

  // In the marketplace as Bùi Anh Khoa, with the banner on every page.
  await expect(page).toHaveURL(`${APPS.market}/`)
  const banner = page.getByRole('status').filter({ hasText: 'Olivia Operator (Tradepost Operations) is acting as Bùi Anh Khoa.' })
  await expect(banner).toBeVisible()
  await page.goto(`${APPS.market}/account/ship-to`)
  await expect(banner).toBeVisible()
  const form = page.locator('#ship-to-form')
  await form.getByLabel('Name').fill(site)
  await form.getByLabel('City').fill('Hà Nội')
  await form.getByLabel('Province').selectOption({ label: 'Hà Nội' })
  await form.getByRole('button', { name: 'Save address' }).click()
  await expect(page.getByText('Ship-to address saved.', { exact: true })).toBeVisible()
  await expect(banner).toBeVisible()
  // Acting as someone changes no organization: the switcher's choice is refused.
  await page.goto(`${APPS.market}/account/members`)
  await expect(banner).toBeVisible()

  // Stopping returns to the portal; the marketplace session is gone.
  await banner.getByRole('button', { name: 'Stop acting as this user' }).click()
  await expect(page).toHaveURL(`${APPS.portal}/`)
  await page.goto(`${APPS.market}/account/ship-to`)
  await expect(page).toHaveURL(/\/login/)

  // The audit log: the start (with its reason), the change done as Bùi Anh Khoa by Olivia Operator, the end.
  await page.goto(`${APPS.portal}/audit?action=ship_to.created`)
  const row = page.getByRole('row', { name: new RegExp(site) })
  await expect(row).toContainText('Bùi Anh Khoa')
  await expect(row).toContainText('done by Olivia Operator, acting as this user')
  await page.goto(`${APPS.portal}/audit?action=impersonation.started`)
  await expect(page.getByRole('row').filter({ hasText: 'ticket 4821' }).first()).toBeVisible()
  await context.close()
})
