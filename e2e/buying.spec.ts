// Sellers buy too (decision 009): a distributor's admin makes its buying company from the portal,
// and the same account then buys in the marketplace as that company.
import { accountMenu, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('a distributor makes its buying company, and its admin signs in to the marketplace as it', async ({ browser }) => {
  test.setTimeout(60_000)
  const context = await browser.newContext()
  await signIn(context, 'portal', 'admin@saigonparts.test')
  const portal = await context.newPage()
  await portal.goto(`${APPS.portal}/`)
  await expect(accountMenu(portal, 'Võ Thanh Tùng')).toBeVisible()
  const panel = portal.getByRole('region', { name: 'Buy on Tradepost' })
  const make = panel.getByRole('button', { name: 'Make our buying company' })
  // A retry finds it made already.
  if (await make.isVisible()) {
    await make.click()
    await expect(portal.getByText('Saigon Parts Co. – Purchasing is ready, with you as its admin.', { exact: true })).toBeVisible()
  }
  await expect(panel).toContainText('Your buying company is Saigon Parts Co. – Purchasing.')

  // The same account, in the marketplace: a member (admin) of the buying company.
  await signIn(context, 'market', 'admin@saigonparts.test')
  const market = await context.newPage()
  await market.goto(`${APPS.market}/account/members`)
  await expect(market.getByRole('link', { name: 'Company', exact: true })).toBeVisible()
  await expect(market.getByRole('row', { name: /Võ Thanh Tùng/ })).toContainText('Admin')
  await context.close()
})
