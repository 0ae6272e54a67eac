// A seller manages its offers: after saving, the page is the offer's own; the list searches,
// pages and pauses in bulk; a paused offer leaves the product page; deleting removes it.
import { chooseProduct, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('a distributor lists an offer, edits it on its own page, pauses it from the list and deletes it', async ({ browser }) => {
  // A long story (two browsers, the indexer between them): more than the default half minute on a busy machine.
  test.setTimeout(60_000)
  const tag = Date.now().toString(36).toUpperCase()
  const sku = `OFR-${tag}`
  const context = await browser.newContext()
  await signIn(context, 'portal', 'sales@hanoisupply.test')
  const page = await context.newPage()
  const market = await browser.newPage()

  await page.goto(`${APPS.portal}/offers/new`)
  // The product is picked by typing a fragment of its part number.
  await chooseProduct(page, 'SH-MCB-1P-32')
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue('Miniature circuit breaker 1P 32A (SH-MCB-1P-32)')
  await page.getByLabel('Your SKU').fill(sku)
  await page.getByLabel('Price', { exact: true }).fill('123,000')
  await page.getByLabel(/Stock at Kho Long Biên/).fill('7')
  await page.getByRole('button', { name: 'Save offer' }).click()
  await expect(page.getByText('Offer saved.', { exact: true })).toBeVisible()
  await expect(page).toHaveURL(/\/offers\/[0-9a-f-]{36}\?notice=offerSaved$/)
  await expect(page.getByRole('heading', { name: `Edit offer: ${sku}` })).toBeVisible()
  const own = page.url().split('?')[0]!

  // Its own page edits it: a new SKU and price, the same offer.
  await page.getByLabel('Your SKU').fill(`${sku}-X`)
  await page.getByLabel('Price', { exact: true }).fill('120000')
  await page.getByRole('button', { name: 'Save offer' }).click()
  await expect(page.getByRole('heading', { name: `Edit offer: ${sku}-X` })).toBeVisible()
  expect(page.url().split('?')[0]).toBe(own)
  await expect(page.getByLabel('Price', { exact: true })).toHaveValue('120000')
  await market.goto(`${APPS.market}/p/sh-mcb-1p-32`)
  await expect(market.getByText(`${sku}-X`)).toBeVisible()

  // The list finds it by a fragment of its SKU; pausing with nothing chosen says so.
  await page.goto(`${APPS.portal}/offers?q=${encodeURIComponent(tag.toLowerCase())}&page=9`)
  // (A page past the end shows the last one.)
  await expect(page).toHaveURL(/page=1$/)
  await expect(page.locator('table tbody tr')).toHaveCount(1)
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await expect(page.getByText('Choose at least one offer.')).toBeVisible()
  await page.getByLabel(`Select ${sku}-X`).check()
  await page.getByRole('button', { name: 'Pause', exact: true }).click()
  await expect(page.getByText('1 offer paused: buyers no longer see it.', { exact: true })).toBeVisible()
  await expect(page.locator('table tbody tr').first()).toContainText('Paused')
  await market.reload()
  await expect(market.getByRole('heading', { name: 'Compare offers' })).toBeVisible()
  await expect(market.getByText(`${sku}-X`)).toHaveCount(0)

  // Activate from its own page, then delete it.
  await page.getByRole('link', { name: `${sku}-X` }).click()
  await expect(page.getByText('Paused: buyers do not see this offer until you activate it.')).toBeVisible()
  await page.getByRole('button', { name: 'Activate offer' }).click()
  await expect(page.getByText('1 offer active again.', { exact: true })).toBeVisible()
  // Deleting asks first (an alert dialog), and Cancel keeps the offer.
  await page.getByRole('button', { name: 'Delete offer' }).click()
  const question = page.getByRole('alertdialog', { name: `Delete the offer ${sku}-X?` })
  await question.getByRole('button', { name: 'Cancel' }).click()
  await expect(question).toHaveCount(0)
  await page.getByRole('button', { name: 'Delete offer' }).click()
  await question.getByRole('button', { name: 'Yes, delete it' }).click()
  await expect(page.getByText('Offer deleted.', { exact: true })).toBeVisible()
  await page.goto(`${APPS.portal}/offers?q=${encodeURIComponent(tag)}`)
  await expect(page.getByText('No offer matches these filters.')).toBeVisible()
  await context.close()
  await market.close()
})

test('without JavaScript, deleting an offer asks on the page first', async ({ browser }) => {
  const sku = `NOJS-${Date.now().toString(36).toUpperCase()}`
  const context = await browser.newContext({ javaScriptEnabled: false })
  await signIn(context, 'portal', 'sales@hanoisupply.test')
  const page = await context.newPage()
  await page.goto(`${APPS.portal}/offers/new`)
  // Without JavaScript the picker is a text field: the part number names the product.
  await page.getByLabel('Product', { exact: true }).fill('sh-mcb-1p-32')
  await page.getByLabel('Your SKU').fill(sku)
  await page.getByLabel('Price', { exact: true }).fill('99000')
  await page.getByRole('button', { name: 'Save offer' }).click()
  await expect(page.getByText('Offer saved.', { exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Delete offer' }).click()
  const question = page.getByRole('alertdialog', { name: `Delete the offer ${sku}?` })
  await expect(question).toBeVisible()
  await expect(page.getByRole('heading', { name: `Edit offer: ${sku}` })).toBeVisible()
  await question.getByRole('button', { name: 'Yes, delete it' }).click()
  await expect(page.getByText('Offer deleted.', { exact: true })).toBeVisible()
  await page.goto(`${APPS.portal}/offers?q=${sku}`)
  await expect(page.getByText('No offer matches these filters.')).toBeVisible()
  await context.close()
})
