// Buying, end to end: a buyer fills a cart from two sellers by quick order and checks out with a
// PO number; the order is over 20 million, so Bến Thành's named approver and then an admin
// approve it; each seller then sees its own order, confirms and ships it (Hà Nội in two parcels); the buyer sees both
// shipped, and one-click reorder puts the lines back in the cart at today's prices.
import { randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { EmailMessage } from '@tradepost/domain/email'
import { db, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

const as = async (browser: import('@playwright/test').Browser, app: 'market' | 'portal', email: string): Promise<Page> => {
  const context = await browser.newContext()
  await signIn(context, app, email)
  return context.newPage()
}

test('a buyer checks out from two sellers, approvers approve in turn, each seller confirms and ships its own order', async ({ browser }) => {
  test.setTimeout(120_000)
  const po = `E2E-${randomBytes(3).toString('hex').toUpperCase()}`
  const buyer = await as(browser, 'market', 'buyer@benthanh.test')

  // Quick order: a line nobody sells comes back with suggestions, and nothing is added.
  await buyer.goto(`${APPS.market}/cart`)
  const lines = buyer.getByLabel('SKUs or part numbers and quantities')
  await lines.fill('HNIS-MCB1P32 10\nSGP-PUMP-2200 3\nPUMP-22 1')
  await buyer.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expect(buyer.getByText('Nothing was added: some lines need a look.', { exact: true })).toBeVisible()
  await expect(buyer.getByRole('alert').filter({ hasText: 'Line 3' })).toContainText('SGP-PUMP-2200')
  await lines.fill('HNIS-MCB1P32 10\nSGP-PUMP-2200 3')
  await buyer.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expect(buyer.getByText('2 lines added to your cart.', { exact: true })).toBeVisible()
  await expect(buyer.getByRole('heading', { name: /Hà Nội Industrial Supply/ })).toBeVisible()
  await expect(buyer.getByRole('heading', { name: /Saigon Parts Co\./ })).toBeVisible()
  await expect(buyer.getByRole('link', { name: 'Cart (2)' })).toBeVisible()

  // Checkout: a PO number that is too long is refused next to its field, then placed.
  await buyer.getByRole('link', { name: 'Go to checkout' }).click()
  await expect(buyer.getByText('These orders will wait for approval before the sellers see them: Đỗ Thị Hương → Admin.', { exact: true })).toBeVisible()
  await buyer.getByLabel('PO number').evaluate((input: HTMLInputElement) => input.removeAttribute('maxlength'))
  await buyer.getByLabel('PO number').fill('P'.repeat(65))
  await buyer.getByRole('button', { name: 'Submit for approval' }).click()
  await expect(buyer.getByText('This is too long.', { exact: true })).toBeVisible()
  await buyer.getByLabel('PO number').fill(po)
  await buyer.getByLabel('Requested delivery date').fill(new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10))
  await buyer.getByLabel('Notes for the sellers').fill('Call the site office before delivery.')
  await buyer.getByRole('button', { name: 'Submit for approval' }).click()
  await expect(buyer.getByText('Your 2 orders were submitted and wait for approval.', { exact: true })).toBeVisible()
  const mine = buyer.getByTestId('order-row').filter({ hasText: po })
  await expect(mine).toHaveCount(2)
  await expect(mine.first()).toContainText('Waiting for approval')
  await expect(buyer.getByRole('link', { name: /^Cart/ })).toHaveText('Cart')

  // The named approver is told by email (the worker delivers the outbox's event).
  await expect.poll(async () => (await db()).em.fork().count(EmailMessage, { to: 'approver@benthanh.test', template: 'order-approval-needed', text: { $like: `%${po}%` } }), { timeout: 15_000 }).toBe(1)

  // Sellers do not see it yet.
  const hanoi = await as(browser, 'portal', 'admin@hanoisupply.test')
  await hanoi.goto(`${APPS.portal}/orders`)
  await expect(hanoi.getByTestId('order-row').filter({ hasText: po })).toHaveCount(0)

  // The named approver, then an admin.
  const approver = await as(browser, 'market', 'approver@benthanh.test')
  await approver.goto(`${APPS.market}/orders/approvals`)
  const item = approver.getByTestId('approval-item').filter({ hasText: po })
  await expect(item).toContainText('step 1 of 2')
  await item.getByRole('button', { name: 'Approve' }).click()
  await expect(approver.getByText('Approved: the checkout goes to its next approver.', { exact: true })).toBeVisible()
  await expect(approver.getByTestId('approval-item').filter({ hasText: po })).toHaveCount(0)
  const admin = await as(browser, 'market', 'admin@benthanh.test')
  await admin.goto(`${APPS.market}/orders/approvals`)
  await admin.getByTestId('approval-item').filter({ hasText: po }).getByRole('button', { name: 'Approve' }).click()
  await expect(admin.getByText('Approved: the orders went to their sellers.', { exact: true })).toBeVisible()

  // Each seller sees its own order only, confirms it and ships it.
  for (const [page, email, other] of [
    [hanoi, 'admin@hanoisupply.test', 'Centrifugal pump 2.2 kW'],
    [await as(browser, 'portal', 'admin@saigonparts.test'), 'admin@saigonparts.test', 'Miniature circuit breaker 1P 32A'],
  ] as const) {
    // The dashboard says there are orders to confirm, and leads to them.
    await page.goto(`${APPS.portal}/`)
    await expect(page.getByTestId('orders-to-confirm')).not.toContainText(/^0/)
    await page.goto(`${APPS.portal}/orders`)
    const row = page.getByTestId('order-row').filter({ hasText: po })
    await expect(row, email).toHaveCount(1)
    await row.getByRole('link').click()
    await expect(page.getByText('Call the site office before delivery.', { exact: true })).toBeVisible()
    await expect(page.locator('main')).not.toContainText(other)
    await page.getByRole('button', { name: 'Confirm the order' }).click()
    await expect(page.getByText('The order is now: Confirmed.', { exact: true })).toBeVisible()
    if (email === 'admin@saigonparts.test') {
      // Bến Thành is not Saigon Parts' customer: it pays in advance, and the order ships once paid.
      await page.getByLabel('Carrier').fill('Viettel Post')
      await page.getByRole('button', { name: 'Mark as shipped' }).click()
      await expect(page.getByText('This order is paid in advance: mark its invoice paid before you ship it.', { exact: true })).toBeVisible()
      const orderUrl = page.url().split('?')[0]!
      await page.getByRole('link', { name: /^INV-/ }).click()
      await expect(page.locator('.invoice-document')).toContainText('Prepaid')
      await page.getByRole('button', { name: 'Mark as paid' }).click()
      await expect(page.getByText('Marked as paid.', { exact: true })).toBeVisible()
      await page.goto(orderUrl)
    }
    if (email === 'admin@hanoisupply.test') {
      // Hà Nội Industrial Supply sends 4 of the 10 breakers first: the order is partly shipped.
      await page.getByLabel('Carrier').fill('Viettel Post')
      await page.getByLabel('Tracking number (optional)').fill(`VTP-${po}-1`)
      await page.getByLabel('HNIS-MCB1P32 (10 left)').fill('4')
      await page.getByRole('button', { name: 'Mark as shipped' }).click()
      await expect(page.getByText('The order is now: Partly shipped.', { exact: true })).toBeVisible()
      await expect(page.getByTestId('shipments')).toContainText('4 × HNIS-MCB1P32')
      await expect(page.getByLabel('HNIS-MCB1P32 (6 left)')).toHaveValue('6')
    }
    await page.getByLabel('Carrier').fill('Viettel Post')
    await page.getByLabel('Tracking number (optional)').fill(`VTP-${po}`)
    await page.getByRole('button', { name: 'Mark as shipped' }).click()
    await expect(page.getByText('The order is now: Shipped.', { exact: true })).toBeVisible()
  }

  // The ledger: Hà Nội Industrial Supply's share of its order (its total less the 5 % commission).
  await hanoi.goto(`${APPS.portal}/balance`)
  await expect(hanoi.getByTestId('ledger-entry').first()).toContainText('Your share of orders')
  await expect(hanoi.getByTestId('ledger-entry').first()).toContainText('₫912,000')

  // The buyer was told of each step by email: placed (after approval), confirmed and shipped, for both orders (Hà Nội's first parcel too).
  await expect.poll(async () => (await db()).em.fork().count(EmailMessage, { to: 'buyer@benthanh.test', template: 'order-status', text: { $like: `%VTP-${po}%` } }), { timeout: 15_000 }).toBe(3)
  await expect.poll(async () => (await db()).em.fork().count(EmailMessage, { to: 'buyer@benthanh.test', template: 'order-status', text: { $like: `%partly shipped%VTP-${po}-1%` } }), { timeout: 15_000 }).toBe(1)

  // The buyer sees both shipped, with tracking; reorder puts the lines back at today's prices.
  await buyer.goto(`${APPS.market}/orders`)
  await expect(mine.filter({ hasText: 'Shipped' })).toHaveCount(2)
  await mine.first().getByRole('link').click()
  await expect(buyer.getByText(`Tracking number VTP-${po}`, { exact: true })).toBeVisible()
  await expect(buyer.getByRole('button', { name: 'Cancel this order' })).toHaveCount(0)
  await buyer.getByRole('button', { name: 'Order these again' }).click()
  await expect(buyer.getByText('1 line added to your cart.', { exact: true })).toBeVisible()
  await expect(buyer.getByTestId('cart-line')).toHaveCount(1)
  // Both invoices: Hà Nội Industrial Supply's on account (Net 30, open), Saigon Parts' prepaid and paid.
  await buyer.goto(`${APPS.market}/orders`)
  const numbers = await buyer.getByTestId('order-row').filter({ hasText: po }).getByRole('link').allTextContents()
  expect(numbers).toHaveLength(2)
  await buyer.goto(`${APPS.market}/invoices`)
  const invoiceOf = (seller: string) => buyer.getByTestId('invoice-row').filter({ hasText: seller }).filter({ has: buyer.getByRole('link', { name: new RegExp(`^(${numbers.join('|')})$`) }) })
  await expect(invoiceOf('Hà Nội Industrial Supply')).toContainText('Net 30')
  await expect(invoiceOf('Hà Nội Industrial Supply')).toContainText('Open')
  await expect(invoiceOf('Saigon Parts Co.')).toContainText('Prepaid')
  await expect(invoiceOf('Saigon Parts Co.')).toContainText('Paid')
  // Each invoice is also a PDF, drawn on the server.
  await invoiceOf('Hà Nội Industrial Supply').getByRole('link', { name: /^INV-/ }).click()
  const href = await buyer.getByRole('link', { name: 'Download the PDF' }).getAttribute('href')
  const pdf = await buyer.request.get(`${APPS.market}${href}`)
  expect([pdf.status(), pdf.headers()['content-type']]).toEqual([200, 'application/pdf'])
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')
  for (const p of [buyer, hanoi, approver, admin]) await p.context().close()
})
