// The card flow, end to end against the local Stripe: three Singapore sellers connect to Stripe
// (Express onboarding, then account.updated by webhook); a Singapore buyer orders from two of
// them by quick order and pays the checkout by card, once; the worker transfers each seller's
// share and the territory distributor's share from that one charge; each sees its transfer.
import type { Browser, Page } from '@playwright/test'
import { Payment, PaymentTransfer } from '@tradepost/domain/payments'
import { Order } from '@tradepost/domain/orders'
import { Organization } from '@tradepost/domain/organizations'
import { db, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

const as = async (browser: Browser, app: 'market' | 'portal', email: string): Promise<Page> => {
  const context = await browser.newContext()
  await signIn(context, app, email)
  return context.newPage()
}

async function connectToStripe(browser: Browser, email: string) {
  const page = await as(browser, 'portal', email)
  await page.goto(`${APPS.portal}/payments`)
  // (The cross-tenant probes connect Merlion Pumps themselves, when they run first.)
  if ((await page.getByTestId('payments-status').textContent()) === 'Connected: buyers can pay you by card.' && email === 'admin@merlionpumps.test') return page.context().close()
  await expect(page.getByTestId('payments-status')).toHaveText('Not connected: buyers pay you on account.')
  await page.getByRole('button', { name: 'Set up card payments with Stripe' }).click()
  // Stripe's onboarding (the local Stripe's page), then back to the portal.
  await expect(page.getByRole('heading', { name: /^Set up payouts for / })).toBeVisible()
  await page.getByRole('button', { name: 'Agree and submit' }).click()
  await expect(page.getByTestId('payments-status')).toHaveText('Connected: buyers can pay you by card.')
  await page.context().close()
}

test('a buyer pays two Singapore sellers by card in one payment; each seller and the territory distributor gets its transfer', async ({ browser }) => {
  test.setTimeout(120_000)
  for (const email of ['admin@merlionpumps.test', 'admin@lioncity.test', 'admin@orchardtrade.test']) await connectToStripe(browser, email)

  // A Vietnamese distributor is told plainly that Stripe does not open accounts there.
  const hanoi = await as(browser, 'portal', 'admin@hanoisupply.test')
  await hanoi.goto(`${APPS.portal}/payments`)
  await expect(hanoi.getByText('Stripe Connect does not open accounts for organizations in VN on this marketplace, so your customers pay you on account.')).toBeVisible()
  await hanoi.context().close()

  const buyer = await as(browser, 'market', 'buyer@marinabay.test')
  await buyer.goto(`${APPS.market}/cart`)
  await buyer.getByLabel('SKUs or part numbers and quantities').fill('MLP-BP1500 2\nLCS-DP400 3')
  await buyer.getByRole('button', { name: 'Add to cart', exact: true }).click()
  await expect(buyer.getByText('2 lines added to your cart.', { exact: true })).toBeVisible()
  await buyer.getByRole('link', { name: 'Go to checkout' }).click()
  await expect(buyer.getByTestId('takes-cards')).toHaveCount(2)
  await expect(buyer.getByLabel(/^By card now for the sellers that take cards/)).toBeChecked()
  await buyer.getByLabel('PO number').fill('MBB-CARD-1')
  await buyer.getByRole('button', { name: 'Place the orders' }).click()

  // One payment for the checkout: 2 × S$1,289.00 + 3 × S$429.00 = S$3,865.00.
  await expect(buyer.getByRole('heading', { name: 'Pay by card' })).toBeVisible()
  const payment = buyer.getByTestId('payment')
  await expect(payment.getByRole('heading')).toContainText('3,865.00')
  // A declined card is said, and nothing is paid.
  await buyer.getByLabel('Card 4000 0000 0000 0002 (declined)').check()
  await buyer.getByRole('button', { name: /^Pay / }).click()
  await expect(buyer.getByText('The card was declined. Try another card.', { exact: true })).toBeVisible()
  await buyer.getByLabel('Visa 4242 4242 4242 4242 (succeeds)').check()
  await buyer.getByRole('button', { name: /^Pay / }).click()
  await expect(buyer.getByText('Payment received. Each seller sees its order paid.', { exact: true })).toBeVisible()
  await expect(payment).toContainText('Paid.')

  // The worker sends three transfers from the one charge: Merlion's share, Lion City's share, and
  // Orchard Trade's territory share of Merlion's sale (the ship-to is in its territory).
  const em = (await db()).em.fork()
  const paid = await em.findOneOrFail(Payment, { status: 'succeeded', amount: 386_500, currency: 'SGD' }, { orderBy: { createdAt: 'desc' } })
  const orgs = new Map((await em.find(Organization, { slug: { $in: ['merlion-pumps', 'lion-city-supply', 'orchard-trade'] } })).map((o) => [o.slug, o.id]))
  await expect
    .poll(async () => (await (await db()).em.fork().find(PaymentTransfer, { paymentId: paid.id, status: 'sent' })).map((t) => [t.account, t.destinationOrgId, t.amount]).sort(), { timeout: 20_000 })
    .toEqual(
      [
        // Merlion: 2,578.00 less 4 % commission (103.12) and 10 % territory share (257.80).
        ['seller_share', orgs.get('merlion-pumps'), 221_708],
        // Lion City: 1,287.00 less 4 % commission (51.48).
        ['seller_share', orgs.get('lion-city-supply'), 123_552],
        ['territory_share', orgs.get('orchard-trade'), 25_780],
      ].sort(),
    )

  // The territory distributor sees its transfer on its balance page.
  const orchard = await as(browser, 'portal', 'admin@orchardtrade.test')
  await orchard.goto(`${APPS.portal}/balance`)
  await expect(orchard.getByTestId('transfer')).toHaveCount(1)
  await expect(orchard.getByTestId('transfer')).toContainText('Territory shares')
  await expect(orchard.getByTestId('transfer')).toContainText('257.80')
  await expect(orchard.getByTestId('transfer')).toContainText('Sent')
  // Stripe pays its balance out to its bank: the payout is listed, on its way, then paid.
  await expect(async () => {
    await orchard.reload()
    await expect(orchard.getByTestId('payout')).toContainText('257.80', { timeout: 1_000 })
  }).toPass({ timeout: 30_000 })

  // The processor's fee on the charge (3.4 % + S$0.50 of S$3,865.00: S$131.91) is posted to the
  // ledger as the operator's, and shown on the operator's balance page.
  const orderIds = (await (await db()).em.fork().find(Order, { checkoutId: paid.checkoutId })).map((o) => o.id)
  await expect
    .poll(async () => Number((await (await db()).em.fork().execute<{ fee: string | null }[]>(`select sum(amount) as fee from ledger_entry where account = 'processor_fee' and order_id = any(?::uuid[])`, [`{${orderIds.join(',')}}`]))[0]!.fee), { timeout: 20_000 })
    .toBe(-13_191)
  const operator = await as(browser, 'portal', 'operator@tradepost.test')
  await operator.goto(`${APPS.portal}/balance`)
  await expect(operator.getByTestId('balance-total').filter({ hasText: 'Card processing fees (Stripe)' })).toBeVisible()
  await expect(operator.getByTestId('ledger-entry').filter({ hasText: 'Card processing fees (Stripe)' }).filter({ hasText: '87.99' })).toBeVisible()

  // Merlion's admin hears of the order in the portal too: its notifications lead to it.
  const merlion = await as(browser, 'portal', 'admin@merlionpumps.test')
  await merlion.goto(`${APPS.portal}/`)
  await expect(merlion.getByRole('link', { name: /^Notifications \(\d+\)$/ }).first()).toBeVisible({ timeout: 15_000 })
  await merlion.goto(`${APPS.portal}/notifications`)
  await expect(merlion.getByTestId('notification').filter({ hasText: 'Marina Bay Builders' }).first()).toBeVisible()
  await merlion.getByRole('button', { name: 'Mark all as read' }).click()
  await expect(merlion.getByText('All marked as read.', { exact: true })).toBeVisible()
  await expect(merlion.getByRole('link', { name: 'Notifications', exact: true }).first()).toBeVisible()

  // The buyer's orders say they are paid by card; the invoices are paid.
  await buyer.goto(`${APPS.market}/invoices`)
  await expect(buyer.getByRole('row').filter({ hasText: 'Merlion Pumps' })).toContainText('Paid')
})

test('the Stripe webhook refuses forged, oversized and malformed deliveries (a problem document), and changes nothing', async ({ request }) => {
  const payment = async () => (await (await db()).em.fork().find(Payment, {}, { orderBy: { id: 'asc' } })).map((p) => [p.id, p.status])
  const before = await payment()
  const event = JSON.stringify({ id: 'evt_forged', object: 'event', type: 'payment_intent.succeeded', created: Math.floor(Date.now() / 1000), data: { object: { id: 'pi_forged', object: 'payment_intent', amount: 100, currency: 'sgd', status: 'succeeded' } } })
  for (const [body, headers, status] of [
    [event, {}, 400],
    [event, { 'Stripe-Signature': 't=1,v1=0000' }, 400],
    [`${event}\u0000`, { 'Stripe-Signature': 't=1,v1=0000' }, 400],
    ['x'.repeat(300 * 1024), { 'Stripe-Signature': 't=1,v1=0000' }, 413],
  ] as const) {
    const answer = await request.post(`${APPS.market}/webhooks/stripe`, { data: body, headers: { 'Content-Type': 'application/json', ...headers } })
    expect(answer.status()).toBe(status)
    // (An oversized body is cut off by the server before the route, with its own short answer.)
    if (status === 400) {
      expect(answer.headers()['content-type']).toContain('application/problem+json')
      expect((await answer.json()).status).toBe(status)
    }
  }
  expect(await payment()).toEqual(before)
})
