// The foundation's whole story in a real browser: a distributor applies, the operator approves,
// the distributor invites a colleague who accepts, and a member of two organizations switches.
import { accountMenu, expect, fromAccountMenu, latestMailTo, signIn, test, uniqueEmail } from './fixtures.ts'
import { APPS } from './urls.ts'

const PASSWORD = 'a-good-password-42'

test('sign up → operator approves → log in → invite → accept → switch organization', async ({ browser }) => {
  // Three people and two emails in one story: more than the default half minute on a busy machine.
  test.setTimeout(90_000)
  const applicant = uniqueEmail('applicant')
  const companyName = `Cần Thơ Supply ${Date.now().toString(36)}`

  // 1. A distributor applies on the seller portal, and waits for approval.
  const sellerContext = await browser.newContext()
  const seller = await sellerContext.newPage()
  await seller.goto(`${APPS.portal}/signup`)
  await seller.getByLabel('Your name').fill('Trương Thị Ngọc')
  await seller.getByLabel('Email').fill(applicant)
  await seller.getByLabel('Password').fill(PASSWORD)
  await seller.getByLabel('Company name').fill(companyName)
  await seller.getByLabel('You are a').selectOption('distributor')
  await seller.getByRole('button', { name: 'Submit application' }).click()
  await expect(seller.getByText('Your application is being reviewed')).toBeVisible()

  // 2. The operator approves it in the console.
  const operatorContext = await browser.newContext()
  await signIn(operatorContext, 'portal', 'operator@tradepost.test')
  const operator = await operatorContext.newPage()
  await operator.goto(`${APPS.portal}/organizations?status=pending`)
  await operator.getByRole('link', { name: companyName }).click()
  await operator.getByRole('button', { name: 'Approve' }).click()
  await expect(operator.getByText(`${companyName} is approved.`, { exact: true })).toBeVisible()
  expect(await latestMailTo(applicant)).toContain('has been approved')

  // 3. The applicant signs in (through the form) and is now active.
  await fromAccountMenu(seller, 'Trương Thị Ngọc', 'Sign out')
  await expect(seller.getByText('You are signed out.')).toBeVisible()
  await seller.getByLabel('Email').fill(applicant)
  await seller.getByLabel('Password').fill(PASSWORD)
  await seller.getByRole('button', { name: 'Sign in' }).click()
  await expect(seller.getByText(`You act for ${companyName} as Admin.`)).toBeVisible()

  // 4. They invite an existing user of another distributor as Sales.
  await seller.getByRole('link', { name: 'Members' }).click()
  await seller.getByLabel('Email').fill('fulfillment@saigonparts.test')
  await seller.getByLabel('Role', { exact: true }).selectOption('sales')
  await seller.getByRole('button', { name: 'Send invitation' }).click()
  await expect(seller.getByText('Invitation sent to fulfillment@saigonparts.test.')).toBeVisible()
  await expect(seller.getByRole('cell', { name: /fulfillment@saigonparts.test/ })).toBeVisible()

  // 5. The invited user opens the emailed link, signs in and accepts.
  const link = /(\/invitations\/[A-Za-z0-9_-]+)/.exec(await latestMailTo('fulfillment@saigonparts.test'))![1]!
  const invitedContext = await browser.newContext()
  const invited = await invitedContext.newPage()
  await invited.goto(`${APPS.portal}${link}`)
  await expect(invited.getByRole('heading', { name: `Join ${companyName}` })).toBeVisible()
  await invited.getByRole('main').getByRole('link', { name: 'Sign in' }).click()
  await invited.getByLabel('Email').fill('fulfillment@saigonparts.test')
  await invited.getByLabel('Password').fill('tradepost-demo-2026')
  await invited.getByRole('button', { name: 'Sign in' }).click()
  await invited.getByRole('button', { name: 'Accept invitation' }).click()
  await expect(invited.getByText(`You act for ${companyName} as Sales.`)).toBeVisible()

  // 6. They belong to two organizations now and switch back to their own.
  await fromAccountMenu(invited, 'Đặng Ngọc Lan', 'Saigon Parts Co.', 'menuitemradio')
  await expect(invited.getByText('You act for Saigon Parts Co. as Fulfillment.')).toBeVisible()

  await Promise.all([sellerContext.close(), operatorContext.close(), invitedContext.close()])
})

test('a new person accepts an invitation by creating an account, with field errors first', async ({ browser }) => {
  const newcomer = uniqueEmail('newcomer')
  const context = await browser.newContext()
  await signIn(context, 'market', 'admin@benthanh.test')
  const page = await context.newPage()
  await page.goto(`${APPS.market}/account/members`)
  await page.getByLabel('Email').fill(newcomer)
  await page.getByLabel('Role', { exact: true }).selectOption('approver')
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText(`Invitation sent to ${newcomer}.`)).toBeVisible()

  const link = /(\/invitations\/[A-Za-z0-9_-]+)/.exec(await latestMailTo(newcomer))![1]!
  const guest = await browser.newContext()
  const invite = await guest.newPage()
  await invite.goto(`${APPS.market}${link}`)
  await invite.getByLabel('Your name').fill('Khách Mới')
  await invite.getByLabel('Password').fill('short')
  await invite.getByRole('button', { name: 'Accept invitation' }).click()
  await expect(invite.getByText('Use at least 10 characters.')).toBeVisible()
  await invite.getByLabel('Password').fill(PASSWORD)
  await invite.getByRole('button', { name: 'Accept invitation' }).click()
  await expect(accountMenu(invite, 'Khách Mới')).toBeVisible()
  await expect(invite.getByText('You act for')).toHaveCount(0)
  await Promise.all([context.close(), guest.close()])
})

test('the audit log reads as sentences: actions by name, details as labelled values, a list to filter by', async ({ browser }) => {
  const email = uniqueEmail('audited')
  const context = await browser.newContext()
  await signIn(context, 'portal', 'admin@hanoisupply.test')
  const page = await context.newPage()
  await page.goto(`${APPS.portal}/members`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Role', { exact: true }).selectOption('sales')
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible()
  await page.goto(`${APPS.portal}/audit`)
  await page.getByLabel('Action').selectOption({ label: 'Member invited' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/action=invitation\.created/)
  const row = page.getByRole('row').filter({ hasText: email })
  await expect(row).toContainText('Member invited')
  await expect(row).toContainText('Sales')
  await expect(page.getByText('invitation.created')).toHaveCount(0)
  await expect(page.getByText('{"email"')).toHaveCount(0)
  await context.close()
})
