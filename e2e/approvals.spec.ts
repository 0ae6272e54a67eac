// A buyer company's spending limits and approval rules: its admin sets them, checks which
// approvals an order would need and why, and its people see the rules that govern their orders.
import { accountMenu, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('a company admin sets limits and an approval chain, and sees the chain an order needs and why', async ({ browser }) => {
  test.setTimeout(90_000)
  const rule = `From Hà Nội Industrial Supply ${Date.now().toString(36)}`
  const adminContext = await browser.newContext()
  await signIn(adminContext, 'market', 'admin@benthanh.test')
  const admin = await adminContext.newPage()

  // 1. Limits: a malformed amount is refused at its field; a good one is saved.
  await admin.goto(`${APPS.market}/`)
  await expect(accountMenu(admin, 'Bùi Anh Khoa')).toBeVisible()
  await admin.getByRole('link', { name: 'Company', exact: true }).click()
  await admin.getByRole('link', { name: 'Spending limits', exact: true }).click()
  const viewer = admin.getByRole('form', { name: 'Spending limits of Lý Minh Châu' })
  await viewer.getByLabel('Per order (VND)').fill('12,5')
  await viewer.getByRole('button', { name: 'Save limits of Lý Minh Châu' }).click()
  await expect(admin.getByRole('form', { name: 'Spending limits of Lý Minh Châu' }).getByText('This currency does not have that many decimals.', { exact: true })).toBeVisible()
  await admin.getByRole('form', { name: 'Spending limits of Lý Minh Châu' }).getByLabel('Per order (VND)').fill('1.000.000')
  await admin.getByRole('form', { name: 'Spending limits of Lý Minh Châu' }).getByRole('button', { name: 'Save limits of Lý Minh Châu' }).click()
  await expect(admin.getByText('Spending limits saved.', { exact: true })).toBeVisible()
  await expect(admin.getByRole('form', { name: 'Spending limits of Lý Minh Châu' }).getByLabel('Per order (VND)')).toHaveValue('1000000')
  // The branch below the company is kept here too.
  await expect(admin.getByRole('heading', { name: 'Bến Thành Construction – Đà Nẵng (part of Bến Thành Construction)' })).toBeVisible()

  // 2. A rule: without an approver it is refused; then the approver, then any admin.
  await admin.getByRole('link', { name: 'Approvals', exact: true }).click()
  const form = admin.locator('form', { has: admin.getByRole('button', { name: 'Save rule' }) })
  await form.getByLabel('Rule', { exact: true }).fill(rule)
  // The seller is suggested from the server as one types; the name is what the form sends.
  await form.getByLabel('Seller').fill('Hà Nội')
  await expect(form.locator('datalist option[value="Hà Nội Industrial Supply"]')).toHaveCount(1)
  await form.getByLabel('Seller').fill('Hà Nội Industrial Supply')
  await form.getByLabel('Step 1').selectOption({ label: 'None' })
  await form.getByRole('button', { name: 'Save rule' }).click()
  await expect(form.getByText('Choose at least one approver.', { exact: true })).toBeVisible()
  await form.getByLabel('Step 1').selectOption({ label: 'Đỗ Thị Hương (Approver)' })
  await form.getByLabel('Step 2').selectOption({ label: 'Any company admin' })
  await form.getByRole('button', { name: 'Save rule' }).click()
  await expect(admin.getByText('Approval rule saved.', { exact: true })).toBeVisible()
  const row = admin.getByRole('row', { name: new RegExp(rule) })
  await expect(row).toContainText('From Hà Nội Industrial Supply')
  await expect(row).toContainText('Đỗ Thị Hương')

  // 3. Which approvals would an order need? A small order from that seller by the buyer: the new rule.
  const check = admin.locator('form', { has: admin.getByRole('button', { name: 'Check' }) })
  await check.getByLabel('Order total (VND)').fill('5.000.000')
  await check.getByLabel('Placed by').selectOption({ label: 'Ngô Đức Thịnh (Buyer)' })
  await check.getByLabel('Seller').fill('Hà Nội Industrial Supply')
  await check.getByRole('button', { name: 'Check' }).click()
  const result = admin.getByRole('status').filter({ hasText: 'Needs approval, in this order' })
  await expect(result).toContainText(rule)
  await expect(result.getByRole('listitem').first()).toHaveText('Đỗ Thị Hương')
  // Above the buyer's 50-million limit per order: the limit rule adds its step, and the limit shows exceeded.
  await admin.locator('form', { has: admin.getByRole('button', { name: 'Check' }) }).getByLabel('Order total (VND)').fill('60.000.000')
  await admin.getByRole('button', { name: 'Check' }).click()
  await expect(admin.getByRole('status')).toContainText('Over a spending limit')
  await expect(admin.getByRole('row', { name: /^Per order/ })).toContainText('Exceeded')

  // 4. Its people see the rules, and keep none.
  const buyerContext = await browser.newContext()
  await signIn(buyerContext, 'market', 'buyer@benthanh.test')
  const buyer = await buyerContext.newPage()
  await buyer.goto(`${APPS.market}/account/approvals`)
  await expect(buyer.getByRole('row', { name: new RegExp(rule) })).toBeVisible()
  await expect(buyer.getByRole('button', { name: 'Save rule' })).toHaveCount(0)
  await buyer.goto(`${APPS.market}/account/spending`)
  await expect(buyer.getByRole('row', { name: /Ngô Đức Thịnh/ })).toContainText('₫50,000,000')

  // 5. Deleting asks first.
  await admin.getByRole('row', { name: new RegExp(rule) }).getByRole('button', { name: 'Delete' }).click()
  await admin.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click()
  await expect(admin.getByText('Approval rule deleted.', { exact: true })).toBeVisible()
  await expect(admin.getByRole('row', { name: new RegExp(rule) })).toHaveCount(0)
  await adminContext.close()
  await buyerContext.close()
})
