// A seller's price lists: who each is for, when it applies, and its entries (tier breaks or a
// percentage off, per offer).
import { randomUUID } from 'node:crypto'
import { deleteAudited } from '../audit/delete-audited.ts'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { isCurrency, parseMoney, type Currency, type Money } from '../money.ts'
import { Offer } from '../offers/offer.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Product } from '../catalog/product.entity.ts'
import { CustomerGroup } from './customer-group.entity.ts'
import { Customer } from './customer.entity.ts'
import { sellerOf } from './customers.ts'
import { PriceList, PriceListEntry, PriceListTarget } from './price-list.entity.ts'
import type { PriceListScope, PriceTier } from './pricing.constants.ts'
import type { PriceEntryInput, PriceListInput } from './pricing.schemas.ts'

export interface PriceListSummary {
  id: string
  name: string
  currency: Currency
  scope: PriceListScope
  priority: number
  /** First and last day it applies ("2027-01-31"), or null for no bound. */
  validFrom: string | null
  validTo: string | null
  active: boolean
  /** The groups (group lists) or customers (company lists, contracts) it is for, by name. */
  targets: { id: string; name: string }[]
  entryCount: number
}

export interface PriceEntryDto {
  id: string
  offerId: string
  sku: string
  productName: { en: string; vi: string }
  base: Money
  tiers: { minQty: number; amount: number }[] | null
  percentOffBp: number | null
}

export type PriceListDetail = PriceListSummary & { entries: PriceEntryDto[] }

const DAY_MS = 86_400_000
/** Stored windows are half-open [from, to): the last day typed is inclusive, so `to` is the next midnight (UTC). */
const dayStart = (day: string) => new Date(`${day}T00:00:00Z`)
const dayOf = (d: Date) => d.toISOString().slice(0, 10)

/** The currencies a seller sells in: its own, and those of its offers. */
export async function sellerCurrencies(ctx: Ctx, seller: string): Promise<Set<string>> {
  const [org] = await ctx.em.find(Organization, { id: seller })
  const rows = await ctx.em.getConnection().execute<{ currency: string }[]>('select distinct currency from offer where organization_id = ?', [seller])
  return new Set([org!.defaultCurrency, ...rows.map((r) => r.currency)])
}

/** The currencies the actor's seller may keep price lists in. */
export async function myPriceCurrencies(ctx: Ctx): Promise<Currency[]> {
  return [...(await sellerCurrencies(ctx, sellerOf(ctx)))].filter(isCurrency).sort()
}

async function targetNames(ctx: Ctx, lists: PriceList[]): Promise<Map<string, { id: string; name: string }[]>> {
  const targets = lists.length ? await scoped(ctx).find(PriceListTarget, { priceListId: { $in: lists.map((l) => l.id) } }) : []
  const groups = new Map((await scoped(ctx).find(CustomerGroup, { id: { $in: targets.map((t) => t.groupId).filter((x): x is string => !!x) } })).map((g) => [g.id, g.name]))
  const customers = await scoped(ctx).find(Customer, { id: { $in: targets.map((t) => t.customerId).filter((x): x is string => !!x) } })
  const buyers = new Map((customers.length ? await ctx.em.find(Organization, { id: { $in: customers.map((c) => c.buyerId) } }) : []).map((o) => [o.id, o.name]))
  const customerName = new Map(customers.map((c) => [c.id, buyers.get(c.buyerId) ?? '']))
  const out = new Map<string, { id: string; name: string }[]>()
  for (const t of targets) {
    const id = (t.groupId ?? t.customerId)!
    const name = t.groupId ? groups.get(t.groupId) : customerName.get(t.customerId!)
    if (name !== undefined) out.set(t.priceListId, [...(out.get(t.priceListId) ?? []), { id, name }])
  }
  for (const names of out.values()) names.sort((a, b) => a.name.localeCompare(b.name))
  return out
}

function summary(l: PriceList, targets: Map<string, { id: string; name: string }[]>, entryCount: number): PriceListSummary {
  return {
    id: l.id,
    name: l.name,
    currency: l.currency,
    scope: l.scope,
    priority: l.priority,
    validFrom: l.validFrom ? dayOf(l.validFrom) : null,
    validTo: l.validTo ? dayOf(new Date(l.validTo.getTime() - DAY_MS)) : null,
    active: l.active,
    targets: targets.get(l.id) ?? [],
    entryCount,
  }
}

/** The seller's price lists: strongest scope first, then priority, then name. */
export async function listMyPriceLists(ctx: Ctx): Promise<PriceListSummary[]> {
  const seller = sellerOf(ctx)
  const lists = await scoped(ctx).find(PriceList, { organizationId: seller })
  const counts = new Map(
    (lists.length ? await ctx.em.getConnection().execute<{ price_list_id: string; n: number }[]>('select price_list_id, count(*)::int as n from price_list_entry where organization_id = ? group by price_list_id', [seller]) : []).map((r) => [r.price_list_id, r.n]),
  )
  const targets = await targetNames(ctx, lists)
  const rank = ['contract', 'company', 'group', 'everyone']
  return lists
    .map((l) => summary(l, targets, counts.get(l.id) ?? 0))
    .sort((a, b) => rank.indexOf(a.scope) - rank.indexOf(b.scope) || b.priority - a.priority || a.name.localeCompare(b.name))
}

/** One of the seller's lists with its entries by SKU. */
export async function getMyPriceList(ctx: Ctx, id: string): Promise<PriceListDetail> {
  const list = await scoped(ctx).findOneOrThrow(PriceList, { id, organizationId: sellerOf(ctx) })
  const entries = await scoped(ctx).find(PriceListEntry, { priceListId: list.id })
  const offers = new Map((entries.length ? await scoped(ctx).find(Offer, { id: { $in: entries.map((e) => e.offerId) } }) : []).map((o) => [o.id, o]))
  const products = new Map((offers.size ? await ctx.em.find(Product, { id: { $in: [...offers.values()].map((o) => o.productId) } }) : []).map((p) => [p.id, p]))
  const targets = await targetNames(ctx, [list])
  return {
    ...summary(list, targets, entries.length),
    entries: entries
      .filter((e) => offers.has(e.offerId))
      .map((e) => {
        const o = offers.get(e.offerId)!
        const p = products.get(o.productId)
        return { id: e.id, offerId: o.id, sku: o.sku, productName: { en: p?.nameEn ?? '', vi: p?.nameVi ?? '' }, base: { amount: o.priceAmount, currency: o.currency }, tiers: e.tiers ?? null, percentOffBp: e.percentOffBp ?? null }
      })
      .sort((a, b) => a.sku.localeCompare(b.sku)),
  }
}

type SaveListError = 'CURRENCY_UNKNOWN' | 'CURRENCY_NOT_SOLD' | 'CURRENCY_HAS_ENTRIES' | 'TARGET_UNKNOWN'

/** Creates a price list or changes one; its targets are replaced by those given. */
export async function savePriceList(ctx: Ctx, input: PriceListInput): Promise<Result<{ id: string }, SaveListError>> {
  const seller = sellerOf(ctx)
  if (!isCurrency(input.currency)) return fail('CURRENCY_UNKNOWN', { field: 'currency' })
  if (!(await sellerCurrencies(ctx, seller)).has(input.currency)) return fail('CURRENCY_NOT_SOLD', { field: 'currency', params: { currency: input.currency } })
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const targets = [...new Set(input.scope === 'everyone' ? [] : input.scope === 'group' ? input.groups : input.customers)]
    if (targets.length) {
      const found = input.scope === 'group' ? await scoped(tx).find(CustomerGroup, { id: { $in: targets }, organizationId: seller }) : await scoped(tx).find(Customer, { id: { $in: targets }, organizationId: seller })
      if (found.length !== targets.length) return fail('TARGET_UNKNOWN', { field: input.scope === 'group' ? 'groups' : 'customers' })
    }
    const fields = {
      name: input.name,
      currency: input.currency as Currency,
      scope: input.scope,
      priority: input.priority,
      validFrom: input.validFrom ? dayStart(input.validFrom) : null,
      validTo: input.validTo ? new Date(dayStart(input.validTo).getTime() + DAY_MS) : null,
      active: input.active,
    }
    let list: PriceList
    if (input.id) {
      list = await scoped(tx).findOneOrThrow(PriceList, { id: input.id, organizationId: seller }, 'update')
      authorize(tx, 'update', list)
      if (list.currency !== fields.currency && (await em.count(PriceListEntry, { priceListId: list.id }))) return fail('CURRENCY_HAS_ENTRIES', { field: 'currency' })
      em.assign(list, fields)
      await em.nativeDelete(PriceListTarget, { priceListId: list.id })
    } else {
      authorizeType(tx, 'create', PriceList)
      list = em.create(PriceList, { id: randomUUID(), organizationId: seller, ...fields })
      authorize(tx, 'create', list)
    }
    for (const t of targets) em.create(PriceListTarget, { id: randomUUID(), organizationId: seller, priceListId: list.id, groupId: input.scope === 'group' ? t : null, customerId: input.scope === 'group' ? null : t })
    recordAudit(tx, { organizationId: seller, action: input.id ? 'price_list.updated' : 'price_list.created', subjectType: 'PriceList', subjectId: list.id, details: { ...fields, targets } })
    await em.flush()
    return ok({ id: list.id })
  })
}

export async function deletePriceList(ctx: Ctx, id: string): Promise<void> {
  await deleteAudited(ctx, PriceList, id, (row) => ({ action: 'price_list.deleted', subjectType: 'PriceList', details: { name: row.name } }))
}

type EntryError = 'OFFER_UNKNOWN' | 'ENTRY_CURRENCY_MISMATCH' | 'PRICE_INVALID' | 'PRICE_NEGATIVE' | 'PRICE_TOO_PRECISE' | 'PRICE_TOO_LARGE' | 'CURRENCY_UNKNOWN'

/** The tiers of an entry as stored: prices parsed against the list's currency, by quantity. */
export function parseTiers(tiers: { minQty: number; price: string }[], currency: Currency): Result<PriceTier[], EntryError> {
  const out: PriceTier[] = []
  for (const [i, t] of tiers.entries()) {
    const money = parseMoney(t.price, currency)
    if (!money.ok) return fail(money.code, { field: `tiers[${i}].price` })
    out.push({ minQty: t.minQty, amount: money.value.amount })
  }
  return ok(out.sort((a, b) => a.minQty - b.minQty))
}

/** Sets one offer's price in a list (by the seller's SKU), replacing what it had there. */
export async function savePriceEntry(ctx: Ctx, priceListId: string, input: PriceEntryInput): Promise<Result<{ id: string }, EntryError>> {
  return (await savePriceEntries(ctx, [{ priceListId, input }]))[0]!
}

/**
 * Sets the prices of offers (by SKU) in the seller's lists, each row on its own: the lists, offers
 * and existing entries are read once for all rows, and a bad row leaves the others saved. The
 * import saves a batch of a file through it.
 */
export async function savePriceEntries(ctx: Ctx, rows: { priceListId: string; input: PriceEntryInput }[], options: { audit?: boolean } = {}): Promise<Result<{ id: string }, EntryError>[]> {
  const seller = sellerOf(ctx)
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const listIds = [...new Set(rows.map((r) => r.priceListId))]
    const lists = new Map((await scoped(tx).find(PriceList, { id: { $in: listIds }, organizationId: seller }, {}, 'update')).map((l) => [l.id, l]))
    // Another seller's list (or none) is "not found", as for the form.
    if (lists.size !== listIds.length) throw new DomainError('not_found', 'NOT_FOUND')
    const offers = new Map((await scoped(tx).find(Offer, { organizationId: seller, sku: { $in: [...new Set(rows.map((r) => r.input.sku))] } })).map((o) => [o.sku, o]))
    const entries = new Map(
      (offers.size ? await scoped(tx).find(PriceListEntry, { priceListId: { $in: listIds }, offerId: { $in: [...offers.values()].map((o) => o.id) } }, {}, 'update') : []).map((e) => [`${e.priceListId}|${e.offerId}`, e]),
    )
    const results = rows.map(({ priceListId, input }): Result<{ id: string }, EntryError> => {
      const list = lists.get(priceListId)!
      const offer = offers.get(input.sku)
      if (!offer) return fail('OFFER_UNKNOWN', { field: 'sku', params: { sku: input.sku } })
      if (offer.currency !== list.currency) return fail('ENTRY_CURRENCY_MISMATCH', { field: 'sku', params: { offer: offer.currency, list: list.currency } })
      let fields: { tiers: PriceTier[] | null; percentOffBp: number | null }
      if (input.mode === 'percent') fields = { tiers: null, percentOffBp: Math.round(input.percentOff! * 100) }
      else {
        const tiers = parseTiers(input.tiers, list.currency)
        if (!tiers.ok) return tiers
        fields = { tiers: tiers.value, percentOffBp: null }
      }
      const key = `${list.id}|${offer.id}`
      let entry = entries.get(key)
      if (entry) {
        authorize(tx, 'update', entry)
        em.assign(entry, fields)
      } else {
        entry = em.create(PriceListEntry, { id: randomUUID(), organizationId: seller, priceListId: list.id, offerId: offer.id, ...fields })
        authorize(tx, 'create', entry)
        entries.set(key, entry)
      }
      // An import records itself once, not each price.
      if (options.audit !== false) recordAudit(tx, { organizationId: seller, action: 'price_list.entry_saved', subjectType: 'PriceList', subjectId: list.id, details: { sku: offer.sku, ...fields } })
      return ok({ id: entry.id })
    })
    await em.flush()
    return results
  })
}

export async function deletePriceEntry(ctx: Ctx, id: string): Promise<{ priceListId: string }> {
  const entry = await deleteAudited(ctx, PriceListEntry, id, (row) => ({ action: 'price_list.entry_deleted', subjectType: 'PriceList', subjectId: row.priceListId, details: { offerId: row.offerId } }))
  return { priceListId: entry.priceListId }
}
