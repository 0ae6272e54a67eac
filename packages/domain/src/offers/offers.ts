import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, scoped } from '../authz/scoped.ts'
import { DistributorAuthorization } from '../catalog/authorization.entity.ts'
import { territoryContains } from '../catalog/authorizations.ts'
import { Product } from '../catalog/product.entity.ts'
import { enqueueIndexing } from '../catalog/products.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { parseMoney, type Currency, type ParseMoneyError } from '../money.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import type { OfferInput } from './offer.schemas.ts'
import { OfferStock } from './offer-stock.entity.ts'
import { Offer } from './offer.entity.ts'

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
    const offers = new Map((await em.find(Offer, { organizationId: orgId, sku: { $in: [...new Set(inputs.map((i) => i.sku))] } })).map((o) => [o.sku, o]))
    const stock = new Map(
      (offers.size ? await em.find(OfferStock, { offerId: { $in: [...offers.values()].map((o) => o.id) } }) : []).map((s) => [`${s.offerId}:${s.warehouseId}`, s]),
    )
    const touched = new Set<string>()

    const saveOne = (input: OfferInput): Result<Offer, OfferError> => {
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
      // Upsert by SKU: the same SKU for another product is a mistake, not a move.
      let offer = offers.get(input.sku)
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
  productName: string
  productSlug: string
}

export async function listMyOffers(ctx: Ctx): Promise<MyOfferRow[]> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) return []
  const offers = await scoped(ctx).find(Offer, { organizationId: orgId }, { orderBy: { updatedAt: 'desc' }, limit: 500 })
  if (!offers.length) return []
  const products = new Map((await ctx.em.find(Product, { id: { $in: offers.map((o) => o.productId) } })).map((p) => [p.id, p]))
  const stock = await scoped(ctx).find(OfferStock, { offerId: { $in: offers.map((o) => o.id) } })
  return offers.map((o) => ({
    id: o.id,
    productId: o.productId,
    productName: products.get(o.productId)?.nameEn ?? '',
    productSlug: products.get(o.productId)?.slug ?? '',
    sku: o.sku,
    price: { amount: o.priceAmount, currency: o.currency },
    minOrderQty: o.minOrderQty,
    orderMultiple: o.orderMultiple,
    leadTimeDays: o.leadTimeDays,
    condition: o.condition,
    status: o.status,
    stock: stock.filter((s) => s.offerId === o.id).map((s) => ({ warehouseId: s.warehouseId, quantity: s.quantity })),
  }))
}

export interface WarehouseDto {
  id: string
  name: string
  city: string
  subdivisionCode: string
}

export async function listMyWarehouses(ctx: Ctx): Promise<WarehouseDto[]> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) return []
  // Warehouses are read through the organization's own membership: no public rule exists.
  const warehouses = await ctx.em.find(Warehouse, { organizationId: orgId }, { orderBy: { name: 'asc' } })
  return warehouses.map((w) => ({ id: w.id, name: w.name, city: w.city, subdivisionCode: w.subdivisionCode }))
}
