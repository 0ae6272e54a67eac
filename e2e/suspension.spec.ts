// Suspension as it happens: a member signed in through the form (their session starts with no
// active organization), the operator suspends the organization in the console, and the member's
// next page asks them to sign in again; the seller's offers leave search (through the worker)
// and come back when it is reactivated.
import { randomBytes } from 'node:crypto'
import { authorizeDistributor, Brand, Product } from '@tradepost/domain/catalog'
import { createCtx } from '@tradepost/domain/ctx'
import { pgBossJobQueue, startJobQueue } from '@tradepost/domain/jobs'
import { saveOffer } from '@tradepost/domain/offers'
import { OfferInputSchema } from '@tradepost/domain/schemas'
import { Organization } from '@tradepost/domain/organizations'
import { createOrganization, createWarehouse, TEST_PASSWORD } from '@tradepost/domain/testing'
import { resolveActor, User } from '@tradepost/domain/users'
import { db, expect, signIn, test } from './fixtures.ts'
import { APPS } from './urls.ts'

test('suspending a seller signs its members out, wherever they signed in, and takes its offers out of search until it is reactivated', async ({ browser, playwright }) => {
  test.setTimeout(60_000)
  const em = (await db()).em.fork()
  const name = `Suspendable Supply ${randomBytes(3).toString('hex')}`
  const { org, admin } = await createOrganization(em, { kind: 'distributor', name })
  const warehouse = await createWarehouse(em, org, { subdivisionCode: 'VN-HN', latitude: 21.03, longitude: 105.85 })
  // It is authorized for Mekong and offers a pump, as the real forms would do it.
  const boss = await startJobQueue(process.env.DATABASE_URL!)
  const ctxOf = async (email: string, organizationId: string) => {
    const user = await em.findOneOrFail(User, { email })
    return createCtx({ actor: await resolveActor(em.fork(), { userId: user.id, activeOrganizationId: organizationId, impersonatorUserId: null }, ['manufacturer', 'distributor']), em: em.fork(), jobs: pgBossJobQueue(boss) })
  }
  const mekong = await em.findOneOrFail(Organization, { slug: 'mekong-pumps' })
  const brand = await em.findOneOrFail(Brand, { slug: 'mekong' })
  const product = await em.findOneOrFail(Product, { brandId: brand.id, status: 'published' }, { orderBy: { mpn: 'asc' } })
  expect((await authorizeDistributor(await ctxOf('admin@mekongpumps.test', mekong.id), { distributorId: org.id, brandId: brand.id, subdivisions: ['VN-HN'], circles: [] })).ok).toBe(true)
  expect((await saveOffer(await ctxOf(admin.user.email, org.id), OfferInputSchema.parse({ productId: product.id, sku: `SUSP-${randomBytes(2).toString('hex')}`, price: '4000000', currency: 'VND', stock: { [warehouse.id]: 3 } }))).ok).toBe(true)
  await boss.stop({ graceful: false })

  const request = await playwright.request.newContext()
  const sellerResults = async () => {
    const html = await (await request.get(`${APPS.market}/search?seller=${org.slug}`)).text()
    return html.includes(`/p/${product.slug}`)
  }
  await expect.poll(sellerResults, { timeout: 20_000, message: 'its offer is in search' }).toBe(true)

  // The member signs in through the form.
  const memberContext = await browser.newContext()
  const member = await memberContext.newPage()
  await member.goto(`${APPS.portal}/login`)
  await member.getByLabel('Email').fill(admin.user.email)
  await member.getByLabel('Password').fill(TEST_PASSWORD)
  await member.getByRole('button', { name: 'Sign in' }).click()
  await expect(member.getByText(`You act for ${name} as Admin.`)).toBeVisible()

  // The operator suspends the organization from the console.
  const operatorContext = await browser.newContext()
  await signIn(operatorContext, 'portal', 'operator@tradepost.test')
  const operator = await operatorContext.newPage()
  await operator.goto(`${APPS.portal}/organizations/${org.id}`)
  await operator.getByRole('button', { name: 'Suspend' }).click()
  await expect(operator.getByText(`${name} is suspended.`, { exact: true })).toBeVisible()

  // The member's next page asks them to sign in again; the offer leaves search.
  await member.getByRole('link', { name: 'Offers', exact: true }).click()
  await expect(member).toHaveURL(/\/login/)
  await expect.poll(sellerResults, { timeout: 20_000, message: 'its offer leaves search' }).toBe(false)

  // Reactivated, the offer is back.
  await operator.getByRole('button', { name: 'Reactivate' }).click()
  await expect.poll(sellerResults, { timeout: 20_000, message: 'its offer is back in search' }).toBe(true)
  await request.dispose()
  await memberContext.close()
  await operatorContext.close()
})
