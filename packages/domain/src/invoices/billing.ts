// Paying on account: each seller's terms with a buyer company (its customer relationship), the
// credit it allows, and the invoice of every order placed. Placing checks the credit and issues
// the invoice in the placing transaction, under a lock on the relationship, so two checkouts at
// once never both spend the same credit.
import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.ts'
import { may, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { fail, ok, type Result } from '../errors.ts'
import { formatMoney, type Currency, type Money } from '../money.ts'
import { Order } from '../orders/order.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Invoice } from './invoice.entity.ts'
import { TERM_DAYS, type InvoiceFilter, type InvoiceTerms, type PaymentTerms } from './invoices.constants.ts'
import { dayInVietnam } from '../calendar.ts'
import { preparedRead, preparedWrite } from '../db/prepared.ts'
import { sqlArray } from '../db/sql-array.ts'

export interface SellerTerms {
  sellerId: string
  terms: PaymentTerms
  /** What the buyer may owe the seller at once (null: no limit). */
  creditLimit: Money | null
  /** Open invoices of the buyer with the seller, one amount per currency. */
  owed: Money[]
  /** Credit left in the limit's currency (null: no limit). */
  available: Money | null
}

export type CreditError = 'CREDIT_EXCEEDED' | 'CREDIT_CURRENCY'

/** A refusal inside a placing transaction (it rolls back whole). */
export class CreditRefused extends Error {
  readonly code: CreditError
  readonly params: Record<string, string>
  constructor(code: CreditError, params: Record<string, string>) {
    super(code)
    this.code = code
    this.params = params
  }
}

interface Relationship {
  terms: InvoiceTerms
  limit: Money | null
}

/** The day in Vietnam, `days` from now, as a calendar date. */
const dayInVietnamIn = (days: number) => dayInVietnam(Date.now() + days * 86_400_000)

/**
 * The buyer's relationship with each of these sellers (`lock`: locked, sellers in one order, so
 * concurrent checkouts lock alike). A company that is not (or not yet) a seller's approved
 * customer pays before the seller ships.
 */
async function relationships(ctx: Ctx, buyerId: string, sellerIds: string[], lock: boolean): Promise<(sellerId: string) => Relationship & { terms: PaymentTerms }> {
  const rows = await preparedRead<{ organization_id: string; payment_terms: PaymentTerms; credit_limit: string | null; credit_currency: Currency | null }>(
    ctx.em,
    `select organization_id, payment_terms, credit_limit, credit_currency from customer where buyer_id = ? and organization_id = any(?::uuid[]) and approved order by organization_id${lock ? ' for update' : ''}`,
    [buyerId, sqlArray(sellerIds)],
  )
  const found = new Map<string, Relationship & { terms: PaymentTerms }>(
    rows.map((r) => [r.organization_id, { terms: r.payment_terms, limit: r.credit_limit === null ? null : { amount: Number(r.credit_limit), currency: r.credit_currency! } }]),
  )
  return (sellerId) => found.get(sellerId) ?? { terms: 'prepaid', limit: null }
}

/** Open invoices of the buyer with each of these sellers: one amount per seller and currency. */
async function owedTo(ctx: Ctx, buyerId: string, sellerIds: string[]): Promise<{ sellerId: string; owed: Money }[]> {
  if (!sellerIds.length) return []
  const rows = await preparedRead<{ seller_org_id: string; currency: Currency; owed: string }>(
    ctx.em,
    `select seller_org_id, currency, sum(amount) as owed from invoice where buyer_org_id = ? and seller_org_id = any(?::uuid[]) and status = 'open' group by seller_org_id, currency order by currency`,
    [buyerId, sqlArray(sellerIds)],
  )
  return rows.map((r) => ({ sellerId: r.seller_org_id, owed: { amount: Number(r.owed), currency: r.currency } }))
}

/** The terms the actor's company has with each of these sellers (for the checkout page). */
export async function termsWithSellers(ctx: Ctx, buyerOrgId: string, sellerIds: string[]): Promise<SellerTerms[]> {
  const sellers = [...new Set(sellerIds)]
  if (!sellers.length) return []
  const relationshipOf = await relationships(ctx, buyerOrgId, sellers, false)
  const owed = await owedTo(ctx, buyerOrgId, sellers)
  return sellers.map((sellerId) => {
    const r = relationshipOf(sellerId)
    const owedHere = owed.filter((o) => o.sellerId === sellerId).map((o) => o.owed)
    const inLimit = r.limit ? (owedHere.find((m) => m.currency === r.limit!.currency)?.amount ?? 0) : 0
    return { sellerId, terms: r.terms, creditLimit: r.limit, owed: owedHere, available: r.limit ? { amount: Math.max(0, r.limit.amount - inLimit), currency: r.limit.currency } : null }
  })
}

/**
 * In a placing transaction, first: locks the buyer's relationship with each seller of these
 * orders (sellers in one order, whatever the checkout's order, so concurrent checkouts lock
 * alike) and checks each order on terms against the seller's credit. Returns the terms each
 * order is invoiced on, by order id. Throws `CreditRefused` when an order would go over the limit,
 * or is in another currency than the limit (never compared across currencies).
 */
export async function checkCredit(ctx: Ctx, orders: Order[]): Promise<Map<string, InvoiceTerms>> {
  const terms = new Map<string, InvoiceTerms>()
  // Paid by card at checkout: no credit is used, the invoice is paid when the card is.
  for (const o of orders) if (o.payBy === 'card') terms.set(o.id, 'card')
  const onTerms = orders.filter((o) => o.payBy !== 'card').sort((a, b) => a.sellerOrgId.localeCompare(b.sellerOrgId) || a.id.localeCompare(b.id))
  if (!onTerms.length) return terms
  const buyerOrgId = onTerms[0]!.buyerOrgId
  if (onTerms.some((o) => o.buyerOrgId !== buyerOrgId)) throw new Error('checkCredit: orders of one buyer at a time')
  const sellerIds = [...new Set(onTerms.map((o) => o.sellerOrgId))]
  const relationshipOf = await relationships(ctx, buyerOrgId, sellerIds, true)
  // What the buyer owes each seller with a limit, by currency: counted up as this checkout's orders are checked.
  const limited = sellerIds.filter((id) => relationshipOf(id).limit && relationshipOf(id).terms !== 'prepaid')
  const owed = new Map((await owedTo(ctx, buyerOrgId, limited)).map((o) => [`${o.sellerId}:${o.owed.currency}`, o.owed.amount]))
  for (const order of onTerms) {
    const r = relationshipOf(order.sellerOrgId)
    terms.set(order.id, r.terms)
    if (!r.limit || r.terms === 'prepaid') continue
    const key = `${order.sellerOrgId}:${order.currency}`
    const already = owed.get(key) ?? 0
    if (r.limit.currency !== order.currency || already + order.subtotal > r.limit.amount) {
      const seller = await ctx.em.findOneOrFail(Organization, { id: order.sellerOrgId })
      if (r.limit.currency !== order.currency) throw new CreditRefused('CREDIT_CURRENCY', { seller: seller.name, currency: r.limit.currency })
      throw new CreditRefused('CREDIT_EXCEEDED', { seller: seller.name, available: formatMoney({ amount: Math.max(0, r.limit.amount - already), currency: r.limit.currency }, ctx.locale) })
    }
    owed.set(key, already + order.subtotal)
  }
  return terms
}

/**
 * In a placing transaction, last: issues each order's invoice, numbered in its seller's own
 * sequence, in one statement. The sequence's row is the one lock every checkout with that seller
 * waits for, so it is taken last and held only until the commit.
 */
export async function issueInvoices(ctx: Ctx, orders: Order[], terms: Map<string, InvoiceTerms>): Promise<void> {
  if (!orders.length) return
  const sorted = [...orders].sort((a, b) => a.sellerOrgId.localeCompare(b.sellerOrgId) || a.id.localeCompare(b.id))
  const termsOf = (o: Order) => terms.get(o.id) ?? 'prepaid'
  await preparedWrite(
    ctx.em,
    `with wanted as (
       select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::text[], ?::text[]) with ordinality
         as w(id, order_id, seller_org_id, buyer_org_id, currency, amount, terms, due_date, n)
     ), counter as (
       insert into invoice_counter (seller_org_id, last)
       select seller_org_id, count(*) from wanted group by seller_org_id order by seller_org_id
       on conflict (seller_org_id) do update set last = invoice_counter.last + excluded.last
       returning seller_org_id, last
     ), numbered as (
       select w.*, c.last - count(*) over (partition by w.seller_org_id) + row_number() over (partition by w.seller_org_id order by w.n) as number
         from wanted w join counter c using (seller_org_id)
     )
     insert into invoice (id, number, order_id, seller_org_id, buyer_org_id, currency, amount, terms, due_date, status, paid_at, issued_at, updated_at)
     select id, 'INV-' || lpad(number::text, greatest(6, length(number::text)), '0'), order_id, seller_org_id, buyer_org_id, currency, amount, terms, due_date, 'open', null, now(), now()
       from numbered`,
    [
      sqlArray(sorted.map(() => randomUUID())),
      sqlArray(sorted.map((o) => o.id)),
      sqlArray(sorted.map((o) => o.sellerOrgId)),
      sqlArray(sorted.map((o) => o.buyerOrgId)),
      sqlArray(sorted.map((o) => o.currency)),
      sqlArray(sorted.map((o) => o.subtotal)),
      sqlArray(sorted.map(termsOf)),
      sqlArray(sorted.map((o) => dayInVietnamIn(TERM_DAYS[termsOf(o)]))),
    ],
  )
}

/** Checks the credit of orders being placed and issues their invoices (see `checkCredit` and `issueInvoices`). */
export async function invoiceOrders(ctx: Ctx, orders: Order[]): Promise<void> {
  await issueInvoices(ctx, orders, await checkCredit(ctx, orders))
}

/** An order that ends before it is delivered owes nothing: its open invoice is void. */
export async function voidInvoiceOf(ctx: Ctx, orderId: string): Promise<void> {
  await ctx.em.nativeUpdate(Invoice, { orderId, status: 'open' }, { status: 'void', updatedAt: new Date() })
}

/** Whether the order's invoice still waits for a payment the seller wants before shipping (prepaid terms, or a card not yet charged). */
export async function awaitingPrepayment(ctx: Ctx, orderId: string): Promise<boolean> {
  return (await ctx.em.count(Invoice, { orderId, terms: { $in: ['prepaid', 'card'] }, status: 'open' })) > 0
}

export interface InvoiceRowDto {
  id: string
  number: string
  orderId: string
  orderNumber: string
  seller: { id: string; name: string }
  buyer: { id: string; name: string }
  amount: Money
  terms: InvoiceTerms
  issuedAt: string
  dueDate: string
  status: Invoice['status']
  paidAt: string | null
  /** Open and past its due day. */
  overdue: boolean
}

export interface InvoiceDto extends InvoiceRowDto {
  seller: { id: string; name: string; country: string }
  buyer: { id: string; name: string; country: string }
  poNumber: string
  shipTo: Order['shipTo']
  lines: { sku: string; productName: { en: string; vi: string }; quantity: number; unit: Money; total: Money }[]
  canMarkPaid: boolean
}

async function toRows(ctx: Ctx, invoices: Invoice[]): Promise<InvoiceRowDto[]> {
  if (!invoices.length) return []
  const today = dayInVietnam()
  const [orgs, orders] = await Promise.all([
    ctx.em.find(Organization, { id: { $in: [...new Set(invoices.flatMap((i) => [i.sellerOrgId, i.buyerOrgId]))] } }),
    ctx.em.execute<{ id: string; number: string }[]>(`select id, number from orders where id = any(?::uuid[])`, [sqlArray(invoices.map((i) => i.orderId))]),
  ])
  const org = new Map(orgs.map((o) => [o.id, o.name]))
  const number = new Map(orders.map((o) => [o.id, o.number]))
  return invoices.map((i) => ({
    id: i.id,
    number: i.number,
    orderId: i.orderId,
    orderNumber: number.get(i.orderId) ?? '',
    seller: { id: i.sellerOrgId, name: org.get(i.sellerOrgId) ?? '' },
    buyer: { id: i.buyerOrgId, name: org.get(i.buyerOrgId) ?? '' },
    amount: { amount: i.amount, currency: i.currency },
    terms: i.terms,
    issuedAt: i.issuedAt.toISOString(),
    dueDate: i.dueDate,
    status: i.status,
    paidAt: i.paidAt ? i.paidAt.toISOString() : null,
    overdue: i.status === 'open' && i.dueDate < today,
  }))
}

/** The invoices the actor's company received (buyer) or issued (seller), newest first; `overdue` keeps the open ones past due. */
export async function listInvoices(ctx: Ctx, side: 'buyer' | 'seller', filter: { status?: InvoiceFilter } = {}): Promise<InvoiceRowDto[]> {
  const org = ctx.actor.membership?.organizationId
  if (!org) return []
  const where = {
    ...(side === 'buyer' ? { buyerOrgId: org } : { sellerOrgId: org }),
    ...(filter.status === 'overdue' ? { status: 'open' as const, dueDate: { $lt: dayInVietnam() } } : filter.status ? { status: filter.status } : {}),
  }
  return toRows(ctx, await scoped(ctx).find(Invoice, where, { orderBy: { issuedAt: 'desc', number: 'desc' }, limit: 200 }))
}

/** One invoice the actor may read, as its printable page shows it. */
export async function getInvoice(ctx: Ctx, id: string): Promise<InvoiceDto> {
  const invoice = await scoped(ctx).findOneOrThrow(Invoice, { id })
  const [[row], order, lines, orgs] = await Promise.all([
    toRows(ctx, [invoice]),
    ctx.em.findOneOrFail(Order, { id: invoice.orderId }),
    ctx.em.execute<{ sku: string; product_name: { en: string; vi: string }; quantity: number; unit_amount: string; line_total: string; currency: Currency }[]>(
      `select sku, product_name, quantity, unit_amount, line_total, currency from order_line where order_id = ? order by sku, id`,
      [invoice.orderId],
    ),
    ctx.em.find(Organization, { id: { $in: [invoice.sellerOrgId, invoice.buyerOrgId] } }),
  ])
  const country = new Map(orgs.map((o) => [o.id, o.country]))
  return {
    ...row!,
    seller: { ...row!.seller, country: country.get(invoice.sellerOrgId) ?? '' },
    buyer: { ...row!.buyer, country: country.get(invoice.buyerOrgId) ?? '' },
    poNumber: order.poNumber,
    shipTo: order.shipTo,
    lines: lines.map((l) => ({ sku: l.sku, productName: l.product_name, quantity: l.quantity, unit: { amount: Number(l.unit_amount), currency: l.currency }, total: { amount: Number(l.line_total), currency: l.currency } })),
    canMarkPaid: invoice.status === 'open' && invoice.terms !== 'card' && may(ctx, 'update', Invoice, { sellerOrgId: invoice.sellerOrgId }),
  }
}

/** The seller records that an open invoice of its own was paid. */
export async function markInvoicePaid(ctx: Ctx, id: string): Promise<Result<{ id: string }, 'STATUS_CHANGED'>> {
  return ctx.em.transactional(async (em) => {
    const tx: Ctx = { ...ctx, em }
    const invoice = await scoped(tx).findOneOrThrow(Invoice, { id, sellerOrgId: ctx.actor.membership?.organizationId ?? '' }, 'update')
    // A card invoice is paid by the card (the processor's event), never by hand.
    const changed = await em.nativeUpdate(Invoice, { id, status: 'open', terms: { $ne: 'card' } }, { status: 'paid', paidAt: new Date(), updatedAt: new Date() })
    if (changed !== 1) return fail('STATUS_CHANGED', { field: 'intent' })
    const details = { number: invoice.number, amount: { amount: invoice.amount, currency: invoice.currency } }
    recordAudit(tx, { organizationId: invoice.sellerOrgId, action: 'invoice.paid', subjectType: 'Invoice', subjectId: invoice.id, details })
    recordAudit(tx, { organizationId: invoice.buyerOrgId, action: 'invoice.paid', subjectType: 'Invoice', subjectId: invoice.id, details })
    await em.flush()
    return ok({ id })
  })
}
