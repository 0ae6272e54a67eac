import { accountMenu, expect, fromAccountMenu, test, uniqueEmail } from './fixtures.ts'
import { APPS } from './urls.ts'

test('a buyer resets a forgotten password from the emailed link, which then stops working', async ({ page }) => {
  // Sign-up, the worker's email, two password hashes and four sign-ins: more than half a minute on a busy machine.
  test.setTimeout(60_000)
  const email = uniqueEmail('forgetful')
  // Open a buyer account on the marketplace (active at once).
  await page.goto(`${APPS.market}/signup`)
  await page.getByLabel('Your name').fill('Quên Mật Khẩu')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('first-password-1')
  await page.getByLabel('Company name').fill(`Forgetful Co ${Date.now()}`)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expect(accountMenu(page, 'Quên Mật Khẩu')).toBeVisible()
  await fromAccountMenu(page, 'Quên Mật Khẩu', 'Sign out')
  await expect(page.getByText('You are signed out.')).toBeVisible()

  // Ask for a link; the answer does not say whether the account exists.
  await page.getByRole('link', { name: 'Forgot your password?' }).click()
  await expect(page.getByRole('heading', { name: 'Reset your password' })).toBeVisible()
  await page.getByLabel('Email').fill(email)
  await page.getByRole('button', { name: 'Send the link' }).click()
  await expect(page.getByText('If an account exists for that email')).toBeVisible()

  // The dev mailbox (seller portal) has the message; follow its link.
  // (The worker writes it within a moment: the request itself only queued a job.)
  await expect(async () => {
    await page.goto(`${APPS.portal}/dev/mailbox?to=${encodeURIComponent(email)}`)
    await expect(page.getByText('Reset your Tradepost password')).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 15_000 })
  await page.getByText('Reset your Tradepost password').click()
  const href = await page.getByRole('link', { name: 'Choose a new password' }).getAttribute('href')
  const resetPath = new URL(href!).pathname

  await page.goto(`${APPS.market}${resetPath}`)
  await page.getByLabel('New password', { exact: true }).fill('second-password-2')
  await page.getByLabel('Repeat the new password').fill('second-password-3')
  await page.getByRole('button', { name: 'Set password' }).click()
  await expect(page.getByText('The two passwords differ.')).toBeVisible()
  await page.getByLabel('Repeat the new password').fill('second-password-2')
  await page.getByRole('button', { name: 'Set password' }).click()
  await expect(page.getByText('Your password is changed. Sign in with the new one.')).toBeVisible()

  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('first-password-1')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Wrong email or password.')).toBeVisible()
  await page.getByLabel('Password').fill('second-password-2')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(accountMenu(page, 'Quên Mật Khẩu')).toBeVisible()

  // The link is spent.
  await page.goto(`${APPS.market}${resetPath}`)
  await expect(page.getByText('This reset link was already used. Ask for a new one.')).toBeVisible()
})
