// Every page of both apps, with who looks at it: the phone layout test and the accessibility
// check both walk this list, and a page route without a row fails the phone test.
import { Product } from '@tradepost/domain/catalog'
import { ImportJob } from '@tradepost/domain/imports'
import { Offer } from '@tradepost/domain/offers'
import { Order } from '@tradepost/domain/orders'
import { Invoice } from '@tradepost/domain/invoices'
import { Organization } from '@tradepost/domain/organizations'
import { Customer, PriceList } from '@tradepost/domain/pricing'
import { User } from '@tradepost/domain/users'
import { cardCheckoutWaiting, db } from './fixtures.ts'
import type { AppName } from './urls.ts'

export interface Ids { org: string; product: string; importJob: string; offer: string; priceList: string; buyer: string; customer: string; order: string; invoice: string; cardCheckout: string; cable: string }
export interface PageRow { app: AppName; as: string | null; path: (ids: Ids) => string }

export const HANOI = 'admin@hanoisupply.test'
export const SONGHONG = 'admin@songhong.test'
export const OPERATOR = 'operator@tradepost.test'
export const BUYER = 'admin@benthanh.test'

export const PAGES: PageRow[] = [
  ...(['market', 'portal'] as const).flatMap((app) => [
    { app, as: null, path: () => '/login' },
    { app, as: null, path: () => '/signup' },
    { app, as: null, path: () => '/forgot-password' },
    { app, as: null, path: () => '/reset-password/not-a-token' },
    { app, as: null, path: () => '/invitations/not-a-token' },
  ]),
  { app: 'market', as: null, path: () => '/' },
  { app: 'market', as: BUYER, path: () => '/' },
  { app: 'market', as: null, path: () => '/search?q=pump&near=VN-HN' },
  { app: 'market', as: null, path: () => '/c/circuit-breakers' },
  { app: 'market', as: null, path: () => '/p/mk-cp-2200?near=VN-HN' },
  { app: 'market', as: null, path: () => '/p/sh-mcb-2p-63' },
  { app: 'market', as: BUYER, path: () => '/p/sh-db-24' },
  { app: 'market', as: BUYER, path: (ids) => `/p/sh-cu-2x2-5/why/${ids.cable}?quantity=12` },
  { app: 'market', as: null, path: () => '/b/mekong?near=VN-DN' },
  { app: 'market', as: null, path: () => '/s/saigon-parts' },
  { app: 'market', as: BUYER, path: () => '/account/members' },
  { app: 'market', as: BUYER, path: () => '/account/ship-to' },
  { app: 'market', as: BUYER, path: () => '/account/spending' },
  { app: 'market', as: null, path: () => '/impersonate/a-used-or-stale-link-matches-nothing' },
  { app: 'market', as: BUYER, path: () => '/account/approvals?check=1&total=60000000' },
  { app: 'market', as: BUYER, path: () => '/cart' },
  { app: 'market', as: BUYER, path: () => '/checkout' },
  { app: 'market', as: 'admin@marinabay.test', path: (ids) => `/checkout/${ids.cardCheckout}/pay` },
  { app: 'portal', as: HANOI, path: () => '/payments' },
  { app: 'portal', as: HANOI, path: () => '/notifications' },
  { app: 'market', as: BUYER, path: () => '/notifications' },
  { app: 'portal', as: 'admin@lioncity.test', path: () => '/payments' },
  { app: 'market', as: BUYER, path: () => '/orders' },
  { app: 'market', as: BUYER, path: (ids) => `/orders/${ids.order}` },
  { app: 'market', as: BUYER, path: () => '/orders/approvals' },
  { app: 'market', as: BUYER, path: () => '/invoices' },
  { app: 'market', as: BUYER, path: (ids) => `/invoices/${ids.invoice}` },
  { app: 'portal', as: HANOI, path: () => '/' },
  { app: 'portal', as: HANOI, path: () => '/offers' },
  { app: 'portal', as: HANOI, path: () => '/orders' },
  { app: 'portal', as: HANOI, path: (ids) => `/orders/${ids.order}` },
  { app: 'portal', as: HANOI, path: () => '/invoices' },
  { app: 'portal', as: HANOI, path: () => '/balance' },
  { app: 'portal', as: OPERATOR, path: () => '/balance' },
  { app: 'portal', as: OPERATOR, path: () => '/commission' },
  { app: 'portal', as: HANOI, path: (ids) => `/invoices/${ids.invoice}` },
  { app: 'portal', as: HANOI, path: () => '/offers/new' },
  { app: 'portal', as: HANOI, path: (ids) => `/offers/${ids.offer}` },
  { app: 'portal', as: HANOI, path: () => '/imports' },
  { app: 'portal', as: HANOI, path: () => '/warehouses' },
  { app: 'portal', as: HANOI, path: (ids) => `/imports/${ids.importJob}` },
  { app: 'portal', as: HANOI, path: () => '/authorizations' },
  { app: 'portal', as: HANOI, path: () => '/storefront' },
  { app: 'portal', as: HANOI, path: () => '/members' },
  { app: 'portal', as: HANOI, path: () => '/audit' },
  { app: 'portal', as: HANOI, path: () => '/customers?q=construction' },
  { app: 'portal', as: HANOI, path: (ids) => `/customers?customer=${ids.customer}&sku=HNIS-CU25&quantity=10` },
  { app: 'portal', as: HANOI, path: () => '/price-lists' },
  { app: 'portal', as: HANOI, path: () => '/price-lists/new' },
  { app: 'portal', as: HANOI, path: (ids) => `/price-lists/${ids.priceList}` },
  { app: 'portal', as: HANOI, path: (ids) => `/impersonate?company=${ids.buyer}` },
  { app: 'portal', as: SONGHONG, path: () => '/products' },
  { app: 'portal', as: SONGHONG, path: (ids) => `/products/${ids.product}` },
  { app: 'portal', as: SONGHONG, path: () => '/products/new' },
  { app: 'portal', as: SONGHONG, path: () => '/brands' },
  { app: 'portal', as: SONGHONG, path: () => '/quotes' },
  { app: 'portal', as: SONGHONG, path: () => '/authorizations' },
  { app: 'portal', as: OPERATOR, path: () => '/' },
  { app: 'portal', as: OPERATOR, path: () => '/organizations' },
  { app: 'portal', as: OPERATOR, path: (ids) => `/organizations/${ids.org}` },
  { app: 'portal', as: OPERATOR, path: () => '/audit' },
  { app: 'portal', as: OPERATOR, path: () => '/dev/mailbox' },
]

/** The ids the page list needs, from the demo world (and an import with refused rows made here). */
export async function loadIds(): Promise<Ids> {
  const em = (await db()).em.fork()
  const hanoi = await em.findOneOrFail(Organization, { slug: 'hanoi-industrial-supply' })
  const songhong = await em.findOneOrFail(Organization, { slug: 'song-hong-electric' })
  const product = await em.findOneOrFail(Product, { organizationId: songhong.id }, { orderBy: { createdAt: 'asc' } })
  const offer = await em.findOneOrFail(Offer, { organizationId: hanoi.id }, { orderBy: { sku: 'asc' } })
  // An import with refused rows, so its page shows the table of errors.
  const importer = await em.findOneOrFail(User, { email: HANOI })
  const job = em.create(ImportJob, { organizationId: hanoi.id, createdByUserId: importer.id, kind: 'offers', filename: 'phone-check-with-a-rather-long-file-name-from-an-erp-export.csv', status: 'done', errors: [{ line: 2, field: 'price', code: 'PRICE_INVALID' }] })
  await em.persist(job).flush()
  const priceList = await em.findOneOrFail(PriceList, { organizationId: hanoi.id, name: 'Bến Thành 2027 contract' })
  const buyer = await em.findOneOrFail(Organization, { slug: 'ben-thanh-construction' })
  const customer = await em.findOneOrFail(Customer, { organizationId: hanoi.id, buyerId: buyer.id })
  // The demo world's order of Bến Thành with Hà Nội Industrial Supply (shipped).
  const order = await em.findOneOrFail(Order, { buyerOrgId: buyer.id, sellerOrgId: hanoi.id, poNumber: 'BT-2026-0117' })
  const invoice = await em.findOneOrFail(Invoice, { orderId: order.id })
  const cable = await em.findOneOrFail(Offer, { organizationId: hanoi.id, sku: 'HNIS-CU25' })
  const card = await cardCheckoutWaiting(`PAGES-${Date.now().toString(36).toUpperCase()}`)
  return { org: hanoi.id, product: product.id, importJob: job.id, offer: offer.id, priceList: priceList.id, buyer: buyer.id, customer: customer.id, order: order.id, invoice: invoice.id, cardCheckout: card.checkoutId, cable: cable.id }
}
