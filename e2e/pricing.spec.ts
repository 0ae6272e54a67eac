// Contract prices: a seller makes a buyer company its customer and gives it a contract price
// list; that buyer sees its own price on the product page and in search, another buyer the list price.
import { accountMenu, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('a seller assigns a contract price list to a buyer company; only that company sees the contract price', async ({ browser }) => {
  test.setTimeout(90_000)
  const tag = Date.now().toString(36)
  const listName = `Shipyard contract ${tag}`
  const sellerContext = await browser.newContext()
  await signIn(sellerContext, 'portal', 'admin@hanoisupply.test')
  const seller = await sellerContext.newPage()

  // 1. Hải Phòng Shipyard becomes a customer (found by name on the server).
  await seller.goto(`${APPS.portal}/customers`)
  await expect(accountMenu(seller, 'Nguyễn Văn An')).toBeVisible()
  await seller.getByLabel('Company name').fill('Hải Phòng')
  await seller.getByRole('button', { name: 'Find' }).click()
  await expect(seller.locator('strong', { hasText: 'Hải Phòng Shipyard' })).toBeVisible()
  const add = seller.getByRole('button', { name: 'Add as customer: Hải Phòng Shipyard' })
  // A retry finds it a customer already.
  if (await add.isVisible()) {
    await add.click()
    await expect(seller.getByText('Customer added.', { exact: true })).toBeVisible()
    await seller.getByLabel('Account number').fill(`HP-${tag}`)
    await seller.getByRole('button', { name: 'Save customer' }).click()
    await expect(seller.getByText('Customer saved.', { exact: true })).toBeVisible()
  }
  await expect(seller.getByRole('row', { name: /Hải Phòng Shipyard/ })).toContainText('Approved')

  // 2. A contract for it, refused first with a window that ends before it starts.
  await seller.goto(`${APPS.portal}/price-lists`)
  await seller.getByRole('link', { name: 'New price list' }).click()
  await seller.getByLabel('Name').fill(listName)
  await seller.getByRole('radio', { name: /^Contract/ }).check()
  await seller.getByRole('checkbox', { name: 'Hải Phòng Shipyard' }).check()
  await seller.getByLabel('First day').fill('2027-02-01')
  await seller.getByLabel('Last day').fill('2027-01-31')
  await seller.getByRole('button', { name: 'Save price list' }).click()
  await expect(seller.getByText('The last day cannot be before the first day.')).toBeVisible()
  await seller.getByLabel('First day').fill('')
  await seller.getByLabel('Last day').fill('')
  await seller.getByRole('button', { name: 'Save price list' }).click()
  await expect(seller.getByText('Price list saved.', { exact: true })).toBeVisible()
  await expect(seller.getByRole('heading', { name: listName })).toBeVisible()

  // 3. Its price for one offer: a tier from 0 units is refused, then a tier from 1 unit is kept.
  await seller.getByLabel('SKU').fill('HNIS-MCB1P32')
  await seller.getByLabel('From quantity (1)').fill('1')
  await seller.getByLabel('Unit price (VND) (1)').fill('88,000')
  await seller.getByLabel('From quantity (2)').fill('0')
  await seller.getByLabel('Unit price (VND) (2)').fill('80,000')
  await seller.getByRole('button', { name: 'Save price', exact: true }).click()
  await expect(seller.getByText('A tier starts at 1 unit or more.')).toBeVisible()
  await seller.getByLabel('From quantity (2)').fill('')
  await seller.getByLabel('Unit price (VND) (2)').fill('')
  await seller.getByRole('button', { name: 'Save price', exact: true }).click()
  await expect(seller.getByText('Price saved.', { exact: true })).toBeVisible()
  await expect(seller.getByRole('row', { name: /HNIS-MCB1P32/ })).toContainText('from 1: ₫88,000')

  // 4. The shipyard's buyer pays the contract price, and sees why.
  const buyerContext = await browser.newContext()
  await signIn(buyerContext, 'market', 'buyer@haiphongshipyard.test')
  const buyer = await buyerContext.newPage()
  await buyer.goto(`${APPS.market}/p/sh-mcb-1p-32`)
  const row = buyer.getByRole('row', { name: /HNIS-MCB1P32/ })
  await expect(row).toContainText('₫88,000')
  await expect(row).toContainText('List price ₫96,000')
  await row.getByText('Why this price').click()
  await expect(row).toContainText(`Contract “${listName}”.`)
  // Its own page names every list passed over, and prices other quantities.
  await row.getByRole('link', { name: /other quantities/ }).click()
  await expect(buyer.getByRole('heading', { name: 'Why this price', level: 1 })).toBeVisible()
  await expect(buyer.getByRole('status')).toContainText(`Contract “${listName}”. Tier from 1 unit. Priced for 1 unit.`)
  // A quantity that is not one (typed into the address) is said at its field.
  await buyer.goto(`${buyer.url().split('?')[0]}?quantity=0`)
  await expect(buyer.getByLabel(/^Quantity/)).toHaveAttribute('aria-invalid', 'true')
  await expect(buyer.getByText('The number is too small.')).toBeVisible()
  await buyer.getByLabel(/^Quantity/).fill('12')
  await buyer.getByRole('button', { name: 'Show the price' }).click()
  await expect(buyer.getByRole('status')).toContainText('Priced for 12 units.')
  await expect(buyer.getByRole('status')).toContainText('₫88,000')
  await buyer.goto(`${APPS.market}/search?q=HNIS-MCB1P32`)
  await expect(buyer.getByRole('listitem').filter({ hasText: 'Miniature circuit breaker' }).first()).toContainText('from ₫88,000')
  await expect(buyer.getByText('The prices shown are yours.', { exact: false })).toBeVisible()

  // 5. Another company pays the list price, and is not told of anyone's contract.
  const otherContext = await browser.newContext()
  await signIn(otherContext, 'market', 'buyer@benthanh.test')
  const other = await otherContext.newPage()
  await other.goto(`${APPS.market}/p/sh-mcb-1p-32`)
  const theirs = other.getByRole('row', { name: /HNIS-MCB1P32/ })
  await expect(theirs).toContainText('₫96,000')
  await expect(theirs).not.toContainText('List price')
  await expect(other.locator('body')).not.toContainText(listName)
  await other.goto(`${APPS.market}/search?q=HNIS-MCB1P32`)
  await expect(other.getByRole('listitem').filter({ hasText: 'Miniature circuit breaker' }).first()).toContainText('from ₫96,000')

  // 6. The seller deletes the list (asked first); the buyer is back to the list price.
  await seller.reload()
  await seller.getByRole('button', { name: 'Delete price list' }).click()
  await seller.getByRole('alertdialog').getByRole('button', { name: 'Delete price list' }).click()
  await expect(seller.getByText('Price list deleted.', { exact: true })).toBeVisible()
  await buyer.goto(`${APPS.market}/p/sh-mcb-1p-32`)
  await expect(buyer.getByRole('row', { name: /HNIS-MCB1P32/ })).not.toContainText('List price')
  await Promise.all([sellerContext.close(), buyerContext.close(), otherContext.close()])
})
