// A seller's customers (buyer companies it has a relationship with) and its customer groups.
import { randomUUID } from 'node:crypto'
import { deleteAudited } from '../audit/delete-audited.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import type { PaymentTerms } from '../invoices/invoices.constants.ts'
import { parseMoney, type Currency, type Money, type ParseMoneyError } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { CustomerGroup } from './customer-group.entity.ts'
import { Customer } from './customer.entity.ts'
import type { CustomerGroupInput, CustomerInput } from './pricing.schemas.ts'
import { containsPattern } from '../text.ts'

/** The seller the actor works for; pricing belongs to sellers only. */
export function sellerOf(ctx: Ctx): string {
  const m = ctx.actor.membership
  if (!m || (m.organizationKind !== 'manufacturer' && m.organizationKind !== 'distributor')) throw new DomainError('forbidden', 'FORBIDDEN')
  return m.organizationId
}

export interface CustomerDto {
  id: string
  buyer: { id: string; name: string; slug: string }
  groupId: string | null
  groupName: string | null
  accountNumber: string | null
  approved: boolean
  paymentTerms: PaymentTerms
  creditLimit: Money | null
}

export interface CustomerGroupDto {
  id: string
  name: string
  customerCount: number
}

/** The seller's customers by company name, with their group. */
export async function listMyCustomers(ctx: Ctx): Promise<CustomerDto[]> {
  const seller = sellerOf(ctx)
  const customers = await scoped(ctx).find(Customer, { organizationId: seller })
  if (!customers.length) return []
  const [buyers, groups] = await Promise.all([
    ctx.em.find(Organization, { id: { $in: customers.map((c) => c.buyerId) } }),
    scoped(ctx).find(CustomerGroup, { organizationId: seller }),
  ])
  const buyerById = new Map(buyers.map((b) => [b.id, b]))
  const groupById = new Map(groups.map((g) => [g.id, g]))
  return customers
    .map((c) => {
      const b = buyerById.get(c.buyerId)!
      return { id: c.id, buyer: { id: b.id, name: b.name, slug: b.slug }, groupId: c.groupId ?? null, groupName: c.groupId ? (groupById.get(c.groupId)?.name ?? null) : null, accountNumber: c.accountNumber ?? null, approved: c.approved, ...creditOf(c) }
    })
    .sort((a, b) => a.buyer.name.localeCompare(b.buyer.name) || a.id.localeCompare(b.id))
}

/** The seller's customer groups by name, with how many customers each holds. */
export async function listMyCustomerGroups(ctx: Ctx): Promise<CustomerGroupDto[]> {
  const seller = sellerOf(ctx)
  const [groups, customers] = await Promise.all([scoped(ctx).find(CustomerGroup, { organizationId: seller }, { orderBy: { name: 'asc' } }), scoped(ctx).find(Customer, { organizationId: seller })])
  const counts = new Map<string, number>()
  for (const c of customers) if (c.groupId) counts.set(c.groupId, (counts.get(c.groupId) ?? 0) + 1)
  return groups.map((g) => ({ id: g.id, name: g.name, customerCount: counts.get(g.id) ?? 0 }))
}

/**
 * Active buyer companies whose name contains the text, for a seller adding a customer: at most
 * `limit`, each marked when it is a customer already. Searched on the server, so the picker
 * scales to any number of companies.
 */
export async function findBuyerCompanies(ctx: Ctx, text: string, limit = 20): Promise<{ id: string; name: string; slug: string; country: string; customer: boolean }[]> {
  const seller = sellerOf(ctx)
  const q = text.trim()
  if (q.length < 2) return []
  const like = containsPattern(q)
  const companies = await scoped(ctx).find(Organization, { kind: 'buyer', status: 'active', $or: [{ name: { $ilike: like } }, { slug: { $ilike: like } }] }, { orderBy: { name: 'asc' }, limit })
  const existing = new Set((companies.length ? await scoped(ctx).find(Customer, { organizationId: seller, buyerId: { $in: companies.map((c) => c.id) } }) : []).map((c) => c.buyerId))
  return companies.map((c) => ({ id: c.id, name: c.name, slug: c.slug, country: c.country, customer: existing.has(c.id) }))
}

const creditOf = (c: Customer): { paymentTerms: PaymentTerms; creditLimit: Money | null } => ({ paymentTerms: c.paymentTerms, creditLimit: c.creditLimit != null && c.creditCurrency ? { amount: c.creditLimit, currency: c.creditCurrency } : null })

/** Adds a buyer company as a customer, or changes its group, account number, approval, payment terms or credit limit. */
export async function saveCustomer(ctx: Ctx, input: CustomerInput): Promise<Result<CustomerDto, 'COMPANY_UNKNOWN' | 'GROUP_UNKNOWN' | ParseMoneyError>> {
  const seller = sellerOf(ctx)
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const buyer = await scoped(tx).findOne(Organization, { id: input.buyerId, kind: 'buyer', status: 'active' })
    if (!buyer) return fail('COMPANY_UNKNOWN', { field: 'buyerId' })
    if (input.groupId && !(await scoped(tx).findOne(CustomerGroup, { id: input.groupId, organizationId: seller }))) return fail('GROUP_UNKNOWN', { field: 'groupId' })
    let row = await scoped(tx).findOne(Customer, { organizationId: seller, buyerId: buyer.id }, 'update')
    // The credit limit is in the seller's own currency (amounts are never converted).
    let credit: { creditLimit: number | null; creditCurrency: Currency | null } | undefined
    if (input.paymentTerms) {
      const { defaultCurrency } = await em.findOneOrFail(Organization, { id: seller })
      if (!input.creditLimit) credit = { creditLimit: null, creditCurrency: null }
      else {
        const parsed = parseMoney(input.creditLimit, defaultCurrency)
        if (!parsed.ok) return fail(parsed.code, { field: 'creditLimit' })
        credit = { creditLimit: parsed.value.amount, creditCurrency: parsed.value.currency }
      }
    }
    const fields = { groupId: input.groupId ?? null, accountNumber: input.accountNumber ?? null, approved: input.approved, ...(input.paymentTerms ? { paymentTerms: input.paymentTerms, ...credit } : {}) }
    if (row) {
      authorize(tx, 'update', row)
      em.assign(row, fields)
    } else {
      authorizeType(tx, 'create', Customer)
      row = em.create(Customer, { id: randomUUID(), organizationId: seller, buyerId: buyer.id, ...fields })
      authorize(tx, 'create', row)
    }
    recordAudit(tx, { organizationId: seller, action: 'customer.saved', subjectType: 'Customer', subjectId: row.id, details: { company: buyer.name, ...fields } })
    await em.flush()
    return ok({ id: row.id, buyer: { id: buyer.id, name: buyer.name, slug: buyer.slug }, groupId: row.groupId ?? null, groupName: null, accountNumber: row.accountNumber ?? null, approved: row.approved, ...creditOf(row) })
  })
}

/** Ends the relationship: its company, group and contract prices no longer apply to that company. */
export async function removeCustomer(ctx: Ctx, id: string): Promise<void> {
  await deleteAudited(ctx, Customer, id, (row) => ({ action: 'customer.removed', subjectType: 'Customer', details: { buyerId: row.buyerId } }))
}

export async function saveCustomerGroup(ctx: Ctx, input: CustomerGroupInput): Promise<Result<CustomerGroupDto, never>> {
  const seller = sellerOf(ctx)
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    let row: CustomerGroup
    if (input.id) {
      row = await scoped(tx).findOneOrThrow(CustomerGroup, { id: input.id, organizationId: seller }, 'update')
      authorize(tx, 'update', row)
      row.name = input.name
    } else {
      authorizeType(tx, 'create', CustomerGroup)
      row = em.create(CustomerGroup, { id: randomUUID(), organizationId: seller, name: input.name })
      authorize(tx, 'create', row)
    }
    recordAudit(tx, { organizationId: seller, action: 'customer_group.saved', subjectType: 'CustomerGroup', subjectId: row.id, details: { name: row.name } })
    await em.flush()
    return ok({ id: row.id, name: row.name, customerCount: 0 })
  })
}

/** Removes a group: its customers are in no group then, and lists for it lose that target. */
export async function deleteCustomerGroup(ctx: Ctx, id: string): Promise<void> {
  await deleteAudited(ctx, CustomerGroup, id, (row) => ({ action: 'customer_group.deleted', subjectType: 'CustomerGroup', details: { name: row.name } }))
}
