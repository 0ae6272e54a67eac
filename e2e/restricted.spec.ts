// Restricted catalogs and call for price: Hà Nội Industrial Supply's cable drum is for its
// Contractors group only (Bến Thành is in it, Hải Phòng Shipyard is not); Sông Hồng's
// distribution board is priced on request, and a buyer asks for a quote.
import { Offer } from '@tradepost/domain/offers'
import { db, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

const DRUM = '/p/sh-cu-2x4-500'
const PRICE = '₫12,345,600'

test('an offer restricted to a customer group shows to that group only: on the product page, in search, and nowhere for others', async ({ browser }) => {
  test.setTimeout(90_000)
  // The seller sees whom it is for, and cannot save an empty audience.
  const sellerContext = await browser.newContext()
  await signIn(sellerContext, 'portal', 'admin@hanoisupply.test')
  const seller = await sellerContext.newPage()
  const drum = await (await db()).em.fork().findOneOrFail(Offer, { sku: 'HNIS-CU4-DRUM' })
  await seller.goto(`${APPS.portal}/offers/${drum.id}`)
  const panel = seller.getByRole('region', { name: 'Who sees this offer' })
  await expect(panel.getByRole('radio', { name: /^Chosen customers only/ })).toBeChecked()
  await expect(panel.getByRole('checkbox', { name: 'Contractors' })).toBeChecked()
  await panel.getByRole('checkbox', { name: 'Contractors' }).uncheck()
  await panel.getByRole('button', { name: 'Save who sees it' }).click()
  await expect(seller.getByText('Tick at least one customer group or customer, or show the offer to everyone.')).toBeVisible()
  // Refused whole: the group still sees it (checked again below); saving it as it was is kept.
  await seller.goto(`${APPS.portal}/offers/${drum.id}`)
  await expect(panel.getByRole('checkbox', { name: 'Contractors' })).toBeChecked()
  await panel.getByRole('button', { name: 'Save who sees it' }).click()
  await expect(seller.getByText('Saved who sees this offer.', { exact: true })).toBeVisible()

  // Bến Thành (in the group) sees the offer and its price, on the product page and in search.
  const groupContext = await browser.newContext()
  await signIn(groupContext, 'market', 'admin@benthanh.test')
  const member = await groupContext.newPage()
  await member.goto(`${APPS.market}${DRUM}`)
  await expect(member.getByTestId('offer-row')).toHaveCount(1)
  await expect(member.getByTestId('offer-row')).toContainText('Hà Nội Industrial Supply')
  await expect(member.getByTestId('offer-row')).toContainText(PRICE)
  await member.goto(`${APPS.market}/search?q=drum`)
  await expect(member.locator('.hit', { hasText: 'Copper cable 2×4 mm², 500 m drum' })).toContainText(PRICE)

  // Hải Phòng Shipyard and a visitor: the product, with no offer, no price, no seller for it.
  const otherContext = await browser.newContext()
  await signIn(otherContext, 'market', 'admin@haiphongshipyard.test')
  const anonymousContext = await browser.newContext()
  for (const page of [await otherContext.newPage(), await anonymousContext.newPage()]) {
    await page.goto(`${APPS.market}${DRUM}`)
    await expect(page.getByRole('heading', { name: 'Copper cable 2×4 mm², 500 m drum' })).toBeVisible()
    await expect(page.getByText('No seller offers this product yet.')).toBeVisible()
    await expect(page.locator('body')).not.toContainText('12,345,600')
    await page.goto(`${APPS.market}/search?q=drum`)
    const hit = page.locator('.hit', { hasText: 'Copper cable 2×4 mm², 500 m drum' })
    await expect(hit).toContainText('0 offers')
    await expect(page.locator('body')).not.toContainText('12,345,600')
    await page.goto(`${APPS.market}/search?q=drum&seller=hanoi-industrial-supply`)
    await expect(page.locator('.hit', { hasText: 'Copper cable 2×4 mm², 500 m drum' })).toHaveCount(0)
  }
  for (const c of [sellerContext, groupContext, otherContext, anonymousContext]) await c.close()
})

test('a buyer asks for a quote on a call-for-price offer, and the seller reads the request', async ({ browser }) => {
  test.setTimeout(90_000)
  const message = `Board for block B, ${Date.now().toString(36)}`
  // A visitor sees no price and is asked to sign in first.
  const anonymous = await (await browser.newContext()).newPage()
  await anonymous.goto(`${APPS.market}/p/sh-db-24`)
  await expect(anonymous.getByTestId('offer-row')).toContainText('Sign in to request a quote')

  const buyerContext = await browser.newContext()
  await signIn(buyerContext, 'market', 'buyer@benthanh.test')
  const buyer = await buyerContext.newPage()
  await buyer.goto(`${APPS.market}/p/sh-db-24`)
  const row = buyer.getByTestId('offer-row')
  await row.getByText('Request a quote').click()
  // More than the server takes (the browser itself refuses less than 1): a message by the field, the form still open.
  await row.getByLabel('Quantity').fill('2000000')
  await row.getByRole('button', { name: 'Send the request' }).click()
  await expect(buyer.getByTestId('offer-row').getByText('The number is too large.')).toBeVisible()
  await buyer.getByTestId('offer-row').getByLabel('Quantity').fill('4')
  await buyer.getByTestId('offer-row').getByLabel('Message to the seller (optional)').fill(message)
  await buyer.getByTestId('offer-row').getByRole('button', { name: 'Send the request' }).click()
  await expect(buyer.getByText('Your quote request was sent: the seller sees it with your name and email address.', { exact: true })).toBeVisible()

  const sellerContext = await browser.newContext()
  await signIn(sellerContext, 'portal', 'admin@songhong.test')
  const seller = await sellerContext.newPage()
  await seller.goto(`${APPS.portal}/quotes`)
  const request = seller.getByRole('row', { name: new RegExp(message) })
  await expect(request).toContainText('Bến Thành Construction')
  await expect(request).toContainText('buyer@benthanh.test')
  await expect(request).toContainText('SHE-DB24')
  await buyerContext.close()
  await sellerContext.close()
})
