// The cross-tenant probe table: every route, action and intent of both apps, with how to reach
// it against another organization's data. cross-tenant.spec.ts runs each row, against the apps
// with production settings, as anonymous and as a member of another organization; the answer
// must be a refusal (or the prober's own data) and never contain the target's secret. Each row
// can fail:
// - a read row names the page where the target's owner really sees the secret (`owner`), and the
//   test first checks that it is there;
// - a write row says what it would change (`unchanged`), and the test checks the database after;
// - the path must still reach the row's route (matched against the built app's routes);
// - every route with an action has a POST row, and every intent of an action has a row.
// Every new route adds its rows here.
import type { EntityManager } from '@mikro-orm/postgresql'
import { DistributorAuthorization, Product, ProductImage } from '@tradepost/domain/catalog'
import { ImportJob } from '@tradepost/domain/imports'
import { Offer } from '@tradepost/domain/offers'
import { Organization, Storefront, Warehouse } from '@tradepost/domain/organizations'
import { Brand } from '@tradepost/domain/catalog'
import { Impersonation, Invitation, Membership, User } from '@tradepost/domain/users'
import { ApprovalRule, ShipTo, SpendingLimit } from '@tradepost/domain/companies'
import { Customer, CustomerGroup, PriceList, PriceListEntry, PriceListTarget } from '@tradepost/domain/pricing'
import { QuoteRequest } from '@tradepost/domain/quotes'
import { CartLine, Checkout, Order } from '@tradepost/domain/orders'
import { Invoice } from '@tradepost/domain/invoices'
import { CommissionRate } from '@tradepost/domain/ledger'
import { Payment, PaymentAccount } from '@tradepost/domain/payments'
import { Notification } from '@tradepost/domain/notifications'
import type { AppName } from './urls.ts'

export interface World {
  /** Ids of the demo organizations, by slug. */
  org: Record<string, string>
  /** A draft product of Sông Hồng Electric, made and indexed as the real flow does: its id, slug and name (the secret). */
  draft: { id: string; slug: string; mpn: string; name: string }
  draftCategory: string
  /** Sông Hồng's brand id, and a brand of its own whose name is a secret. */
  brand: string
  secretBrand: string
  /** An image of the draft product, really stored; `marker` is text inside its bytes. */
  draftImage: { id: string; marker: string }
  /** An import of Hà Nội Industrial Supply: its id and file name (the secret). */
  importJob: { id: string; filename: string }
  /** A pending invitation of each target organization, sent through the real flow (audited, emailed). */
  invitation: { buyer: { id: string; email: string }; seller: { id: string; email: string } }
  /** Hà Nội Industrial Supply's storefront tagline (a secret until its settings page is left). */
  tagline: string
  /** A territory of Hà Nội Industrial Supply as its authorizations page writes it. */
  territory: string
  /** The hidden name of Hà Nội Industrial Supply's admin (shown to the operator, in its audit activity). */
  hanoiAdminName: string
  /** An offer of Hà Nội Industrial Supply: its id and SKU (the secret its own page shows). */
  offer: { id: string; sku: string }
  /** A warehouse of Hà Nội Industrial Supply: its id and name (shown on its warehouses page). */
  warehouse: { id: string; name: string }
  /** A ship-to address of Bến Thành Construction: its id and name (shown on its ship-to page). */
  shipTo: { id: string; name: string }
  /** Hà Nội Industrial Supply's pricing: its contract with Bến Thành (name on its price lists page,
   * and in "why this price" for Bến Thành), one entry, the customer (account number), a group, and
   * its cable offer the contract prices (its "why this price" page names the contract to Bến Thành). */
  pricing: { list: { id: string; name: string }; entryId: string; customer: { id: string; accountNumber: string }; group: { id: string; name: string }; cableOfferId: string }
  /** Hà Nội Industrial Supply's cable drum for its Contractors group only: the offer, its product's
   * page, and its price as pages print it (shown to Bến Thành, in the group, and to no one else). */
  restricted: { offerId: string; productSlug: string; price: string }
  /** People: a sales member of Hà Nội Industrial Supply, the buyer of Bến Thành (their
   * memberships), and Bến Thành's Đà Nẵng branch (whose people its parent's admins keep). */
  people: { seller: string; buyer: string; branch: string }
  /** A quote request Bến Thành's admin sent Sông Hồng Electric; its message is the secret. */
  quoteRequest: { id: string; message: string }
  /** Bến Thành's approval rule (its name is on its approvals page) and its buyer (name on its
   * spending and approvals pages; limit per month 200,000,000 ₫ on its spending page). */
  approvals: { rule: { id: string; name: string }; buyer: { id: string; name: string } }
  /** Bến Thành's orders of the demo world (PO BT-2026-0117): Hà Nội Industrial Supply's (shipped)
   * and Saigon Parts' (placed); a checkout of its admin waiting for approval (its PO is the
   * secret of the approver's queue); and a line in its admin's cart (its SKU, on the cart page). */
  /** A commission rate of the operator's (an override, which could be removed). */
  commissionRateId: string
  orders: { po: string; hanoi: { id: string; number: string; invoiceId: string }; saigon: { id: string; number: string; invoiceId: string }; pending: { checkoutId: string; orderId: string; po: string }; cartLine: { id: string; sku: string } }
  /** A card checkout of Marina Bay Builders waiting for its payment (its PO is on its pay page), and
   * Merlion Pumps' connected Stripe account (its id is on Merlion's Card payments page). */
  /** A card checkout waiting for payment; Merlion's connected account and a payout of it (its amount as its balance page shows it). */
  card: { checkoutId: string; paymentId: string; po: string; merlionAccount: string; payout: string }
  /** A notification of Bến Thành's admin and one of Hà Nội Industrial Supply's admin: their titles (shown on each one's notifications page). */
  notifications: { buyer: string; seller: string }
}

export interface Probe {
  /** The route module, as its file is named under apps/<app>/app/routes (without extension). */
  route: string
  name: string
  app: AppName
  method: 'GET' | 'POST'
  path: (w: World) => string
  form?: (w: World) => Record<string, string>
  /** A file sent with the form (multipart). */
  file?: { field: string; name: string; mimeType: string; bytes: () => Buffer }
  /**
   * `denied`: 403/404/410 (anonymous may also be sent to the login page).
   * `own`: the route serves the prober's own data; anything but a 5xx, without the secret.
   */
  expect: 'denied' | 'own'
  /** Text of the target tenant that must never appear in the answer. */
  secret: (w: World) => string
  /** Who probes, in addition to anonymous: a member of another organization, by email. */
  outsider: string
  /**
   * Where the target's owner sees the secret (this row's path unless another is named); the test
   * checks that it does, so a refusal proves something. Null on pages that show no tenant data
   * to anyone (public pages, and those that exist for no one, such as a buyer's storefront).
   */
  owner: { as: string; app?: AppName; path?: (w: World) => string } | null
  /** For writes: what the write would change; it must read the same after the probe. */
  unchanged?: (w: World, em: EntityManager) => Promise<unknown>
}

const SELLER_OUTSIDER = 'admin@danangtrading.test' // a distributor admin, not of Hà Nội Industrial Supply
/** Writes to one's own storefront go through a seller whose storefront no other test changes. */
const STOREFRONT_OUTSIDER = 'admin@mekongpumps.test'
const BUYER_OUTSIDER = 'admin@haiphongshipyard.test' // a buyer admin, not of Bến Thành
const MAKER_OUTSIDER = 'admin@mekongpumps.test' // a manufacturer admin, not of Sông Hồng
const HANOI = 'admin@hanoisupply.test'
const SONGHONG = 'admin@songhong.test'
const BENTHANH = 'admin@benthanh.test'
const OPERATOR = 'operator@tradepost.test'
const sellerSecret = (w: World) => w.invitation.seller.email
const buyerSecret = (w: World) => w.invitation.buyer.email
const draftName = (w: World) => w.draft.name
/** The draft is seen by its manufacturer on the portal's product list. */
const draftOwner = { as: SONGHONG, app: 'portal' as const, path: () => '/products' }

// What writes would change, read back after each probe.
const invitationState = (id: (w: World) => string) => async (w: World, em: EntityManager) => {
  const i = await em.fork().findOneOrFail(Invitation, { id: id(w) })
  return { revokedAt: i.revokedAt, acceptedAt: i.acceptedAt }
}
const productState = async (w: World, em: EntityManager) => {
  const p = await em.fork().findOneOrFail(Product, { id: w.draft.id })
  return { status: p.status, mpn: p.mpn, nameEn: p.nameEn }
}
const offerState = async (w: World, em: EntityManager) => {
  const o = await em.fork().findOne(Offer, { id: w.offer.id })
  return o && [o.sku, o.status, o.priceAmount, o.visibleTo, o.priceOnRequest, o.updatedAt.toISOString()]
}
const membershipState = (id: (w: World) => string) => async (w: World, em: EntityManager) => (await em.fork().findOne(Membership, { id: id(w) }))?.role ?? null
const quoteRequestsFor = (offerId: (w: World) => string) => async (w: World, em: EntityManager) => em.fork().count(QuoteRequest, { offerId: offerId(w) })
const warehouseState = async (w: World, em: EntityManager) => {
  const h = await em.fork().findOneOrFail(Warehouse, { id: w.warehouse.id })
  return [h.name, h.city, h.subdivisionCode, h.latitude, h.longitude]
}
const benThanhLimits = async (w: World, em: EntityManager) =>
  (await em.fork().find(SpendingLimit, { organizationId: w.org['ben-thanh-construction']! }, { orderBy: { id: 'asc' } })).map((l) => [l.userId, l.period, l.amount])
const ruleState = async (w: World, em: EntityManager) => {
  const r = await em.fork().findOne(ApprovalRule, { id: w.approvals.rule.id })
  return r && [r.name, r.minTotal, r.active, JSON.stringify(r.steps), r.updatedAt.toISOString()]
}
const rulesOfOutsider = async (_w: World, em: EntityManager) => {
  const org = await em.fork().findOneOrFail(Organization, { slug: 'haiphong-shipyard' })
  return em.fork().count(ApprovalRule, { organizationId: org.id })
}
const shipToState = async (w: World, em: EntityManager) => {
  const row = await em.fork().findOne(ShipTo, { id: w.shipTo.id })
  return row ? [row.name, row.city, row.latitude, row.longitude] : null
}
/** The outsider's own choice of ship-to address (a refused choice leaves it as it was). */
const chosenShipTos = async (_w: World, em: EntityManager) => {
  const user = await em.fork().findOneOrFail(User, { email: BUYER_OUTSIDER })
  return (await em.fork().find(Membership, { userId: user.id })).map((m) => [m.organizationId, m.shipToId ?? null])
}
const customerState = async (w: World, em: EntityManager) => {
  const c = await em.fork().findOne(Customer, { id: w.pricing.customer.id })
  return c && [c.accountNumber, c.groupId, c.approved]
}
const groupsOfHanoi = async (w: World, em: EntityManager) => (await em.fork().find(CustomerGroup, { organizationId: w.org['hanoi-industrial-supply']! }, { orderBy: { id: 'asc' } })).map((g) => [g.id, g.name])
const priceListState = async (w: World, em: EntityManager) => {
  const l = await em.fork().findOne(PriceList, { id: w.pricing.list.id })
  return l && [l.name, l.scope, l.priority, l.active, l.updatedAt.toISOString(), await em.fork().count(PriceListEntry, { priceListId: l.id }), await em.fork().count(PriceListTarget, { priceListId: l.id })]
}
const targetsOfCustomer = async (w: World, em: EntityManager) => em.fork().count(PriceListTarget, { customerId: w.pricing.customer.id })
const CABLE = '/p/sh-cu-2x2-5'
const productImages = async (w: World, em: EntityManager) => em.fork().count(ProductImage, { productId: w.draft.id })
const orgStatus = (slug: string) => async (w: World, em: EntityManager) => (await em.fork().findOneOrFail(Organization, { id: w.org[slug]! })).status
const hanoiStorefront = async (w: World, em: EntityManager) => {
  const s = await em.fork().findOneOrFail(Storefront, { organizationId: w.org['hanoi-industrial-supply']! })
  return [s.taglineEn, s.primaryColor, s.logoKey, s.bannerKey, s.hostname, s.hostnameVerifiedAt]
}
/** Invitations of an organization to the probe's own address (other tests invite people into the same companies meanwhile). */
const invitationsOf = (slug: string, email: string) => async (w: World, em: EntityManager) => em.fork().count(Invitation, { organizationId: w.org[slug]!, email })
/** What accepting an invitation changes: the accepted ones (other tests invite people into the same companies meanwhile). */
const acceptedInvitationsOf = (slug: string) => async (w: World, em: EntityManager) => em.fork().count(Invitation, { organizationId: w.org[slug]!, acceptedAt: { $ne: null } })
const importsOf = (slug: string) => async (w: World, em: EntityManager) => em.fork().count(ImportJob, { organizationId: w.org[slug]! })
const userState = (email: string) => async (_w: World, em: EntityManager) => {
  const u = await em.fork().findOneOrFail(User, { email }, { populate: ['passwordHash'] })
  return [u.passwordHash, u.name]
}

const orderState = (id: (w: World) => string) => async (w: World, em: EntityManager) => {
  const o = await em.fork().findOneOrFail(Order, { id: id(w) })
  return [o.status, o.carrier ?? null, o.trackingNumber ?? null, o.updatedAt.toISOString()]
}
const pendingState = async (w: World, em: EntityManager) => {
  const c = await em.fork().findOneOrFail(Checkout, { id: w.orders.pending.checkoutId })
  return [c.approvalsDone, (await em.fork().findOneOrFail(Order, { id: w.orders.pending.orderId })).status]
}
const cartLineState = async (w: World, em: EntityManager) => {
  const l = await em.fork().findOne(CartLine, { id: w.orders.cartLine.id })
  return l && [l.quantity, l.seenUnitAmount]
}
const invoiceState = (id: (w: World) => string) => async (w: World, em: EntityManager) => {
  const i = await em.fork().findOneOrFail(Invoice, { id: id(w) })
  return [i.status, i.paidAt?.toISOString() ?? null, i.updatedAt.toISOString()]
}
const paymentState = async (w: World, em: EntityManager) => {
  const p = await em.fork().findOneOrFail(Payment, { id: w.card.paymentId })
  return [p.status, p.intentId ?? null, p.lastError ?? null, p.paidAt?.toISOString() ?? null]
}
const merlionAccount = async (w: World, em: EntityManager) => (await em.fork().find(PaymentAccount, { organizationId: w.org['merlion-pumps']! })).map((a) => [a.providerAccountId, a.transfers, a.updatedAt.toISOString()])
const notificationsOf = (email: string) => async (_w: World, em: EntityManager) => {
  const user = await em.fork().findOneOrFail(User, { email })
  return (await em.fork().find(Notification, { userId: user.id }, { orderBy: { id: 'asc' } })).map((n) => [n.id, n.readAt?.toISOString() ?? null])
}
const commissionRates = async (_w: World, em: EntityManager) => (await em.fork().find(CommissionRate, {}, { orderBy: { id: 'asc' } })).map((r) => [r.id, r.sellerOrgId ?? null, r.categoryId ?? null, r.rateBp])
const cartOf = (slug: string) => async (w: World, em: EntityManager) => em.fork().count(CartLine, { buyerOrgId: w.org[slug]! })
const ordersOf = (slug: string) => async (w: World, em: EntityManager) => em.fork().count(Order, { buyerOrgId: w.org[slug]! })

export const PROBES: Probe[] = [
  // Orders, carts and checkout: a buyer never sees another company's; a seller only its own.
  { route: 'orders._index', name: 'orders another seller received', app: 'portal', method: 'GET', path: () => '/orders', expect: 'own', secret: (w) => w.orders.hanoi.number, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'orders._index', name: 'orders another seller received, filtered', app: 'portal', method: 'GET', path: () => '/orders?status=shipped', expect: 'own', secret: (w) => w.orders.hanoi.number, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'orders.$id', name: 'an order another seller received', app: 'portal', method: 'GET', path: (w) => `/orders/${w.orders.hanoi.id}`, expect: 'denied', secret: (w) => w.orders.po, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'orders.$id', name: 'an order still waiting for the buyer\'s approval, as its seller', app: 'portal', method: 'GET', path: (w) => `/orders/${w.orders.pending.orderId}`, expect: 'denied', secret: (w) => w.orders.pending.po, outsider: HANOI, owner: { as: BENTHANH, app: 'market' } },
  ...(['confirm', 'ship', 'deliver', 'complete', 'cancel'] as const).map((intent): Probe => ({ route: 'orders.$id', name: `${intent} an order another seller received`, app: 'portal', method: 'POST', path: (w) => `/orders/${w.orders.hanoi.id}`, form: () => ({ intent, carrier: 'Probe Express', trackingNumber: 'PROBE-1' }), expect: 'denied', secret: (w) => w.orders.po, outsider: SELLER_OUTSIDER, owner: null, unchanged: orderState((w) => w.orders.hanoi.id) })),
  { route: 'commission', name: 'commission rates as a seller', app: 'portal', method: 'GET', path: () => '/commission', expect: 'denied', secret: () => 'Every other sale (default)', outsider: SELLER_OUTSIDER, owner: { as: OPERATOR } },
  { route: 'commission', name: 'set the commission as a seller', app: 'portal', method: 'POST', path: () => '/commission', form: () => ({ intent: 'save', percent: '0' }), expect: 'denied', secret: () => 'Every other sale (default)', outsider: SELLER_OUTSIDER, owner: null, unchanged: commissionRates },
  { route: 'commission', name: 'remove a commission rate as a seller', app: 'portal', method: 'POST', path: () => '/commission', form: (w) => ({ intent: 'delete', rateId: w.commissionRateId }), expect: 'denied', secret: () => 'Every other sale (default)', outsider: SELLER_OUTSIDER, owner: null, unchanged: commissionRates },
  { route: 'authorizations', name: 'set a territory share as a distributor', app: 'portal', method: 'POST', path: () => '/authorizations', form: () => ({ intent: 'share', percent: '50' }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: async (w, em) => (await em.fork().findOneOrFail(Organization, { id: w.org['song-hong-electric']! })).territoryShareBp },
  { route: 'checkout_.$id.pay', name: 'another company\'s card payment', app: 'market', method: 'GET', path: (w) => `/checkout/${w.card.checkoutId}/pay`, expect: 'denied', secret: (w) => w.card.po, outsider: BUYER_OUTSIDER, owner: { as: 'admin@marinabay.test' } },
  { route: 'checkout_.$id.pay', name: 'pay another company\'s card checkout', app: 'market', method: 'POST', path: (w) => `/checkout/${w.card.checkoutId}/pay`, form: (w) => ({ paymentId: w.card.paymentId, card: 'pm_card_visa' }), expect: 'denied', secret: (w) => w.card.po, outsider: BUYER_OUTSIDER, owner: null, unchanged: paymentState },
  { route: 'webhooks.stripe', name: 'a Stripe event with a forged signature', app: 'market', method: 'POST', path: () => '/webhooks/stripe', form: (w) => ({ id: 'evt_forged', type: 'payment_intent.succeeded', payment_id: w.card.paymentId }), expect: 'own', secret: (w) => w.card.po, outsider: BUYER_OUTSIDER, owner: null, unchanged: paymentState },
  { route: 'payments', name: 'another seller\'s Stripe connection', app: 'portal', method: 'GET', path: () => '/payments', expect: 'own', secret: (w) => w.card.merlionAccount, outsider: SELLER_OUTSIDER, owner: { as: 'admin@merlionpumps.test' } },
  { route: 'payments', name: 'start Stripe onboarding (one\'s own, in a country Stripe does not serve)', app: 'portal', method: 'POST', path: () => '/payments', form: () => ({ intent: 'onboard' }), expect: 'own', secret: (w) => w.card.merlionAccount, outsider: SELLER_OUTSIDER, owner: null, unchanged: merlionAccount },
  { route: 'notifications', name: 'another company\'s notifications', app: 'market', method: 'GET', path: () => '/notifications', expect: 'own', secret: (w) => w.notifications.buyer, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'notifications', name: 'mark notifications read (one\'s own only)', app: 'market', method: 'POST', path: () => '/notifications', form: () => ({ intent: 'read' }), expect: 'own', secret: (w) => w.notifications.buyer, outsider: BUYER_OUTSIDER, owner: null, unchanged: notificationsOf(BENTHANH) },
  { route: 'notifications', name: 'another seller\'s notifications', app: 'portal', method: 'GET', path: () => '/notifications', expect: 'own', secret: (w) => w.notifications.seller, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'notifications', name: 'mark notifications read in the portal (one\'s own only)', app: 'portal', method: 'POST', path: () => '/notifications', form: () => ({ intent: 'read' }), expect: 'own', secret: (w) => w.notifications.seller, outsider: SELLER_OUTSIDER, owner: null, unchanged: notificationsOf(HANOI) },
  { route: 'balance', name: 'another seller\'s ledger balance', app: 'portal', method: 'GET', path: () => '/balance', expect: 'own', secret: (w) => w.orders.hanoi.number, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'balance', name: 'another seller\'s payouts to its bank', app: 'portal', method: 'GET', path: () => '/balance', expect: 'own', secret: (w) => w.card.payout, outsider: SELLER_OUTSIDER, owner: { as: 'admin@merlionpumps.test' } },
  { route: 'balance', name: 'the ledger balance as a member who is not an admin', app: 'portal', method: 'GET', path: () => '/balance', expect: 'denied', secret: (w) => w.orders.hanoi.number, outsider: 'sales@hanoisupply.test', owner: { as: HANOI } },
  { route: 'invoices._index', name: 'invoices another seller issued', app: 'portal', method: 'GET', path: () => '/invoices', expect: 'own', secret: (w) => w.orders.hanoi.number, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'invoices._index', name: 'overdue invoices of another seller', app: 'portal', method: 'GET', path: () => '/invoices?status=open', expect: 'own', secret: (w) => w.orders.hanoi.number, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'invoices.$id', name: 'an invoice another seller issued', app: 'portal', method: 'GET', path: (w) => `/invoices/${w.orders.hanoi.invoiceId}`, expect: 'denied', secret: (w) => w.orders.po, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'invoices.$id', name: 'mark another seller\'s invoice paid', app: 'portal', method: 'POST', path: (w) => `/invoices/${w.orders.hanoi.invoiceId}`, form: () => ({ intent: 'paid' }), expect: 'denied', secret: (w) => w.orders.po, outsider: SELLER_OUTSIDER, owner: null, unchanged: invoiceState((w) => w.orders.hanoi.invoiceId) },
  { route: 'invoices.$id', name: 'mark paid an invoice issued to one\'s own buying company, as the seller that is not its issuer', app: 'portal', method: 'POST', path: (w) => `/invoices/${w.orders.saigon.invoiceId}`, form: () => ({ intent: 'paid' }), expect: 'denied', secret: (w) => w.orders.po, outsider: HANOI, owner: null, unchanged: invoiceState((w) => w.orders.saigon.invoiceId) },
  { route: 'invoices.$id.pdf', name: 'the PDF of an invoice another seller issued', app: 'portal', method: 'GET', path: (w) => `/invoices/${w.orders.hanoi.invoiceId}/pdf`, expect: 'denied', secret: (w) => w.orders.po, outsider: SELLER_OUTSIDER, owner: { as: HANOI, path: (w) => `/invoices/${w.orders.hanoi.invoiceId}` } },
  { route: 'invoices.$id.pdf', name: 'the PDF of an invoice another company received', app: 'market', method: 'GET', path: (w) => `/invoices/${w.orders.saigon.invoiceId}/pdf`, expect: 'denied', secret: (w) => w.orders.po, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH, path: (w) => `/invoices/${w.orders.saigon.invoiceId}` } },
  { route: 'invoices._index', name: 'invoices another company received', app: 'market', method: 'GET', path: () => '/invoices', expect: 'own', secret: (w) => w.orders.hanoi.number, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'invoices._index', name: 'buyer invoices as a seller', app: 'market', method: 'GET', path: () => '/invoices', expect: 'denied', secret: (w) => w.orders.hanoi.number, outsider: SELLER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'invoices.$id', name: 'an invoice another company received', app: 'market', method: 'GET', path: (w) => `/invoices/${w.orders.saigon.invoiceId}`, expect: 'denied', secret: (w) => w.orders.po, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'cart', name: 'the cart of another company\'s person', app: 'market', method: 'GET', path: () => '/cart', expect: 'own', secret: (w) => w.orders.cartLine.sku, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'cart', name: 'a cart as a seller', app: 'market', method: 'GET', path: () => '/cart', expect: 'denied', secret: (w) => w.orders.cartLine.sku, outsider: SELLER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'cart', name: 'change the quantity of another person\'s cart line', app: 'market', method: 'POST', path: () => '/cart', form: (w) => ({ intent: 'quantity', lineId: w.orders.cartLine.id, quantity: '7' }), expect: 'denied', secret: (w) => w.orders.cartLine.sku, outsider: BUYER_OUTSIDER, owner: null, unchanged: cartLineState },
  { route: 'cart', name: 'remove another person\'s cart line', app: 'market', method: 'POST', path: () => '/cart', form: (w) => ({ intent: 'remove', lineId: w.orders.cartLine.id }), expect: 'denied', secret: (w) => w.orders.cartLine.sku, outsider: BUYER_OUTSIDER, owner: null, unchanged: cartLineState },
  { route: 'cart', name: 'accept the prices of one\'s own cart', app: 'market', method: 'POST', path: () => '/cart', form: () => ({ intent: 'accept' }), expect: 'own', secret: (w) => w.orders.cartLine.sku, outsider: BUYER_OUTSIDER, owner: null, unchanged: cartLineState },
  { route: 'cart', name: 'quick order of an offer restricted to another company', app: 'market', method: 'POST', path: () => '/cart', form: () => ({ intent: 'quick', lines: 'HNIS-CU4-DRUM 1' }), expect: 'own', secret: (w) => w.restricted.price, outsider: BUYER_OUTSIDER, owner: null, unchanged: cartOf('haiphong-shipyard') },
  { route: 'p.$slug', name: 'add an offer restricted to another company to the cart', app: 'market', method: 'POST', path: (w) => `/p/${w.restricted.productSlug}`, form: (w) => ({ intent: 'cart', offerId: w.restricted.offerId, quantity: '1' }), expect: 'denied', secret: (w) => w.restricted.price, outsider: BUYER_OUTSIDER, owner: null, unchanged: cartOf('haiphong-shipyard') },
  { route: 'checkout', name: 'checkout of another company\'s person', app: 'market', method: 'GET', path: () => '/checkout', expect: 'own', secret: (w) => w.shipTo.name, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'checkout', name: 'check out to another company\'s ship-to address', app: 'market', method: 'POST', path: () => '/checkout', form: (w) => ({ token: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', shipToId: w.shipTo.id, poNumber: 'PROBE' }), expect: 'own', secret: (w) => w.shipTo.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: ordersOf('haiphong-shipyard') },
  { route: 'orders._index', name: 'another company\'s orders', app: 'market', method: 'GET', path: () => '/orders', expect: 'own', secret: (w) => w.orders.po, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'orders._index', name: 'buyer orders as a seller', app: 'market', method: 'GET', path: () => '/orders', expect: 'denied', secret: (w) => w.orders.po, outsider: SELLER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'orders.$id', name: 'another company\'s order', app: 'market', method: 'GET', path: (w) => `/orders/${w.orders.saigon.id}`, expect: 'denied', secret: (w) => w.orders.po, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'orders.$id', name: 'cancel another company\'s order', app: 'market', method: 'POST', path: (w) => `/orders/${w.orders.saigon.id}`, form: () => ({ intent: 'cancel' }), expect: 'denied', secret: (w) => w.orders.po, outsider: BUYER_OUTSIDER, owner: null, unchanged: orderState((w) => w.orders.saigon.id) },
  { route: 'orders.$id', name: 'reorder another company\'s order', app: 'market', method: 'POST', path: (w) => `/orders/${w.orders.saigon.id}`, form: () => ({ intent: 'reorder' }), expect: 'denied', secret: (w) => w.orders.po, outsider: BUYER_OUTSIDER, owner: null, unchanged: cartOf('haiphong-shipyard') },
  { route: 'orders.approvals', name: 'another company\'s approval queue', app: 'market', method: 'GET', path: () => '/orders/approvals', expect: 'own', secret: (w) => w.orders.pending.po, outsider: BUYER_OUTSIDER, owner: { as: 'approver@benthanh.test' } },
  ...(['approve', 'reject'] as const).map((intent): Probe => ({ route: 'orders.approvals', name: `${intent} another company\'s checkout`, app: 'market', method: 'POST', path: () => '/orders/approvals', form: (w) => ({ intent, checkoutId: w.orders.pending.checkoutId, comment: 'probe' }), expect: 'denied', secret: (w) => w.orders.pending.po, outsider: BUYER_OUTSIDER, owner: null, unchanged: pendingState })),

  // Seller portal
  { route: '_index', name: 'dashboard', app: 'portal', method: 'GET', path: () => '/', expect: 'own', secret: () => 'Hà Nội Industrial Supply', outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'members', name: 'members list', app: 'portal', method: 'GET', path: () => '/members', expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'members', name: 'invite into one\'s own organization', app: 'portal', method: 'POST', path: () => '/members', form: () => ({ intent: 'invite', email: 'probe.invite@example.test', role: 'sales' }), expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: invitationsOf('hanoi-industrial-supply', 'probe.invite@example.test') },
  { route: 'members', name: 'change the role of another organization\'s member', app: 'portal', method: 'POST', path: () => '/members', form: (w) => ({ intent: 'role', membershipId: w.people.seller, role: 'admin' }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: membershipState((w) => w.people.seller) },
  { route: 'members', name: 'remove another organization\'s member', app: 'portal', method: 'POST', path: () => '/members', form: (w) => ({ intent: 'remove', membershipId: w.people.seller }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: membershipState((w) => w.people.seller) },
  { route: 'members', name: 'remove another organization\'s member, confirmed', app: 'portal', method: 'POST', path: () => '/members', form: (w) => ({ intent: 'removeConfirmed', membershipId: w.people.seller }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: membershipState((w) => w.people.seller) },
  { route: 'members', name: 'revoke another organization\'s invitation', app: 'portal', method: 'POST', path: () => '/members', form: (w) => ({ intent: 'revoke', invitationId: w.invitation.seller.id }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: invitationState((w) => w.invitation.seller.id) },
  { route: 'organizations._index', name: 'operator: organization list', app: 'portal', method: 'GET', path: () => '/organizations?status=active', expect: 'denied', secret: (w) => w.org['hanoi-industrial-supply']!, outsider: SELLER_OUTSIDER, owner: { as: OPERATOR } },
  { route: 'organizations.$id', name: 'operator: organization detail', app: 'portal', method: 'GET', path: (w) => `/organizations/${w.org['hanoi-industrial-supply']}`, expect: 'denied', secret: (w) => w.hanoiAdminName, outsider: SELLER_OUTSIDER, owner: { as: OPERATOR } },
  { route: 'organizations.$id', name: 'operator: suspend an organization', app: 'portal', method: 'POST', path: (w) => `/organizations/${w.org['hanoi-industrial-supply']}`, form: () => ({ transition: 'suspend' }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: orgStatus('hanoi-industrial-supply') },
  { route: 'organizations.$id', name: 'operator: approve a storefront host name', app: 'portal', method: 'POST', path: (w) => `/organizations/${w.org['hanoi-industrial-supply']}`, form: () => ({ intent: 'approveHost' }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: hanoiStorefront },
  { route: 'audit', name: 'audit log filtered to another organization', app: 'portal', method: 'GET', path: (w) => `/audit?organizationId=${w.org['hanoi-industrial-supply']}`, expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'audit[.csv]', name: 'audit export filtered to another organization', app: 'portal', method: 'GET', path: (w) => `/audit.csv?organizationId=${w.org['hanoi-industrial-supply']}`, expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: { as: HANOI, path: () => '/audit.csv' } },
  { route: 'switch-org', name: 'switch to an organization one is not a member of', app: 'portal', method: 'POST', path: () => '/switch-org', form: (w) => ({ organizationId: w.org['hanoi-industrial-supply']!, redirectTo: '/' }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: orgStatus('hanoi-industrial-supply') },
  { route: 'switch-org', name: 'switch to a buyer organization from the portal', app: 'portal', method: 'POST', path: () => '/switch-org', form: (w) => ({ organizationId: w.org['ben-thanh-construction']!, redirectTo: '/' }), expect: 'denied', secret: buyerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: orgStatus('ben-thanh-construction') },
  { route: 'products._index', name: 'product list', app: 'portal', method: 'GET', path: () => '/products', expect: 'own', secret: draftName, outsider: MAKER_OUTSIDER, owner: { as: SONGHONG } },
  { route: 'products.$id', name: 'another manufacturer\'s draft product', app: 'portal', method: 'GET', path: (w) => `/products/${w.draft.id}`, expect: 'denied', secret: draftName, outsider: MAKER_OUTSIDER, owner: { as: SONGHONG } },
  { route: 'products.$id', name: 'publish another manufacturer\'s product', app: 'portal', method: 'POST', path: (w) => `/products/${w.draft.id}`, form: () => ({ intent: 'publish' }), expect: 'denied', secret: draftName, outsider: MAKER_OUTSIDER, owner: null, unchanged: productState },
  { route: 'products.$id', name: 'unpublish another manufacturer\'s product', app: 'portal', method: 'POST', path: (w) => `/products/${w.draft.id}`, form: () => ({ intent: 'unpublish' }), expect: 'denied', secret: draftName, outsider: MAKER_OUTSIDER, owner: null, unchanged: productState },
  {
    route: 'products.$id', name: 'add an image to another manufacturer\'s product', app: 'portal', method: 'POST', path: (w) => `/products/${w.draft.id}`, form: () => ({ intent: 'image' }),
    file: { field: 'image', name: 'x.png', mimeType: 'image/png', bytes: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]) },
    expect: 'denied', secret: draftName, outsider: MAKER_OUTSIDER, owner: null, unchanged: productImages,
  },
  { route: 'products.$id', name: 'edit another manufacturer\'s product', app: 'portal', method: 'POST', path: (w) => `/products/${w.draft.id}`, form: (w) => ({ intent: 'save', mpn: 'HIJACK-1', nameEn: 'x', nameVi: 'x', categoryId: w.draftCategory }), expect: 'denied', secret: draftName, outsider: MAKER_OUTSIDER, owner: null, unchanged: productState },
  { route: 'offers._index', name: 'offer list', app: 'portal', method: 'GET', path: () => '/offers', expect: 'own', secret: () => 'HNIS-MCB2P63', outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'offers._index', name: 'offer list searched for another seller\'s SKU', app: 'portal', method: 'GET', path: (w) => `/offers?q=${w.offer.sku}`, expect: 'own', secret: (w) => w.offer.id, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'offers._index', name: 'pause another seller\'s offers in bulk', app: 'portal', method: 'POST', path: () => '/offers?index', form: (w) => ({ intent: 'pause', offerIds: w.offer.id }), expect: 'own', secret: (w) => w.offer.sku, outsider: SELLER_OUTSIDER, owner: null, unchanged: offerState },
  { route: 'offers.$id', name: 'another seller\'s offer', app: 'portal', method: 'GET', path: (w) => `/offers/${w.offer.id}`, expect: 'denied', secret: (w) => w.offer.sku, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'offers.$id', name: 'edit another seller\'s offer', app: 'portal', method: 'POST', path: (w) => `/offers/${w.offer.id}`, form: (w) => ({ productId: w.draft.id, sku: w.offer.sku, price: '1', currency: 'VND' }), expect: 'denied', secret: (w) => w.offer.sku, outsider: SELLER_OUTSIDER, owner: null, unchanged: offerState },
  { route: 'offers.$id', name: 'pause another seller\'s offer', app: 'portal', method: 'POST', path: (w) => `/offers/${w.offer.id}`, form: () => ({ intent: 'pause' }), expect: 'denied', secret: (w) => w.offer.sku, outsider: SELLER_OUTSIDER, owner: null, unchanged: offerState },
  { route: 'offers.$id', name: 'activate another seller\'s offer', app: 'portal', method: 'POST', path: (w) => `/offers/${w.offer.id}`, form: () => ({ intent: 'activate' }), expect: 'denied', secret: (w) => w.offer.sku, outsider: SELLER_OUTSIDER, owner: null, unchanged: offerState },
  { route: 'offers.$id', name: 'delete another seller\'s offer', app: 'portal', method: 'POST', path: (w) => `/offers/${w.offer.id}`, form: () => ({ intent: 'delete' }), expect: 'denied', secret: (w) => w.offer.sku, outsider: SELLER_OUTSIDER, owner: null, unchanged: offerState },
  { route: 'offers.$id', name: 'restrict another seller\'s offer, or price it on request', app: 'portal', method: 'POST', path: (w) => `/offers/${w.offer.id}`, form: () => ({ intent: 'exposure', audience: 'everyone', priceOnRequest: 'on' }), expect: 'denied', secret: (w) => w.offer.sku, outsider: SELLER_OUTSIDER, owner: null, unchanged: offerState },
  { route: 'offerable-products[.json]', name: 'another manufacturer\'s draft in the offer form\'s product picker', app: 'portal', method: 'GET', path: (w) => `/offerable-products.json?q=${encodeURIComponent(w.draft.mpn)}`, expect: 'own', secret: draftName, outsider: SELLER_OUTSIDER, owner: { as: SONGHONG, path: (w) => `/offerable-products.json?q=${encodeURIComponent(w.draft.mpn)}` } },
  { route: 'offer-skus[.json]', name: 'another seller\'s SKUs in the price entry\'s picker', app: 'portal', method: 'GET', path: () => '/offer-skus.json?q=HNIS', expect: 'own', secret: (w) => w.offer.sku, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'quotes', name: 'quote requests another seller received', app: 'portal', method: 'GET', path: () => '/quotes', expect: 'own', secret: (w) => w.quoteRequest.message, outsider: MAKER_OUTSIDER, owner: { as: SONGHONG } },
  { route: 'offers.$id', name: 'delete another seller\'s offer, confirmed', app: 'portal', method: 'POST', path: (w) => `/offers/${w.offer.id}`, form: () => ({ intent: 'deleteConfirmed' }), expect: 'denied', secret: (w) => w.offer.sku, outsider: SELLER_OUTSIDER, owner: null, unchanged: offerState },
  { route: 'offers.$id', name: 'offer on another manufacturer\'s draft', app: 'portal', method: 'POST', path: () => '/offers/new', form: (w) => ({ productId: w.draft.id, sku: 'PROBE-DRAFT-1', price: '100', currency: 'VND' }), expect: 'own', secret: draftName, outsider: SELLER_OUTSIDER, owner: null, unchanged: async (w, em) => em.fork().count(Offer, { productId: w.draft.id }) },
  { route: 'warehouses', name: 'warehouse list', app: 'portal', method: 'GET', path: () => '/warehouses', expect: 'own', secret: (w) => w.warehouse.name, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'warehouses', name: 'open another seller\'s warehouse in the form', app: 'portal', method: 'GET', path: (w) => `/warehouses?edit=${w.warehouse.id}`, expect: 'own', secret: (w) => w.warehouse.name, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'warehouses', name: 'edit another seller\'s warehouse', app: 'portal', method: 'POST', path: () => '/warehouses', form: (w) => ({ id: w.warehouse.id, name: 'Hijacked', city: 'x', subdivisionCode: 'VN-DN' }), expect: 'denied', secret: (w) => w.warehouse.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: warehouseState },
  { route: 'storefront', name: 'storefront settings', app: 'portal', method: 'GET', path: () => '/storefront', expect: 'own', secret: (w) => w.tagline, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'storefront', name: 'save storefront settings', app: 'portal', method: 'POST', path: () => '/storefront', form: () => ({ primaryColor: '#000000', accentColor: '#ffffff', taglineEn: 'Probe tagline' }), expect: 'own', secret: (w) => w.tagline, outsider: STOREFRONT_OUTSIDER, owner: null, unchanged: hanoiStorefront },
  { route: 'storefront', name: 'upload a storefront logo', app: 'portal', method: 'POST', path: () => '/storefront', form: () => ({ intent: 'uploadImage', slot: 'logo' }), file: { field: 'image', name: 'logo.gif', mimeType: 'image/gif', bytes: () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1') }, expect: 'own', secret: (w) => w.tagline, outsider: STOREFRONT_OUTSIDER, owner: null, unchanged: hanoiStorefront },
  { route: 'storefront', name: 'ask for a host name check', app: 'portal', method: 'POST', path: () => '/storefront', form: () => ({ intent: 'checkHost' }), expect: 'own', secret: (w) => w.tagline, outsider: STOREFRONT_OUTSIDER, owner: null, unchanged: hanoiStorefront },
  { route: 'storefront', name: 'remove a storefront banner', app: 'portal', method: 'POST', path: () => '/storefront', form: () => ({ intent: 'removeImage', slot: 'banner' }), expect: 'own', secret: (w) => w.tagline, outsider: STOREFRONT_OUTSIDER, owner: null, unchanged: hanoiStorefront },
  { route: 'brands', name: 'brand list', app: 'portal', method: 'GET', path: () => '/brands', expect: 'own', secret: (w) => w.secretBrand, outsider: MAKER_OUTSIDER, owner: { as: SONGHONG } },
  { route: 'brands', name: 'create a brand as a distributor', app: 'portal', method: 'POST', path: () => '/brands', form: () => ({ name: 'Hijack brand' }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER, owner: null, unchanged: async (_w, em) => em.fork().count(Brand, { name: 'Hijack brand' }) },
  { route: 'brands', name: 'set the logo of another manufacturer\'s brand', app: 'portal', method: 'POST', path: () => '/brands', form: (w) => ({ intent: 'uploadLogo', brandId: w.brand }), expect: 'denied', secret: sellerSecret, outsider: MAKER_OUTSIDER, owner: null, unchanged: async (w, em) => (await em.fork().findOneOrFail(Brand, { id: w.brand })).logoKey ?? null },
  { route: 'authorizations', name: 'authorizations list', app: 'portal', method: 'GET', path: () => '/authorizations', expect: 'own', secret: (w) => w.territory, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  {
    route: 'authorizations', name: 'authorize oneself for another manufacturer\'s brand', app: 'portal', method: 'POST', path: () => '/authorizations', form: (w) => ({ brandId: w.brand, distributorId: w.org['da-nang-trading']!, subdivisions: 'VN-DN' }),
    expect: 'own', secret: sellerSecret, outsider: MAKER_OUTSIDER, owner: null, unchanged: async (w, em) => em.fork().count(DistributorAuthorization, { brandId: w.brand }),
  },
  { route: 'imports._index', name: 'import history', app: 'portal', method: 'GET', path: () => '/imports', expect: 'own', secret: (w) => w.importJob.filename, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'imports._index', name: 'upload without a file', app: 'portal', method: 'POST', path: () => '/imports', form: () => ({ kind: 'offers' }), expect: 'own', secret: (w) => w.importJob.filename, outsider: SELLER_OUTSIDER, owner: null, unchanged: importsOf('hanoi-industrial-supply') },
  { route: 'imports.$id', name: 'another seller\'s import', app: 'portal', method: 'GET', path: (w) => `/imports/${w.importJob.id}`, expect: 'denied', secret: (w) => w.importJob.filename, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'imports.$id.errors[.csv]', name: 'another seller\'s import errors', app: 'portal', method: 'GET', path: (w) => `/imports/${w.importJob.id}/errors.csv`, expect: 'denied', secret: () => 'SECRET-LINE', outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'price-lists[.csv]', name: 'price export', app: 'portal', method: 'GET', path: () => '/price-lists.csv', expect: 'own', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'offers[.csv]', name: 'offer export', app: 'portal', method: 'GET', path: () => '/offers.csv', expect: 'own', secret: () => 'HNIS-MCB2P63', outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'products[.csv]', name: 'product export', app: 'portal', method: 'GET', path: () => '/products.csv', expect: 'own', secret: draftName, outsider: MAKER_OUTSIDER, owner: { as: SONGHONG } },
  { route: 'media.$id', name: 'image of another manufacturer\'s draft', app: 'portal', method: 'GET', path: (w) => `/media/${w.draftImage.id}`, expect: 'denied', secret: (w) => w.draftImage.marker, outsider: MAKER_OUTSIDER, owner: { as: SONGHONG } },
  { route: 'media.$id', name: 'image of a draft product', app: 'market', method: 'GET', path: (w) => `/media/${w.draftImage.id}`, expect: 'denied', secret: (w) => w.draftImage.marker, outsider: BUYER_OUTSIDER, owner: { as: SONGHONG, app: 'portal' } },
  { route: 'customers', name: 'customer list', app: 'portal', method: 'GET', path: () => '/customers', expect: 'own', secret: (w) => w.pricing.customer.accountNumber, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'customers', name: 'open another seller\'s customer in the form', app: 'portal', method: 'GET', path: (w) => `/customers?edit=${w.pricing.customer.id}`, expect: 'own', secret: (w) => w.pricing.customer.accountNumber, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'customers', name: 'what another seller\'s customer pays, and why', app: 'portal', method: 'GET', path: (w) => `/customers?customer=${w.pricing.customer.id}&sku=HNIS-CU25`, expect: 'own', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'customers', name: 'customer groups', app: 'portal', method: 'GET', path: () => '/customers', expect: 'own', secret: (w) => w.pricing.group.name, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'customers', name: 'add a buyer company as one\'s own customer', app: 'portal', method: 'POST', path: () => '/customers', form: (w) => ({ intent: 'add', buyerId: w.org['haiphong-shipyard']! }), expect: 'own', secret: (w) => w.pricing.customer.accountNumber, outsider: SELLER_OUTSIDER, owner: null, unchanged: customerState },
  { route: 'customers', name: 'add a seller as a customer', app: 'portal', method: 'POST', path: () => '/customers', form: (w) => ({ intent: 'add', buyerId: w.org['hanoi-industrial-supply']! }), expect: 'denied', secret: (w) => w.pricing.customer.accountNumber, outsider: SELLER_OUTSIDER, owner: null, unchanged: async (w, em) => em.fork().count(Customer, { buyerId: w.org['hanoi-industrial-supply']! }) },
  { route: 'customers', name: 'save one\'s own customer with another seller\'s group', app: 'portal', method: 'POST', path: () => '/customers', form: (w) => ({ intent: 'save', buyerId: w.org['ben-thanh-construction']!, groupId: w.pricing.group.id, accountNumber: 'HIJACK', approved: 'on' }), expect: 'own', secret: (w) => w.pricing.customer.accountNumber, outsider: SELLER_OUTSIDER, owner: null, unchanged: async (w, em) => em.fork().count(Customer, { groupId: w.pricing.group.id }) },
  { route: 'customers', name: 'remove another seller\'s customer', app: 'portal', method: 'POST', path: () => '/customers', form: (w) => ({ intent: 'remove', customerId: w.pricing.customer.id }), expect: 'denied', secret: (w) => w.pricing.customer.accountNumber, outsider: SELLER_OUTSIDER, owner: null, unchanged: customerState },
  { route: 'customers', name: 'remove another seller\'s customer, confirmed', app: 'portal', method: 'POST', path: () => '/customers', form: (w) => ({ intent: 'removeConfirmed', customerId: w.pricing.customer.id }), expect: 'denied', secret: (w) => w.pricing.customer.accountNumber, outsider: SELLER_OUTSIDER, owner: null, unchanged: customerState },
  { route: 'customers', name: 'add a group to one\'s own seller', app: 'portal', method: 'POST', path: () => '/customers', form: () => ({ intent: 'group', name: 'Probe group' }), expect: 'own', secret: (w) => w.pricing.group.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: groupsOfHanoi },
  { route: 'customers', name: 'delete another seller\'s group', app: 'portal', method: 'POST', path: () => '/customers', form: (w) => ({ intent: 'deleteGroup', groupId: w.pricing.group.id }), expect: 'denied', secret: (w) => w.pricing.group.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: groupsOfHanoi },
  { route: 'customers', name: 'delete another seller\'s group, confirmed', app: 'portal', method: 'POST', path: () => '/customers', form: (w) => ({ intent: 'deleteGroupConfirmed', groupId: w.pricing.group.id }), expect: 'denied', secret: (w) => w.pricing.group.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: groupsOfHanoi },
  { route: 'price-lists._index', name: 'price lists', app: 'portal', method: 'GET', path: () => '/price-lists', expect: 'own', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'price-lists.$id', name: 'another seller\'s price list', app: 'portal', method: 'GET', path: (w) => `/price-lists/${w.pricing.list.id}`, expect: 'denied', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'price-lists.$id', name: 'change another seller\'s price list', app: 'portal', method: 'POST', path: (w) => `/price-lists/${w.pricing.list.id}`, form: () => ({ intent: 'save', name: 'Hijacked', currency: 'VND', scope: 'everyone', priority: '9', active: 'on' }), expect: 'denied', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: priceListState },
  { route: 'price-lists.$id', name: 'set a price in another seller\'s list', app: 'portal', method: 'POST', path: (w) => `/price-lists/${w.pricing.list.id}`, form: () => ({ intent: 'entry', sku: 'HNIS-MCB1P32', 'tiers[0].minQty': '1', 'tiers[0].price': '1' }), expect: 'denied', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: priceListState },
  { route: 'price-lists.$id', name: 'remove a price from another seller\'s list', app: 'portal', method: 'POST', path: (w) => `/price-lists/${w.pricing.list.id}`, form: (w) => ({ intent: 'removeEntry', entryId: w.pricing.entryId }), expect: 'denied', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: priceListState },
  { route: 'price-lists.$id', name: 'delete another seller\'s price list', app: 'portal', method: 'POST', path: (w) => `/price-lists/${w.pricing.list.id}`, form: () => ({ intent: 'delete' }), expect: 'denied', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: priceListState },
  { route: 'price-lists.$id', name: 'delete another seller\'s price list, confirmed', app: 'portal', method: 'POST', path: (w) => `/price-lists/${w.pricing.list.id}`, form: () => ({ intent: 'deleteConfirmed' }), expect: 'denied', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: priceListState },
  { route: 'price-lists.$id', name: 'a contract of one\'s own for another seller\'s customer', app: 'portal', method: 'POST', path: () => '/price-lists/new', form: (w) => ({ intent: 'save', name: 'Probe contract', currency: 'VND', scope: 'contract', customers: w.pricing.customer.id, active: 'on' }), expect: 'own', secret: (w) => w.pricing.list.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: targetsOfCustomer },
  // Marketplace
  { route: 'p.$slug', name: 'another company\'s contract price on a product page', app: 'market', method: 'GET', path: () => CABLE, expect: 'own', secret: (w) => w.pricing.list.name, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'search', name: 'another company\'s contract price in search', app: 'market', method: 'GET', path: () => '/search?q=HNIS-CU25', expect: 'own', secret: () => '1,390,000', outsider: BUYER_OUTSIDER, owner: { as: 'buyer.danang@benthanh.test' } },
  { route: 's.$slug', name: 'storefront of a buyer company (none)', app: 'market', method: 'GET', path: () => '/s/ben-thanh-construction', expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: null },
  { route: 's.$slug', name: 'storefront never shows drafts', app: 'market', method: 'GET', path: () => '/s/song-hong-electric', expect: 'own', secret: draftName, outsider: BUYER_OUTSIDER, owner: draftOwner },
  { route: 's.$slug_.images.$slot', name: 'storefront logo of a buyer company (none)', app: 'market', method: 'GET', path: () => '/s/ben-thanh-construction/images/logo', expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: null },
  { route: 'b.$slug_.logo', name: 'logo of a brand without one', app: 'market', method: 'GET', path: () => '/b/mekong/logo', expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: null },
  { route: 'b.$slug', name: 'brand page never shows drafts', app: 'market', method: 'GET', path: () => '/b/song-hong', expect: 'own', secret: draftName, outsider: BUYER_OUTSIDER, owner: draftOwner },
  { route: 'c.$slug', name: 'category page never shows drafts', app: 'market', method: 'GET', path: () => '/c/circuit-breakers', expect: 'own', secret: draftName, outsider: BUYER_OUTSIDER, owner: draftOwner },
  { route: 'search', name: 'search never shows drafts', app: 'market', method: 'GET', path: (w) => `/search?q=${encodeURIComponent(w.draft.mpn)}`, expect: 'own', secret: draftName, outsider: BUYER_OUTSIDER, owner: draftOwner },
  { route: 'p.$slug_.why.$offerId', name: 'another company\'s contract in an offer\'s "why this price"', app: 'market', method: 'GET', path: (w) => `${CABLE}/why/${w.pricing.cableOfferId}`, expect: 'own', secret: (w) => w.pricing.list.name, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'p.$slug_.why.$offerId', name: '"why this price" of an offer restricted to another company\'s group', app: 'market', method: 'GET', path: (w) => `/p/${w.restricted.productSlug}/why/${w.restricted.offerId}`, expect: 'denied', secret: (w) => w.restricted.price, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'p.$slug', name: 'an offer restricted to another company\'s group, on its product page', app: 'market', method: 'GET', path: (w) => `/p/${w.restricted.productSlug}`, expect: 'own', secret: (w) => w.restricted.price, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'search', name: 'an offer restricted to another company\'s group, in search', app: 'market', method: 'GET', path: () => '/search?q=drum', expect: 'own', secret: (w) => w.restricted.price, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'p.$slug', name: 'ask a quote on an offer restricted to another company', app: 'market', method: 'POST', path: (w) => `/p/${w.restricted.productSlug}`, form: (w) => ({ offerId: w.restricted.offerId, quantity: '3', message: 'probe' }), expect: 'denied', secret: (w) => w.restricted.price, outsider: BUYER_OUTSIDER, owner: null, unchanged: quoteRequestsFor((w) => w.restricted.offerId) },
  { route: 'p.$slug', name: 'product page of a draft', app: 'market', method: 'GET', path: (w) => `/p/${w.draft.slug}`, expect: 'denied', secret: draftName, outsider: BUYER_OUTSIDER, owner: draftOwner },
  { route: 'distributors[.json]', name: 'distributors as one types (public names only)', app: 'portal', method: 'GET', path: () => '/distributors.json?q=Trading', expect: 'own', secret: (w) => w.draft.name, outsider: SELLER_OUTSIDER, owner: null },
  { route: 'sellers[.json]', name: 'sellers as one types (public names only)', app: 'market', method: 'GET', path: () => '/sellers.json?q=Industrial', expect: 'own', secret: (w) => w.draft.name, outsider: BUYER_OUTSIDER, owner: null },
  { route: 'account.spending', name: 'spending limits of another buyer company', app: 'market', method: 'GET', path: () => '/account/spending', expect: 'own', secret: () => '200000000', outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.spending', name: 'people of another buyer company on the spending page', app: 'market', method: 'GET', path: () => '/account/spending', expect: 'own', secret: (w) => w.approvals.buyer.name, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.spending', name: 'spending limits as a seller', app: 'market', method: 'GET', path: () => '/account/spending', expect: 'denied', secret: (w) => w.approvals.buyer.name, outsider: SELLER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.spending', name: 'set a limit for another company\'s buyer', app: 'market', method: 'POST', path: () => '/account/spending', form: (w) => ({ organizationId: w.org['ben-thanh-construction']!, userId: w.approvals.buyer.id, currency: 'VND', perOrder: '1', perMonth: '' }), expect: 'denied', secret: (w) => w.approvals.buyer.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: benThanhLimits },
  { route: 'account.spending', name: 'lift another company\'s monthly limit', app: 'market', method: 'POST', path: () => '/account/spending', form: (w) => ({ organizationId: w.org['ben-thanh-construction']!, currency: 'VND', perMonth: '' }), expect: 'denied', secret: (w) => w.approvals.buyer.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: benThanhLimits },
  { route: 'account.spending', name: 'a limit in one\'s own company for another company\'s buyer', app: 'market', method: 'POST', path: () => '/account/spending', form: (w) => ({ organizationId: w.org['haiphong-shipyard']!, userId: w.approvals.buyer.id, currency: 'VND', perOrder: '1' }), expect: 'own', secret: (w) => w.approvals.buyer.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: async (w, em) => em.fork().count(SpendingLimit, { userId: w.approvals.buyer.id }) },
  { route: 'account.approvals', name: 'approval rules of another buyer company', app: 'market', method: 'GET', path: () => '/account/approvals', expect: 'own', secret: (w) => w.approvals.rule.name, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.approvals', name: 'open another company\'s approval rules', app: 'market', method: 'GET', path: (w) => `/account/approvals?company=${w.org['ben-thanh-construction']}`, expect: 'denied', secret: (w) => w.approvals.rule.name, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.approvals', name: 'open another company\'s rule in the form', app: 'market', method: 'GET', path: (w) => `/account/approvals?edit=${w.approvals.rule.id}`, expect: 'own', secret: (w) => w.approvals.rule.name, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.approvals', name: 'check an order as another company\'s buyer', app: 'market', method: 'GET', path: (w) => `/account/approvals?check=1&total=1&person=${w.approvals.buyer.id}`, expect: 'own', secret: (w) => w.approvals.buyer.name, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.approvals', name: 'approval rules as a seller', app: 'market', method: 'GET', path: () => '/account/approvals', expect: 'denied', secret: (w) => w.approvals.rule.name, outsider: SELLER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.approvals', name: 'add a rule to another company', app: 'market', method: 'POST', path: () => '/account/approvals', form: (w) => ({ intent: 'save', organizationId: w.org['ben-thanh-construction']!, name: 'Probe rule', currency: 'VND', 'steps[0]': 'admin', active: 'on' }), expect: 'denied', secret: (w) => w.approvals.rule.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: async (w, em) => em.fork().count(ApprovalRule, { organizationId: w.org['ben-thanh-construction']! }) },
  { route: 'account.approvals', name: 'change another company\'s rule', app: 'market', method: 'POST', path: () => '/account/approvals', form: (w) => ({ intent: 'save', id: w.approvals.rule.id, organizationId: w.org['haiphong-shipyard']!, name: 'Hijacked', currency: 'VND', 'steps[0]': 'admin' }), expect: 'denied', secret: (w) => w.approvals.rule.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: ruleState },
  { route: 'account.approvals', name: 'name another company\'s approver in one\'s own rule', app: 'market', method: 'POST', path: () => '/account/approvals', form: (w) => ({ intent: 'save', organizationId: w.org['haiphong-shipyard']!, name: 'Probe rule', currency: 'VND', 'steps[0]': w.approvals.buyer.id, active: 'on' }), expect: 'own', secret: (w) => w.approvals.rule.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: rulesOfOutsider },
  { route: 'account.approvals', name: 'delete another company\'s rule', app: 'market', method: 'POST', path: () => '/account/approvals', form: (w) => ({ intent: 'delete', ruleId: w.approvals.rule.id, organizationId: w.org['ben-thanh-construction']! }), expect: 'denied', secret: (w) => w.approvals.rule.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: ruleState },
  { route: 'account.approvals', name: 'delete another company\'s rule, confirmed', app: 'market', method: 'POST', path: () => '/account/approvals', form: (w) => ({ intent: 'deleteConfirmed', ruleId: w.approvals.rule.id, organizationId: w.org['haiphong-shipyard']! }), expect: 'denied', secret: (w) => w.approvals.rule.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: ruleState },
  { route: '_index', name: 'another seller\'s buying company on the dashboard', app: 'portal', method: 'GET', path: () => '/', expect: 'own', secret: () => 'Hà Nội Industrial Supply – Purchasing', outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'buying', name: 'make a buying company without being an admin', app: 'portal', method: 'POST', path: () => '/buying', form: () => ({}), expect: 'denied', secret: () => 'Hà Nội Industrial Supply – Purchasing', outsider: 'catalog@songhong.test', owner: null, unchanged: async (w, em) => em.fork().count(Organization, { buysForId: { $in: [w.org['song-hong-electric']!, w.org['hanoi-industrial-supply']!] } }) },
  { route: 'impersonate', name: 'act as a user of another seller\'s customer (the page)', app: 'portal', method: 'GET', path: (w) => `/impersonate?company=${w.org['ben-thanh-construction']}`, expect: 'denied', secret: (w) => w.approvals.buyer.name, outsider: SELLER_OUTSIDER, owner: { as: HANOI } },
  { route: 'impersonate', name: 'act as a user of another seller\'s customer', app: 'portal', method: 'POST', path: () => '/impersonate', form: (w) => ({ organizationId: w.org['ben-thanh-construction']!, userId: w.approvals.buyer.id, reason: 'Probing another seller\'s customer' }), expect: 'own', secret: (w) => w.approvals.buyer.name, outsider: SELLER_OUTSIDER, owner: null, unchanged: async (w, em) => em.fork().count(Impersonation, { userId: w.approvals.buyer.id }) },
  { route: 'impersonate.$token', name: 'a forged impersonation link', app: 'market', method: 'GET', path: () => '/impersonate/Zm9yZ2VkLWxpbmstdGhhdC1tYXRjaGVzLW5vdGhpbmc', expect: 'denied', secret: (w) => w.approvals.buyer.name, outsider: BUYER_OUTSIDER, owner: null },
  { route: 'impersonate.end', name: 'end an impersonation one is not in', app: 'market', method: 'POST', path: () => '/impersonate/end', form: () => ({}), expect: 'denied', secret: (w) => w.approvals.buyer.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: async (_w, em) => em.fork().count(Impersonation, { endedAt: { $ne: null } }) },
  { route: 'account.ship-to', name: 'ship-to addresses of another buyer company', app: 'market', method: 'GET', path: () => '/account/ship-to', expect: 'own', secret: (w) => w.shipTo.name, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.ship-to', name: 'ship-to addresses as a seller', app: 'market', method: 'GET', path: () => '/account/ship-to', expect: 'denied', secret: (w) => w.shipTo.name, outsider: SELLER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.ship-to', name: 'work from another company\'s ship-to address', app: 'market', method: 'POST', path: () => '/account/ship-to', form: (w) => ({ intent: 'choose', shipToId: w.shipTo.id }), expect: 'denied', secret: (w) => w.shipTo.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: chosenShipTos },
  { route: 'account.ship-to', name: 'remove another company\'s ship-to address', app: 'market', method: 'POST', path: () => '/account/ship-to', form: (w) => ({ intent: 'delete', shipToId: w.shipTo.id }), expect: 'denied', secret: (w) => w.shipTo.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: shipToState },
  { route: 'account.ship-to', name: 'edit another company\'s ship-to address', app: 'market', method: 'POST', path: () => '/account/ship-to', form: (w) => ({ id: w.shipTo.id, name: 'Taken over', city: 'Hà Nội', subdivisionCode: 'VN-HN' }), expect: 'denied', secret: (w) => w.shipTo.name, outsider: BUYER_OUTSIDER, owner: null, unchanged: shipToState },
  { route: 'account.members', name: 'buyer members list', app: 'market', method: 'GET', path: () => '/account/members', expect: 'own', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.members', name: 'buyer members list as a seller', app: 'market', method: 'GET', path: () => '/account/members', expect: 'denied', secret: buyerSecret, outsider: SELLER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.members', name: 'invite into one\'s own buyer company', app: 'market', method: 'POST', path: () => '/account/members', form: () => ({ intent: 'invite', email: 'probe.buyer@example.test', role: 'viewer' }), expect: 'own', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: null, unchanged: invitationsOf('ben-thanh-construction', 'probe.buyer@example.test') },
  { route: 'account.members', name: 'the people of another company\'s branch', app: 'market', method: 'GET', path: (w) => `/account/members?company=${w.people.branch}`, expect: 'denied', secret: () => 'buyer.danang@benthanh.test', outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  { route: 'account.members', name: 'invite into another company\'s branch', app: 'market', method: 'POST', path: (w) => `/account/members?company=${w.people.branch}`, form: () => ({ intent: 'invite', email: 'probe.branch@example.test', role: 'buyer' }), expect: 'denied', secret: () => 'buyer.danang@benthanh.test', outsider: BUYER_OUTSIDER, owner: null, unchanged: invitationsOf('ben-thanh-construction-da-nang', 'probe.branch@example.test') },
  { route: 'account.members', name: 'change the role of another company\'s buyer', app: 'market', method: 'POST', path: () => '/account/members', form: (w) => ({ intent: 'role', membershipId: w.people.buyer, role: 'admin' }), expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: null, unchanged: membershipState((w) => w.people.buyer) },
  { route: 'account.members', name: 'remove another company\'s buyer', app: 'market', method: 'POST', path: () => '/account/members', form: (w) => ({ intent: 'remove', membershipId: w.people.buyer }), expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: null, unchanged: membershipState((w) => w.people.buyer) },
  { route: 'account.members', name: 'remove another company\'s buyer, confirmed', app: 'market', method: 'POST', path: () => '/account/members', form: (w) => ({ intent: 'removeConfirmed', membershipId: w.people.buyer }), expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: null, unchanged: membershipState((w) => w.people.buyer) },
  { route: 'account.members', name: 'revoke another buyer\'s invitation', app: 'market', method: 'POST', path: () => '/account/members', form: (w) => ({ intent: 'revoke', invitationId: w.invitation.buyer.id }), expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: null, unchanged: invitationState((w) => w.invitation.buyer.id) },
  { route: 'switch-org', name: 'switch to another buyer organization', app: 'market', method: 'POST', path: () => '/switch-org', form: (w) => ({ organizationId: w.org['ben-thanh-construction']!, redirectTo: '/' }), expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER, owner: null, unchanged: orgStatus('ben-thanh-construction') },
  { route: '_index', name: 'home page never lists a brand with nothing published', app: 'market', method: 'GET', path: () => '/', expect: 'own', secret: (w) => w.secretBrand, outsider: BUYER_OUTSIDER, owner: { as: SONGHONG, app: 'portal', path: () => '/brands' } },
  { route: '_index', name: 'home page', app: 'market', method: 'GET', path: () => '/', expect: 'own', secret: () => 'Bến Thành Construction', outsider: BUYER_OUTSIDER, owner: { as: BENTHANH } },
  // Public pages and endpoints of both apps: whoever asks gets the same, never a tenant's data.
  ...(['market', 'portal'] as const).flatMap((app): Probe[] => {
    const secret = app === 'market' ? buyerSecret : sellerSecret
    const outsider = app === 'market' ? BUYER_OUTSIDER : SELLER_OUTSIDER
    const target = app === 'market' ? BENTHANH : HANOI
    const open = (route: string, path: string, extra: Partial<Probe> = {}): Probe => ({ route, name: `${route} (public)`, app, method: 'GET', path: () => path, expect: 'own', secret, outsider, owner: null, ...extra })
    const post = (route: string, path: string, form: Record<string, string>, extra: Partial<Probe> = {}): Probe => open(route, path, { name: `${route} (public, POST)`, method: 'POST', form: () => form, unchanged: userState(target), ...extra })
    return [
      open('login', '/login'),
      post('login', '/login', { email: target, password: 'not-the-password-1' }, { name: 'sign in as another with a wrong password' }),
      open('signup', '/signup'),
      post('signup', '/signup', { name: 'x', email: target, password: 'long-enough-123', organizationName: 'Probe Co', organizationKind: app === 'market' ? 'buyer' : 'distributor', country: 'VN' }, { name: 'sign up with another\'s email' }),
      open('forgot-password', '/forgot-password'),
      post('forgot-password', '/forgot-password', { email: target }, { name: 'ask a reset link for another' }),
      open('healthz', '/healthz'),
      open('readyz', '/readyz'),
      post('set-language', '/set-language', { lng: 'vi', redirectTo: '/' }),
      // (scope 'this': signing the outsider out everywhere would end the sessions other tests hold.)
      post('logout', '/logout', { scope: 'this' }),
      { route: 'invitations.$token', name: 'invitation with a forged token', app, method: 'GET', path: () => '/invitations/forged-token', expect: 'denied', secret, outsider, owner: null },
      { route: 'invitations.$token', name: 'accept with a forged token', app, method: 'POST', path: () => '/invitations/forged-token', form: () => ({ name: 'x', password: 'long-enough-1' }), expect: 'denied', secret, outsider, owner: null, unchanged: acceptedInvitationsOf(app === 'market' ? 'ben-thanh-construction' : 'hanoi-industrial-supply') },
      { route: 'reset-password.$token', name: 'reset page with a forged token', app, method: 'GET', path: () => '/reset-password/forged-token', expect: 'denied', secret, outsider, owner: null },
      { route: 'reset-password.$token', name: 'reset with a forged token', app, method: 'POST', path: () => '/reset-password/forged-token', form: () => ({ password: 'long-enough-1', confirm: 'long-enough-1' }), expect: 'denied', secret, outsider, owner: null, unchanged: userState(target) },
    ]
  }),
  // Development only: with production settings it exists for no one.
  { route: 'dev.mailbox', name: 'dev mailbox', app: 'portal', method: 'GET', path: () => '/dev/mailbox', expect: 'denied', secret: sellerSecret, outsider: OPERATOR, owner: null },
]
