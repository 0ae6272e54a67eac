import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.ts'
import { raw, type FilterQuery } from '@mikro-orm/core'
import { accessibleWhere } from '../authz/ability.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import { DistributorAuthorization } from '../catalog/authorization.entity.ts'
import { territoryContains } from '../catalog/authorizations.ts'
import { Product } from '../catalog/product.entity.ts'
import { enqueueIndexing } from '../catalog/products.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { parseMoney, type Currency, type ParseMoneyError } from '../money.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import type { OfferExposureInput, OfferInput } from './offer.schemas.ts'
import { customerAudience, groupAudience, PUBLIC_AUDIENCE } from './visibility.ts'
import { CustomerGroup } from '../pricing/customer-group.entity.ts'
import { Customer } from '../pricing/customer.entity.ts'
import { OfferStock } from './offer-stock.entity.ts'
import { Offer } from './offer.entity.ts'
import type { OfferStatus } from './offers.constants.ts'

export interface OfferDto {
  id: string
  productId: string
  sku: string
  price: { amount: number; currency: Currency }
  minOrderQty: number
  orderMultiple: number
  leadTimeDays: number
  condition: Offer['condition']
  status: Offer['status']
  stock: { warehouseId: string; quantity: number }[]
}

export type OfferError = ParseMoneyError | 'PRODUCT_UNKNOWN' | 'SKU_TAKEN' | 'BRAND_NOT_AUTHORIZED' | 'WAREHOUSE_OUTSIDE_TERRITORY' | 'WAREHOUSE_UNKNOWN' | 'MULTIPLE_ABOVE_MOQ'

/**
 * Lists (or updates, by its SKU) an offer of the actor's organization with its stock per warehouse.
 * A distributor may offer another manufacturer's brand only with an authorization for it, and
 * hold its stock only at warehouses inside the authorized territory.
 */
export async function saveOffer(ctx: Ctx, input: OfferInput): Promise<Result<OfferDto, OfferError>> {
  const [saved] = await saveOffers(ctx, [input])
  if (!saved!.ok) return saved!
  return ok(await toOfferDto(ctx, saved!.value))
}

/**
 * Saves many offers by the rules of `saveOffer`, in one transaction with a handful of queries:
 * each input gets its own result, so one refused row does not stop the others. A later input
 * with the same SKU updates what an earlier one saved. Imports index once per batch, audit once
 * per file, and pass the warehouses they loaded.
 */
export async function saveOffers(
  ctx: Ctx,
  inputs: OfferInput[],
  options: { index?: boolean; audit?: boolean; warehouses?: Warehouse[] } = {},
): Promise<Result<Offer, OfferError>[]> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  const orgId = m.organizationId
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    // Everything the rules need, read up front for all inputs.
    const products = new Map(
      (await em.find(Product, { id: { $in: [...new Set(inputs.map((i) => i.productId))] }, $or: [{ status: 'published' }, { organizationId: orgId }] })).map((p) => [p.id, p]),
    )
    const warehouses = new Map((options.warehouses ?? (await em.find(Warehouse, { organizationId: orgId }))).map((w) => [w.id, w]))
    const foreignBrands = [...new Set([...products.values()].filter((p) => p.organizationId !== orgId && p.brandId).map((p) => p.brandId!))]
    const grants = new Map((foreignBrands.length ? await em.find(DistributorAuthorization, { brandId: { $in: foreignBrands }, distributorId: orgId }) : []).map((g) => [g.brandId, g]))
    const editing = [...new Set(inputs.flatMap((i) => (i.offerId ? [i.offerId] : [])))]
    const known = await em.find(Offer, { organizationId: orgId, $or: [{ sku: { $in: [...new Set(inputs.map((i) => i.sku))] } }, ...(editing.length ? [{ id: { $in: editing } }] : [])] })
    const offers = new Map(known.map((o) => [o.sku, o]))
    const offersById = new Map(known.map((o) => [o.id, o]))
    const stock = new Map(
      (offers.size ? await em.find(OfferStock, { offerId: { $in: [...offers.values()].map((o) => o.id) } }) : []).map((s) => [`${s.offerId}:${s.warehouseId}`, s]),
    )
    const touched = new Set<string>()

    const saveOne = (input: OfferInput): Result<Offer, OfferError> => {
      // An edit of an offer that is not the seller's own: not found, before any rule speaks.
      if (input.offerId && !offersById.has(input.offerId)) throw new DomainError('not_found', 'NOT_FOUND')
      const price = parseMoney(input.price, input.currency)
      if (!price.ok) return fail(price.code, { field: price.code === 'CURRENCY_UNKNOWN' ? 'currency' : 'price' })
      if (input.orderMultiple > 1 && input.minOrderQty % input.orderMultiple !== 0) return fail('MULTIPLE_ABOVE_MOQ', { field: 'orderMultiple' })
      // A published product, or one of the seller's own (drafts included).
      const product = products.get(input.productId)
      if (!product) return fail('PRODUCT_UNKNOWN', { field: 'productId' })
      for (const id of Object.keys(input.stock)) if (!warehouses.has(id)) return fail('WAREHOUSE_UNKNOWN', { field: 'stock' })
      if (product.organizationId !== orgId) {
        const grant = product.brandId ? grants.get(product.brandId) : undefined
        if (!grant) return fail('BRAND_NOT_AUTHORIZED', { field: 'productId' })
        const outside = Object.entries(input.stock).find(([id, qty]) => qty > 0 && !territoryContains(grant, warehouses.get(id)!))
        if (outside) return fail('WAREHOUSE_OUTSIDE_TERRITORY', { field: 'stock', params: { warehouse: warehouses.get(outside[0])!.name } })
      }
      // Upsert by SKU: the same SKU for another product is a mistake, not a move. An edit names
      // its offer, whose SKU may change to one no other offer of the seller's uses.
      let offer = offers.get(input.sku)
      if (input.offerId) {
        const edited = offersById.get(input.offerId)!
        if (edited.productId !== product.id) return fail('PRODUCT_UNKNOWN', { field: 'productId' })
        if (offer && offer.id !== edited.id) return fail('SKU_TAKEN', { field: 'sku' })
        if (edited.sku !== input.sku) {
          offers.delete(edited.sku)
          offers.set(input.sku, edited)
        }
        offer = edited
      }
      if (offer && offer.productId !== product.id) return fail('SKU_TAKEN', { field: 'sku' })
      const fields = {
        sku: input.sku,
        priceAmount: price.value.amount,
        currency: price.value.currency,
        minOrderQty: input.minOrderQty,
        orderMultiple: input.orderMultiple,
        leadTimeDays: input.leadTimeDays,
        condition: input.condition,
      }
      if (offer) {
        authorize(tx, 'update', offer)
        em.assign(offer, fields)
      } else {
        offer = em.create(Offer, { ...fields, id: randomUUID(), organizationId: orgId, productId: product.id, status: 'active' })
        authorize(tx, 'create', offer)
        offers.set(offer.sku, offer)
      }
      for (const [warehouseId, quantity] of Object.entries(input.stock)) {
        const key = `${offer.id}:${warehouseId}`
        const row = stock.get(key)
        if (row) row.quantity = quantity
        else stock.set(key, em.create(OfferStock, { organizationId: orgId, offerId: offer.id, warehouseId, quantity }))
      }
      if (options.audit !== false) recordAudit(tx, { organizationId: orgId, action: 'offer.saved', subjectType: 'Offer', subjectId: offer.id, details: { sku: offer.sku, price: offer.priceAmount, currency: offer.currency } })
      touched.add(product.id)
      return ok(offer)
    }

    const results = inputs.map(saveOne)
    await em.flush()
    if (options.index !== false && touched.size) await enqueueIndexing(tx, [...touched])
    return results
  })
}

async function toOfferDto(ctx: Ctx, offer: Offer): Promise<OfferDto> {
  const stock = await ctx.em.find(OfferStock, { offerId: offer.id })
  return {
    id: offer.id,
    productId: offer.productId,
    sku: offer.sku,
    price: { amount: offer.priceAmount, currency: offer.currency },
    minOrderQty: offer.minOrderQty,
    orderMultiple: offer.orderMultiple,
    leadTimeDays: offer.leadTimeDays,
    condition: offer.condition,
    status: offer.status,
    stock: stock.map((s) => ({ warehouseId: s.warehouseId, quantity: s.quantity })),
  }
}

export interface MyOfferRow extends OfferDto {
  /** Restricted to these customer groups and customers (ids), or null: for everyone. */
  audience: { groupIds: string[]; customerIds: string[] } | null
  priceOnRequest: boolean
  productName: string
  productNameVi: string
  productSlug: string
  productMpn: string
  updatedAt: string
}

export const OFFERS_PAGE_SIZE = 25

export interface OfferListFilter {
  /** Part of a SKU, a part number or a product name (either language). */
  q?: string
  status?: OfferStatus
  page?: number
}

export interface OfferList {
  rows: MyOfferRow[]
  total: number
  page: number
  pageCount: number
  /** How many of the seller's offers are in each status, whatever the filter. */
  byStatus: Record<OfferStatus, number>
}

/** The seller's own offers, newest change first, a page at a time. */
export async function listMyOffers(ctx: Ctx, filter: OfferListFilter = {}): Promise<OfferList> {
  const orgId = ctx.actor.membership?.organizationId
  const byStatus: Record<OfferStatus, number> = { active: 0, paused: 0 }
  if (!orgId) return { rows: [], total: 0, page: 1, pageCount: 1, byStatus }
  const where: FilterQuery<Offer> = { organizationId: orgId }
  if (filter.status) where.status = filter.status
  const q = filter.q?.trim().replaceAll('%', '').replaceAll('_', '\\_')
  if (q) {
    const like = { $ilike: `%${q}%` }
    // The product's fields through the relation (a join), though the entity keeps only its id.
    where.$or = [{ sku: like }, { productId: { $or: [{ nameEn: like }, { nameVi: like }, { mpn: like }] } } as never]
  }
  const [offers, total] = await scoped(ctx).findAndCount(Offer, where, { orderBy: { updatedAt: 'desc', id: 'asc' }, limit: OFFERS_PAGE_SIZE, offset: (Math.max(1, filter.page ?? 1) - 1) * OFFERS_PAGE_SIZE })
  Object.assign(byStatus, await countOffersByStatus(ctx, orgId))
  const pageCount = Math.max(1, Math.ceil(total / OFFERS_PAGE_SIZE))
  return { rows: await toRows(ctx, offers), total, page: Math.min(Math.max(1, filter.page ?? 1), pageCount), pageCount, byStatus }
}

/** How many of an organization's offers the actor may read are in each status (one grouped count). */
export async function countOffersByStatus(ctx: Ctx, orgId: string): Promise<Record<OfferStatus, number>> {
  const counts: Record<OfferStatus, number> = { active: 0, paused: 0 }
  const allowed = accessibleWhere(ctx.ability, 'read', Offer)
  if (!allowed) return counts
  const rows = await ctx.em
    .createQueryBuilder(Offer, 'o')
    .select(['o.status', raw('count(*)::int as n')])
    .where({ $and: [allowed, { organizationId: orgId }] } as never)
    .groupBy('o.status')
    .execute<{ status: OfferStatus; n: number }[]>()
  for (const r of rows) counts[r.status] = r.n
  return counts
}

/** One of the seller's own offers, for its edit page (another seller's is not found). */
export async function getMyOffer(ctx: Ctx, id: string): Promise<MyOfferRow> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('not_found', 'NOT_FOUND')
  const offer = await scoped(ctx).findOneOrThrow(Offer, { id, organizationId: orgId })
  return (await toRows(ctx, [offer]))[0]!
}

async function toRows(ctx: Ctx, offers: Offer[]): Promise<MyOfferRow[]> {
  if (!offers.length) return []
  const products = new Map((await ctx.em.find(Product, { id: { $in: offers.map((o) => o.productId) } })).map((p) => [p.id, p]))
  const stock = await scoped(ctx).find(OfferStock, { offerId: { $in: offers.map((o) => o.id) } })
  return offers.map((o) => {
    const product = products.get(o.productId)
    return {
      id: o.id,
      productId: o.productId,
      productName: product?.nameEn ?? '',
      productNameVi: product?.nameVi ?? '',
      productSlug: product?.slug ?? '',
      productMpn: product?.mpn ?? '',
      sku: o.sku,
      price: { amount: o.priceAmount, currency: o.currency },
      minOrderQty: o.minOrderQty,
      orderMultiple: o.orderMultiple,
      leadTimeDays: o.leadTimeDays,
      condition: o.condition,
      status: o.status,
      audience: audienceOfOffer(o),
      priceOnRequest: o.priceOnRequest,
      updatedAt: o.updatedAt.toISOString(),
      stock: stock.filter((s) => s.offerId === o.id).map((s) => ({ warehouseId: s.warehouseId, quantity: s.quantity })),
    }
  })
}

/**
 * Pauses or activates offers of the seller's own: a paused offer leaves search, product pages
 * and storefronts until it is active again. Ids of offers one may not change are ignored; the
 * answer is how many changed.
 */
export async function setOffersStatus(ctx: Ctx, ids: string[], status: OfferStatus): Promise<number> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('forbidden', 'FORBIDDEN')
  authorizeType(ctx, 'update', Offer)
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const offers = await scoped(tx).find(Offer, { id: { $in: ids }, organizationId: orgId, status: { $ne: status } }, {}, 'update')
    for (const offer of offers) {
      authorize(tx, 'update', offer)
      offer.status = status
      recordAudit(tx, { organizationId: orgId, action: status === 'paused' ? 'offer.paused' : 'offer.activated', subjectType: 'Offer', subjectId: offer.id, details: { sku: offer.sku } })
    }
    await em.flush()
    if (offers.length) await enqueueIndexing(tx, [...new Set(offers.map((o) => o.productId))])
    return offers.length
  })
}

/** Deletes one of the seller's own offers with its stock; buyers no longer see it anywhere. */
export async function deleteOffer(ctx: Ctx, id: string): Promise<void> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('not_found', 'NOT_FOUND')
  await ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const offer = await scoped(tx).findOneOrThrow(Offer, { id, organizationId: orgId }, 'delete')
    authorize(tx, 'delete', offer)
    recordAudit(tx, { organizationId: orgId, action: 'offer.deleted', subjectType: 'Offer', subjectId: offer.id, details: { sku: offer.sku } })
    em.remove(offer)
    await em.flush()
    await enqueueIndexing(tx, [offer.productId])
  })
}

/** The groups and customers an offer is restricted to, or null when it is for everyone. */
function audienceOfOffer(offer: Offer): MyOfferRow['audience'] {
  if (offer.visibleTo.includes(PUBLIC_AUDIENCE)) return null
  const ids = (prefix: string) => offer.visibleTo.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length))
  return { groupIds: ids(groupAudience('')), customerIds: ids(customerAudience('')) }
}

/**
 * Whom one of the seller's offers is for: everyone, or only some of its own customer groups and
 * customers (a restricted catalog: nobody else sees it on any page, in search, facets, counts or
 * prices); and whether buyers see "request a quote" instead of its price. Re-indexed at once.
 */
export async function setOfferExposure(ctx: Ctx, id: string, input: OfferExposureInput): Promise<Result<MyOfferRow, 'AUDIENCE_EMPTY' | 'GROUP_UNKNOWN' | 'CUSTOMER_UNKNOWN'>> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('not_found', 'NOT_FOUND')
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const offer = await scoped(tx).findOneOrThrow(Offer, { id, organizationId: orgId }, 'update')
    authorize(tx, 'update', offer)
    let visibleTo = [PUBLIC_AUDIENCE]
    if (input.audience === 'chosen') {
      const groupIds = [...new Set(input.groupIds)]
      const customerIds = [...new Set(input.customerIds)]
      if (!groupIds.length && !customerIds.length) return fail('AUDIENCE_EMPTY', { field: 'groupIds' })
      // Only the seller's own groups and customers: another seller's ids are as unknown as made-up ones.
      const groups = groupIds.length ? await scoped(tx).find(CustomerGroup, { id: { $in: groupIds }, organizationId: orgId }) : []
      if (groups.length !== groupIds.length) return fail('GROUP_UNKNOWN', { field: 'groupIds' })
      const customers = customerIds.length ? await scoped(tx).find(Customer, { id: { $in: customerIds }, organizationId: orgId }) : []
      if (customers.length !== customerIds.length) return fail('CUSTOMER_UNKNOWN', { field: 'customerIds' })
      visibleTo = [...groupIds.sort().map(groupAudience), ...customerIds.sort().map(customerAudience)]
    }
    offer.visibleTo = visibleTo
    offer.priceOnRequest = input.priceOnRequest
    recordAudit(tx, {
      organizationId: orgId,
      action: 'offer.exposure_set',
      subjectType: 'Offer',
      subjectId: offer.id,
      details: { sku: offer.sku, restricted: input.audience === 'chosen', groups: input.audience === 'chosen' ? new Set(input.groupIds).size : 0, customers: input.audience === 'chosen' ? new Set(input.customerIds).size : 0, priceOnRequest: input.priceOnRequest },
    })
    await em.flush()
    await enqueueIndexing(tx, [offer.productId])
    return ok((await toRows(tx, [offer]))[0]!)
  })
}
