// Test helpers: sign in by seeding a session (no clicking through the login form), read the
// dev mailbox, make unique emails.
import { randomBytes } from 'node:crypto'
import { test as base, expect, type Page, type BrowserContext } from '@playwright/test'
import { createOrm, type MikroORM } from '@tradepost/domain/db'
import { createCtx, type Ctx } from '@tradepost/domain/ctx'
import { pgBossJobQueue, startJobQueue } from '@tradepost/domain/jobs'
import { Organization, type OrganizationKind } from '@tradepost/domain/organizations'
import { resolveActor, sessionStore, User } from '@tradepost/domain/users'
import type { PgBoss } from 'pg-boss'
import { APPS, COOKIE, STRIPE_MOCK_URL, STRIPE_WEBHOOK_SECRET, type AppName } from './urls.ts'
import { stripeGateway } from '@tradepost/payments'

let orm: Promise<MikroORM> | undefined
export function db(): Promise<MikroORM> {
  orm ??= createOrm(process.env.DATABASE_URL!, { pool: { min: 0, max: 2 } })
  return orm
}

/** A session for `email` in `app`, as the cookie header value `name=value`. */
export async function sessionCookieFor(app: AppName, email: string): Promise<{ name: string; value: string }> {
  const em = (await db()).em.fork()
  const user = await em.findOneOrFail(User, { email })
  const id = randomBytes(20).toString('hex')
  await sessionStore.create(em, { id, userId: user.id, expiresAt: new Date(Date.now() + 3600_000), activeOrganizationId: null, impersonatorUserId: null })
  return { name: COOKIE[app], value: id }
}

export async function signIn(context: BrowserContext, app: AppName, email: string) {
  const cookie = await sessionCookieFor(app, email)
  await context.addCookies([{ ...cookie, url: APPS[app], httpOnly: true, sameSite: 'Lax' }])
}

/**
 * A use case's context for a demo user acting for one of their organizations, as the apps build
 * it (its follow-up jobs go to the real queue, started once per test worker).
 */
export async function actAs(email: string, orgSlug: string, app: AppName): Promise<Ctx> {
  const em = (await db()).em.fork()
  const user = await em.findOneOrFail(User, { email })
  const org = await em.findOneOrFail(Organization, { slug: orgSlug })
  const actor = await resolveActor(em, { userId: user.id, activeOrganizationId: org.id, impersonatorUserId: null }, APP_KINDS[app])
  boss ??= startJobQueue(process.env.DATABASE_URL!)
  return createCtx({ actor, em, jobs: pgBossJobQueue(await boss), payments: stripeGateway({ secretKey: 'sk_test_e2e_local_mock', webhookSecret: STRIPE_WEBHOOK_SECRET, apiBase: STRIPE_MOCK_URL }) })
}
const APP_KINDS: Record<AppName, OrganizationKind[]> = { market: ['buyer'], portal: ['operator', 'manufacturer', 'distributor'] }
let boss: Promise<PgBoss> | undefined

/** Stops the job queue `actAs` started (after all of a file's tests). */
export async function stopJobQueue(): Promise<void> {
  await (await boss)?.stop({ graceful: false })
  boss = undefined
}

export const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T => {
  if (!r.ok) throw new Error(r.error.code)
  return r.value
}

export const uniqueEmail = (prefix: string) => `${prefix}.${Date.now().toString(36)}${randomBytes(2).toString('hex')}@example.test`

/** The newest message to `to` in the dev mailbox, as its text (waiting for the worker to write it). */
export async function latestMailTo(to: string): Promise<string> {
  const { EmailMessage } = await import('@tradepost/domain/email')
  let text: string | undefined
  await expect
    .poll(async () => {
      const em = (await db()).em.fork()
      const [message] = await em.find(EmailMessage, { to }, { orderBy: { createdAt: 'desc' }, limit: 1 })
      text = message?.text
      return !!text
    }, { message: `an email to ${to}`, timeout: 10_000 })
    .toBe(true)
  return text!
}

/** The account menu of the signed-in person (a Radix dropdown: its button appears once the page runs). */
export const accountMenu = (page: Page, name: string) => page.getByRole('button', { name: `Account: ${name}` })

/** Opens the account menu and picks one of its items (sign out, an organization…). */
export async function fromAccountMenu(page: Page, name: string, item: string, role: 'menuitem' | 'menuitemradio' = 'menuitem') {
  await accountMenu(page, name).click()
  await page.getByRole(role, { name: item, exact: true }).click()
}

/** Picks a product in the offer form's combobox by typing (it replaces the plain list once the page runs). */
/**
 * Picks the offer form's product by typing a fragment of its name or part number: the server
 * suggests (the browser's own list), and the suggestion's full label goes in the field.
 */
export async function chooseProduct(page: Page, fragment: string) {
  const field = page.getByLabel('Product', { exact: true })
  await field.fill(fragment)
  const suggestion = page.locator(`datalist#${await field.getAttribute('list')} option`).filter({ has: page.locator(`xpath=self::*[contains(@value, ${JSON.stringify(fragment)})]`) })
  await expect(suggestion.first()).toBeAttached()
  await field.fill((await suggestion.first().getAttribute('value'))!)
}

export const test = base
export { expect }

/**
 * A checkout of Marina Bay Builders whose card payment waits: placed with Lion City Industrial
 * Supply (on terms, whether or not it takes cards yet), then its order and payment written as a
 * card checkout has them. For pages and probes that need one without paying it.
 */
export async function cardCheckoutWaiting(po: string): Promise<{ checkoutId: string; paymentId: string }> {
  const { ShipTo } = await import('@tradepost/domain/companies')
  const { Offer } = await import('@tradepost/domain/offers')
  const { addToCart, Order, placeCheckout } = await import('@tradepost/domain/orders')
  const { Payment } = await import('@tradepost/domain/payments')
  const { CheckoutInputSchema } = await import('@tradepost/domain/schemas')
  const em = (await db()).em.fork()
  // Its admin's cart (the card flow test fills its buyer's); two of these at once may race for
  // the cart, so a checkout that found it emptied by the other tries again.
  const buyer = () => actAs('admin@marinabay.test', 'marina-bay-builders', 'market')
  const drain = await em.findOneOrFail(Offer, { sku: 'LCS-DP400' })
  const org = await em.findOneOrFail(Organization, { slug: 'marina-bay-builders' })
  const shipTo = await em.findOneOrFail(ShipTo, { organizationId: org.id })
  let placed: Awaited<ReturnType<typeof placeCheckout>> | undefined
  for (let attempt = 0; attempt < 5 && !placed?.ok; attempt++) {
    unwrap(await addToCart(await buyer(), { offerId: drain.id, quantity: 1 }))
    placed = await placeCheckout(await buyer(), CheckoutInputSchema.parse({ token: crypto.randomUUID(), shipToId: shipTo.id, poNumber: po, payBy: 'terms' }))
  }
  if (!placed?.ok) throw new Error('could not place a card checkout')
  await em.nativeUpdate(Order, { checkoutId: placed.value.checkoutId }, { payBy: 'card' })
  const amount = (await em.find(Order, { checkoutId: placed.value.checkoutId })).reduce((sum, o) => sum + o.subtotal, 0)
  const payment = em.create(Payment, { checkoutId: placed.value.checkoutId, buyerOrgId: org.id, currency: 'SGD', amount, status: 'requires_payment', intentId: null, intentAmount: null, chargeId: null, amountRefunded: 0, lastError: null, expiresAt: new Date(Date.now() + 86_400_000), paidAt: null })
  await em.flush()
  return { checkoutId: placed.value.checkoutId, paymentId: payment.id }
}
