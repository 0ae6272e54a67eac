import { AbilityBuilder, createMongoAbility, type InferSubjects, type MongoAbility } from '@casl/ability'
import { rulesToCondition } from '@casl/ability/extra'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { DistributorAuthorization } from '../catalog/authorization.entity.ts'
import { Brand } from '../catalog/brand.entity.ts'
import { Category } from '../catalog/category.entity.ts'
import { Product } from '../catalog/product.entity.ts'
import { ImportJob } from '../imports/import-job.entity.ts'
import { OfferStock } from '../offers/offer-stock.entity.ts'
import { Offer } from '../offers/offer.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Storefront } from '../organizations/storefront.entity.ts'
import { StorefrontView } from '../organizations/storefront-view.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { ApprovalRule } from '../companies/approval-rule.entity.ts'
import { ShipTo } from '../companies/ship-to.entity.ts'
import { SpendingLimit } from '../companies/spending-limit.entity.ts'
import { CustomerGroup } from '../pricing/customer-group.entity.ts'
import { Customer } from '../pricing/customer.entity.ts'
import { PriceList, PriceListEntry, PriceListTarget } from '../pricing/price-list.entity.ts'
import { Invoice } from '../invoices/invoice.entity.ts'
import { CommissionRate, LedgerEntry } from '../ledger/ledger.entity.ts'
import { ledgerRules } from '../ledger/ledger.policy.ts'
import { buyerInvoiceRules, operatorInvoiceRules, sellerInvoiceRules } from '../invoices/invoices.policy.ts'
import { CartLine } from '../orders/cart-line.entity.ts'
import { Notification } from '../notifications/notification.entity.ts'
import { Checkout, CheckoutApproval, Order, OrderLine } from '../orders/order.entity.ts'
import { buyerOrderRules, operatorOrderRules, sellerOrderRules } from '../orders/orders.policy.ts'
import { Payment, PaymentAccount, PaymentPayout, PaymentRefund, PaymentTransfer } from '../payments/payment.entity.ts'
import { buyerPaymentRules, operatorPaymentRules, sellerPaymentRules } from '../payments/payments.policy.ts'
import { QuoteRequest } from '../quotes/quote-request.entity.ts'
import { QUOTE_REQUEST_ROLES } from '../quotes/quotes.constants.ts'
import { Invitation } from '../users/invitation.entity.ts'
import { Membership } from '../users/membership.entity.ts'
import { ARRAY_FIELDS, audienceOf, offerReadRule } from '../offers/visibility.ts'
import type { Actor } from './actor.ts'

export type Action = 'manage' | 'read' | 'create' | 'update' | 'delete' | 'approve' | 'suspend' | 'operate' | 'impersonate' | 'cancel'
export type SubjectClass =
  | typeof Organization
  | typeof Membership
  | typeof Invitation
  | typeof AuditEvent
  | typeof Brand
  | typeof Category
  | typeof Product
  | typeof DistributorAuthorization
  | typeof Offer
  | typeof OfferStock
  | typeof Storefront
  | typeof ImportJob
  | typeof Warehouse
  | typeof ShipTo
  | typeof SpendingLimit
  | typeof ApprovalRule
  | typeof StorefrontView
  | typeof CustomerGroup
  | typeof Customer
  | typeof PriceList
  | typeof PriceListTarget
  | typeof PriceListEntry
  | typeof QuoteRequest
  | typeof CartLine
  | typeof Checkout
  | typeof CheckoutApproval
  | typeof Order
  | typeof OrderLine
  | typeof Invoice
  | typeof LedgerEntry
  | typeof CommissionRate
  | typeof PaymentAccount
  | typeof Notification
  | typeof Payment
  | typeof PaymentTransfer
  | typeof PaymentPayout
  | typeof PaymentRefund
export type Subject = InferSubjects<SubjectClass> | 'all'
export type AppAbility = MongoAbility<[Action, Subject]>

/** Roles that maintain a seller's catalog and offers. */
const CATALOG_ROLES = new Set(['admin', 'catalog_manager'])
const OFFER_ROLES = new Set(['admin', 'catalog_manager', 'sales'])
/** Roles that keep the places a seller ships from. */
const WAREHOUSE_ROLES = new Set(['admin', 'fulfillment'])
/** Roles that keep a seller's customers, groups and price lists. */
const PRICING_ROLES = new Set(['admin', 'sales'])
/** A seller's pricing: its customers, their groups, its price lists with their targets and entries. */
const PRICING_SUBJECTS = [CustomerGroup, Customer, PriceList, PriceListTarget, PriceListEntry]

/**
 * The ability of an actor, built once per distinct actor and kept: an ability depends on the actor
 * alone, and CASL indexes its rules and compiles their conditions on first use, which every
 * request paid again (the visitor's ability most of all, the same for everyone). Two actors share
 * one only when their JSON is the same in every field (user, organization, role, status, children,
 * audience). The least recently used goes first past a bound.
 */
export function abilityFor(actor: Actor): AppAbility {
  const key = JSON.stringify(actor)
  let ability = abilities.get(key)
  if (ability) {
    abilities.delete(key)
  } else {
    ability = defineAbilityFor(actor)
    if (abilities.size >= ABILITIES_MAX) abilities.delete(abilities.keys().next().value!)
  }
  abilities.set(key, ability)
  return ability
}

const abilities = new Map<string, AppAbility>()
const ABILITIES_MAX = 1_000

/**
 * The one place that says who may do what. Every rule on tenant data carries a condition on a
 * tenant column, so `accessibleWhere` can turn it into a query.
 */
export function defineAbilityFor(actor: Actor): AppAbility {
  const { can, cannot, build } = new AbilityBuilder<AppAbility>(createMongoAbility)

  // Everyone, signed in or not: the public profile of active sellers, the published catalog of
  // organizations that are not suspended, and the active offers of active sellers that are meant
  // for them (for everyone, or restricted to the viewer's company or customer group). Raw SQL and
  // search derive their filter from this rule (offers/visibility.ts).
  can('read', Organization, { status: 'active', kind: { $in: ['manufacturer', 'distributor'] } })
  can('read', [Brand, Category])
  can('read', Product, { status: 'published', ownerActive: true })
  can('read', Offer, offerReadRule(audienceOf(actor)))
  // Storefronts and "where to buy" (which distributor is authorized for a brand) are public.
  can('read', [Storefront, DistributorAuthorization])

  if (actor.userId) {
    // A user sees their own memberships, whatever the organization (the switcher lists them).
    can('read', Membership, { userId: actor.userId })
    // Their own notifications, and marking them read.
    can(['read', 'update'], Notification, { userId: actor.userId })
  }

  const m = actor.membership
  if (actor.userId && m) {
    const org = m.organizationId
    // Pending, rejected or suspended organizations: members may see its status, nothing else.
    can('read', Organization, { id: org })
    ledgerRules(can, org, m.role)
    if (m.organizationStatus === 'active') {
      can('read', Membership, { organizationId: org })
      if (m.role === 'admin') {
        can('update', Organization, { id: org })
        can(['read', 'create', 'delete'], Invitation, { organizationId: org })
        can(['update', 'delete'], Membership, { organizationId: org })
        can('read', AuditEvent, { organizationId: org })
      }
      const seller = m.organizationKind === 'manufacturer' || m.organizationKind === 'distributor'
      if (seller) {
        // Sellers see their own catalog (drafts included), offers, stock and authorizations.
        can('read', [Product, Offer, OfferStock, Warehouse, StorefrontView], { organizationId: org })
        if (WAREHOUSE_ROLES.has(m.role)) can(['create', 'update'], Warehouse, { organizationId: org })
        can('read', DistributorAuthorization, { organizationId: org })
        can('read', DistributorAuthorization, { distributorId: org })
        if (CATALOG_ROLES.has(m.role)) can(['create', 'update'], Product, { organizationId: org })
        if (OFFER_ROLES.has(m.role)) can(['create', 'update', 'delete'], [Offer, OfferStock], { organizationId: org })
        if (m.role === 'admin') can(['create', 'update'], Storefront, { organizationId: org })
        if (OFFER_ROLES.has(m.role)) can(['read', 'create'], ImportJob, { organizationId: org })
        // Its admins make its buying organization (decision 009), and every member sees it.
        if (m.role === 'admin') can('create', Organization, { kind: 'buyer', buysForId: org })
        can('read', Organization, { buysForId: org })
        // Active buyer companies by name: a seller finds the company it adds as a customer.
        can('read', Organization, { kind: 'buyer', status: 'active' })
        // Every member sees the seller's prices (sales staff quote them); admins and sales keep them.
        can('read', PRICING_SUBJECTS, { organizationId: org })
        if (PRICING_ROLES.has(m.role)) can(['create', 'update', 'delete'], PRICING_SUBJECTS, { organizationId: org })
        // Quote requests buyers sent the seller: every member reads them.
        can('read', QuoteRequest, { sellerOrgId: org })
        sellerOrderRules(can, org, m.role)
        sellerInvoiceRules(can, org, m.role)
        sellerPaymentRules(can, org, m.role)
        // Admins and sales staff may act as the people of their own customers (support, orders by phone).
        if (PRICING_ROLES.has(m.role)) can('impersonate', Customer, { organizationId: org })
      }
      if (m.organizationKind === 'buyer') {
        // A company's ship-to addresses: every member picks one as "near me"; its admins keep them.
        can('read', ShipTo, { organizationId: org })
        // Spending limits and approval rules govern every member's orders, so every member sees them.
        can('read', [SpendingLimit, ApprovalRule], { organizationId: org })
        if (m.role === 'admin') {
          can(['create', 'update', 'delete'], ShipTo, { organizationId: org })
          // A company's admins keep its limits and rules, and those of the companies below it.
          const companies = [org, ...(m.childOrganizationIds ?? [])]
          can(['read', 'create', 'update', 'delete'], [SpendingLimit, ApprovalRule], { organizationId: { $in: companies } })
          if (m.childOrganizationIds?.length) {
            // ...and their people: who works there, with which role, and who is invited.
            const children = { organizationId: { $in: [...m.childOrganizationIds] } }
            can('read', Organization, { id: { $in: [...m.childOrganizationIds] } })
            can(['read', 'update', 'delete'], Membership, children)
            can(['read', 'create', 'delete'], Invitation, children)
          }
        }
        // The company's quote requests: every member reads them; all but viewers ask for one.
        can('read', QuoteRequest, { buyerOrgId: org })
        if ((QUOTE_REQUEST_ROLES as readonly string[]).includes(m.role)) can('create', QuoteRequest, { buyerOrgId: org })
        // Otherwise roles approver, buyer and viewer differ only on orders: approve, place, only look.
        buyerOrderRules(can, actor, org, m.role)
        buyerInvoiceRules(can, org)
        buyerPaymentRules(can, org, m.role)
      }
      if (m.organizationKind === 'manufacturer' && CATALOG_ROLES.has(m.role)) {
        can(['create', 'update'], Brand, { organizationId: org })
        can(['create', 'delete'], DistributorAuthorization, { organizationId: org })
      }
      if (m.organizationKind === 'operator') {
        if (m.role === 'admin') can(['create', 'update'], Category)
        // 'operate': use the operator console at all.
        can(['read', 'operate'], Organization)
        can('read', [Membership, AuditEvent])
        // Support: every seller's offers, paused ones included (to answer "why can buyers not see it").
        can('read', Offer)
        operatorOrderRules(can)
        operatorInvoiceRules(can)
        operatorPaymentRules(can)
        // The marketplace's commission: support reads it, admins set it.
        can('read', CommissionRate)
        if (m.role === 'admin') can('update', CommissionRate)
        if (m.role === 'admin') can(['approve', 'suspend'], Organization)
        // Support acts as the people of any active buyer company.
        can('impersonate', Organization, { kind: 'buyer', status: 'active' })
      }
    }
  }

  // Acting as someone else: no passwords, invitations, roles, approvals, limits or rules, and no
  // impersonating further (password pages refuse impersonated sessions too).
  if (actor.impersonatorUserId) {
    cannot(['create', 'delete'], Invitation)
    cannot(['update', 'delete'], Membership)
    cannot(['create', 'update', 'delete'], [SpendingLimit, ApprovalRule])
    cannot(['approve', 'impersonate'], 'all')
    // Nobody pays with a company's card, or connects a seller's payouts, as someone else.
    cannot('update', [Payment, PaymentAccount])
  }

  return build({ detectSubjectType: (object) => object.constructor as SubjectClass })
}

/**
 * The ability as a MikroORM where-clause (CASL rules → Mongo-style conditions, which is
 * MikroORM's own query language). `null` means nothing is allowed: callers must deny and
 * never query with `{}`.
 */
export function accessibleWhere(ability: AppAbility, action: Action, subject: SubjectClass): Record<string, unknown> | null {
  return rulesToCondition(
    ability.rulesFor(action, subject),
    (rule) => {
      const conditions = rule.conditions && toSql(rule.conditions as Record<string, unknown>)
      return rule.inverted ? { $not: conditions } : (conditions as Record<string, unknown>)
    },
    {
      and: (conditions) => ({ $and: conditions }),
      or: (conditions) => (conditions.length === 1 ? conditions[0]! : { $or: conditions }),
      empty: () => ({}),
    },
  )
}

/** CASL's `$in` on an array column ("shares an element") is `$overlap` in MikroORM's language. */
function toSql(conditions: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(conditions).map(([field, value]) => {
      if (ARRAY_FIELDS.has(field) && value && typeof value === 'object' && '$in' in value) return [field, { $overlap: (value as { $in: unknown[] }).$in }]
      if (Array.isArray(value) && (field === '$and' || field === '$or')) return [field, value.map((v) => toSql(v as Record<string, unknown>))]
      return [field, value]
    }),
  )
}
