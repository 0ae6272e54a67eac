import { expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

const HEADER = 'sku,brand,mpn,price,currency,min_order_qty,order_multiple,lead_time_days,condition,stock:Kho Long Biên'

test('a distributor imports offers from CSV: a wrong header is refused, then good rows are kept and bad ones reported by line', async ({ browser }) => {
  const tag = Date.now().toString(36).toUpperCase()
  const context = await browser.newContext()
  await signIn(context, 'portal', 'sales@hanoisupply.test')
  const page = await context.newPage()
  await page.goto(`${APPS.portal}/imports`)

  await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'wrong.csv', mimeType: 'text/csv', buffer: Buffer.from('sku,cost\nA,1\n') })
  await page.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByText(/The first line does not have the expected columns\. Missing: brand, mpn/)).toBeVisible()

  const csv = [HEADER, `IMP-${tag}-1,song-hong,SH-MCB-1P-32,"99,000",VND,1,1,1,new,12`, `IMP-${tag}-2,song-hong,SH-NOPE,1000,VND,1,1,1,new,1`, `IMP-${tag}-3,song-hong,SH-MCB-1P-32,12.5,VND,1,1,1,new,1`].join('\n')
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: `offers-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('heading', { name: `offers-${tag}.csv` })).toBeVisible()
  await expect(page.getByText('1 row saved, 2 refused.')).toBeVisible({ timeout: 20_000 })
  // Each refused row by its line, its SKU, and what was wrong, naming the unknown part number.
  const rows = page.locator('table tbody tr')
  await expect(rows.nth(0)).toContainText('3')
  await expect(rows.nth(0)).toContainText(`IMP-${tag}-2`)
  await expect(rows.nth(0)).toContainText('No published product has the part number “SH-NOPE”')
  await expect(rows.nth(1)).toContainText('4')
  await expect(rows.nth(1)).toContainText(`IMP-${tag}-3`)
  await expect(rows.nth(1)).toContainText('This currency does not have that many decimals.')

  await page.goto(`${APPS.portal}/offers`)
  await expect(page.getByRole('cell', { name: `IMP-${tag}-1`, exact: true })).toBeVisible()
  await context.close()
})

test('a "check only" run reports the rows it would refuse and saves nothing', async ({ browser }) => {
  const tag = Date.now().toString(36).toUpperCase()
  const context = await browser.newContext()
  await signIn(context, 'portal', 'sales@hanoisupply.test')
  const page = await context.newPage()
  await page.goto(`${APPS.portal}/imports`)
  const csv = [HEADER, `CHK-${tag}-1,song-hong,SH-MCB-1P-32,"99,000",VND,1,1,1,new,12`, `CHK-${tag}-2,song-hong,SH-NOPE,1000,VND,1,1,1,new,1`].join('\n')
  await page.getByLabel('File', { exact: true }).setInputFiles({ name: `check-${tag}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) })
  await page.getByLabel('Check only: save nothing').check()
  await page.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByText('1 row would be saved, 1 refused. This was a check: nothing was saved.')).toBeVisible({ timeout: 20_000 })
  await expect(page.locator('table tbody tr').first()).toContainText(`CHK-${tag}-2`)
  await page.goto(`${APPS.portal}/offers`)
  await expect(page.getByRole('cell', { name: `CHK-${tag}-1` })).toHaveCount(0)
  await context.close()
})
