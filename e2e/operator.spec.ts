// The operator supports an organization: who is in it, what it sells and whom it authorized,
// what happened lately (in words), and the log as a CSV file.
import { Organization } from '@tradepost/domain/organizations'
import { db, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('the operator reads an organization\'s members, offers, authorizations and activity, and exports the audit log', async ({ browser }) => {
  const hanoi = await (await db()).em.fork().findOneOrFail(Organization, { slug: 'hanoi-industrial-supply' })
  const context = await browser.newContext()
  await signIn(context, 'portal', 'operator@tradepost.test')
  const page = await context.newPage()
  await page.goto(`${APPS.portal}/organizations/${hanoi.id}`)
  const members = page.getByRole('region', { name: /members/ })
  await expect(members.getByRole('cell', { name: 'admin@hanoisupply.test' })).toBeVisible()
  // The rest is behind tabs (links: the address keeps the tab).
  await page.getByRole('tab', { name: 'Offers and authorizations' }).click()
  await expect(page).toHaveURL(/\?tab=selling$/)
  await expect(page.getByRole('tabpanel')).toHaveCount(1)
  await expect(page.getByRole('region', { name: 'Offers' })).toContainText(/\d+ active, \d+ paused/)
  await expect(page.getByRole('region', { name: 'Authorizations' })).toContainText('Sông Hồng → Hà Nội Industrial Supply')
  // What happened lately, by name rather than by key ("offer.saved").
  await page.getByRole('tab', { name: 'Recent activity' }).click()
  const activity = page.getByRole('region', { name: 'Recent activity' })
  await expect(activity.locator('tbody tr').first()).toBeVisible()
  await expect(activity.getByRole('cell', { name: /^[a-z_]+\.[a-z_]+$/ })).toHaveCount(0)

  // The whole log of the organization, filtered to its (seeded) approval.
  await activity.getByRole('link', { name: 'View all' }).click()
  await expect(page).toHaveURL(/\/audit\?organizationId=/)
  await page.getByLabel('Action').selectOption({ label: 'Organization approved' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page.getByRole('cell', { name: 'Organization approved' })).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Export (CSV)' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('audit-log.csv')
  const csv = (await (await file.createReadStream()).toArray()).join('')
  expect(csv.split('\n')[0]).toBe('time,action,organization,actor,on_behalf_of,subject_type,subject_id,details')
  expect(csv).toContain('organization.approved,Hà Nội Industrial Supply')
  expect(csv).not.toContain('Saigon Parts Co.')
  await context.close()
})
