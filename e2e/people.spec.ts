// A parent company's admin keeps the people of the company below it: Bến Thành's admin invites
// someone into its Đà Nẵng branch and changes the role of the branch's buyer (and back).
import { expect, signIn, test, uniqueEmail } from './fixtures.ts'
import { APPS } from './urls.ts'

test('a parent company\'s admin invites into its branch and changes a role there', async ({ browser }) => {
  const context = await browser.newContext()
  await signIn(context, 'market', 'admin@benthanh.test')
  const page = await context.newPage()
  await page.goto(`${APPS.market}/account/members`)
  await page.getByRole('navigation', { name: 'Companies' }).getByRole('link', { name: 'Bến Thành Construction – Đà Nẵng' }).click()
  await expect(page.getByRole('heading', { name: 'Members of Bến Thành Construction – Đà Nẵng' })).toBeVisible()
  const row = page.getByRole('row', { name: /buyer\.danang@benthanh\.test/ })
  await expect(row).toBeVisible()

  const email = uniqueEmail('site.lead')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Approver' })
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible()
  await expect(page).toHaveURL(/company=/)
  await expect(page.getByRole('cell', { name: new RegExp(email.replace(/[.+]/g, '\\$&')) })).toBeVisible()

  await row.getByLabel('Role of Phan Văn Hải', { exact: true }).selectOption({ label: 'Viewer' })
  await row.getByRole('button', { name: 'Change role for Phan Văn Hải' }).click()
  await expect(page.getByText('Role changed.', { exact: true })).toBeVisible()
  await expect(page.getByRole('row', { name: /buyer\.danang@benthanh\.test/ }).getByLabel('Role of Phan Văn Hải', { exact: true })).toHaveValue('viewer')
  await page.getByRole('row', { name: /buyer\.danang@benthanh\.test/ }).getByLabel('Role of Phan Văn Hải', { exact: true }).selectOption({ label: 'Buyer' })
  await page.getByRole('row', { name: /buyer\.danang@benthanh\.test/ }).getByRole('button', { name: 'Change role for Phan Văn Hải' }).click()
  await expect(page.getByRole('row', { name: /buyer\.danang@benthanh\.test/ }).getByLabel('Role of Phan Văn Hải', { exact: true })).toHaveValue('buyer')
  await context.close()
})
