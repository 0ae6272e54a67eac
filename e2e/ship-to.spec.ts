// A buyer company's ship-to addresses: its admin keeps them, and each person's chosen one is
// where "near" is on the marketplace (distance and stock near them), with no ?near= needed.
import { accountMenu, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('a company admin adds a ship-to address; a buyer works from one, and the product page measures from it', async ({ browser }) => {
  test.setTimeout(60_000)
  const name = `Kho Bình Thạnh ${Date.now().toString(36)}`
  const adminContext = await browser.newContext()
  await signIn(adminContext, 'market', 'admin@benthanh.test')
  const admin = await adminContext.newPage()
  await admin.goto(`${APPS.market}/account/ship-to`)
  await expect(admin.getByText('Công trường Cầu Giấy', { exact: true })).toBeVisible()
  const form = admin.locator('#ship-to-form')
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('City').fill('TP. Hồ Chí Minh')
  await form.getByLabel('Province').selectOption({ label: 'TP. Hồ Chí Minh' })
  await form.getByLabel('Latitude').fill('91')
  await form.getByRole('button', { name: 'Save address' }).click()
  await expect(admin.getByText('Enter degrees as a decimal number', { exact: false })).toBeVisible()
  await form.getByLabel('Latitude').fill('')
  await form.getByRole('button', { name: 'Save address' }).click()
  await expect(admin.getByText('Ship-to address saved.', { exact: true })).toBeVisible()
  await expect(admin.getByText(name, { exact: true })).toBeVisible()

  // A buyer (not an admin) sees them, may not edit them, and picks one as their location.
  const buyerContext = await browser.newContext()
  await signIn(buyerContext, 'market', 'buyer@benthanh.test')
  const buyer = await buyerContext.newPage()
  await buyer.goto(`${APPS.market}/`)
  await expect(accountMenu(buyer, 'Ngô Đức Thịnh')).toBeVisible()
  await buyer.getByRole('link', { name: 'Company', exact: true }).click()
  await expect(buyer.locator('#ship-to-form')).toHaveCount(0)
  await buyer.getByRole('button', { name: 'Use as my location: Công trường Cầu Giấy' }).click()
  await expect(buyer.getByText('Distances are now measured from Công trường Cầu Giấy.', { exact: true })).toBeVisible()

  // The product page, with no ?near=, measures from the ship-to address in Hà Nội.
  await buyer.goto(`${APPS.market}/p/sh-mcb-2p-63`)
  await expect(buyer.getByLabel('My location')).toHaveValue('ship-to')
  await expect(buyer.getByLabel('My location').locator('option:checked')).toHaveText('My ship-to: Công trường Cầu Giấy (Hà Nội)')
  const hanoi = buyer.getByRole('row', { name: /HNIS-MCB2P63/ })
  await expect(hanoi).toContainText(/\d+ km/)
  // The home page puts what is nearest to it first.
  await buyer.goto(`${APPS.market}/`)
  await expect(buyer.getByRole('heading', { name: 'In stock, nearest to Công trường Cầu Giấy first' })).toBeVisible()
  // An explicit province still wins, and "Anywhere" means anywhere.
  await buyer.goto(`${APPS.market}/p/sh-mcb-2p-63?near=`)
  await expect(buyer.getByRole('columnheader', { name: 'Nearest stock' })).toHaveCount(0)

  // Back to none, and the admin removes the new address.
  await buyer.goto(`${APPS.market}/account/ship-to`)
  await buyer.getByRole('button', { name: 'Use none' }).click()
  await expect(buyer.getByText('No ship-to address is your location now.', { exact: true })).toBeVisible()
  await admin.reload()
  await admin.getByRole('button', { name: `Remove ${name}` }).click()
  await expect(admin.getByText('Ship-to address removed.', { exact: true })).toBeVisible()
  await expect(admin.getByText(name, { exact: true })).toHaveCount(0)
  await Promise.all([adminContext.close(), buyerContext.close()])
})
