import { accessibleSql } from '../authz/sql.ts'
import { Product } from '../catalog/product.entity.ts'
import type { AttributeDefinition, AttributeValues, ProductImageView } from '../catalog/catalog.constants.ts'
import type { Ctx } from '../ctx.ts'
import { distanceKm, type LatLng } from '../geo.ts'
import type { Money } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Offer } from './offer.entity.ts'
import { resolvePrices, type ResolvedPrice } from '../pricing/resolve.ts'
import type { PriceListScope } from '../pricing/pricing.constants.ts'
import { offerPriceShownTo, searchViewer } from './visibility.ts'
import { preparedRead } from '../db/prepared.ts'
import { DomainError } from '../errors.ts'

/** Stock within this distance of the buyer counts as "near". */
export const NEAR_KM = 100

export interface OfferComparisonRow {
  offerId: string
  seller: { id: string; name: string; slug: string; kind: Organization['kind'] }
  sku: string
  /**
   * What this viewer pays per unit at the minimum order quantity (through price resolution), or
   * null when the viewer may not see it (`priceHidden` says why): no amount leaves the server then.
   */
  price: Money | null
  /** Call for price ("request a quote"), or a price kept for signed-in buyers ("sign in to see prices"). */
  priceHidden: 'onRequest' | 'signIn' | null
  /** The seller's own price, when the viewer's differs from it. */
  listPrice: Money | null
  /**
   * Which list gave the price ("why this price") and how many others had one for it: the page of
   * the offer's price (`explainOfferPrice`) names them, so every product page does not carry them.
   */
  pricing: { list: { name: string; scope: PriceListScope; inherited: boolean } | null; tier: ResolvedPrice['tier']; percentOffBp: number | null; quantity: number; passedOverCount: number } | null
  stockTotal: number
  stockNear: number | null
  nearestStockKm: number | null
  leadTimeDays: number
  minOrderQty: number
  orderMultiple: number
  condition: Offer['condition']
  authorized: boolean
  /** The seller's setting: its prices include VAT. */
  pricesIncludeVat: boolean
  /** What sets this offer apart among several: the lowest price (among offers in its currency
   * with the same VAT treatment, so like is compared with like), the nearest stock, the shortest lead time. */
  badges: OfferBadge[]
}

export type OfferBadge = 'lowestPrice' | 'nearestStock' | 'shortestLeadTime'

export interface ProductPageDto {
  id: string
  slug: string
  mpn: string
  gtin: string | null
  name: { en: string; vi: string }
  description: { en: string; vi: string }
  brand: { name: string; slug: string } | null
  category: { slug: string; nameEn: string; nameVi: string; attributes: AttributeDefinition[] }
  attributes: AttributeValues
  unitOfMeasure: Product['unitOfMeasure']
  packSize: number
  sellerListed: boolean
  offers: OfferComparisonRow[]
  images: ProductImageView[]
}

/**
 * A published product with every active offer for it, compared side by side: price (through
 * the pricing function), stock near the buyer and in total, distance to the nearest stock.
 */
export async function getProductPage(ctx: Ctx, slug: string, buyerLocation: LatLng | null): Promise<ProductPageDto> {
  // The product the viewer may read (the ability's rule, compiled to SQL) with its brand, category
  // and images, in one query; its offers the viewer may read, with the stock they hold (one row per
  // offer and warehouse with stock), in another, at the same time. Through the entity manager when
  // a caller's transaction is open, so it reads its own writes.
  const readableProduct = accessibleSql(ctx, 'read', Product, 'p.id')
  const productQuery = preparedRead<{
    id: string; organization_id: string; slug: string; mpn: string; gtin: string | null; name_en: string; name_vi: string; description_en: string; description_vi: string
    attributes: AttributeValues; unit_of_measure: Product['unitOfMeasure']; pack_size: number; seller_listed: boolean
    brand: { name: string; slug: string } | null; category: { slug: string; nameEn: string; nameVi: string; attributes: AttributeDefinition[] }; images: ProductImageView[]
  }>(
    ctx.em,
    `select p.id, p.organization_id, p.slug, p.mpn, p.gtin, p.name_en, p.name_vi, p.description_en, p.description_vi, p.attributes, p.unit_of_measure, p.pack_size, p.seller_listed,
            (select json_build_object('name', b.name, 'slug', b.slug) from brand b where b.id = p.brand_id) as brand,
            (select json_build_object('slug', c.slug, 'nameEn', c.name_en, 'nameVi', c.name_vi, 'attributes', c.attributes) from category c where c.id = p.category_id) as category,
            (select coalesce(json_agg(json_build_object('id', i.id, 'width', i.width, 'height', i.height, 'widths', i.widths) order by i.position), '[]') from product_image i where i.product_id = p.id) as images
     from product p where p.slug = ? and ${readableProduct.sql}`,
    [slug, ...readableProduct.params],
  )
  const readable = accessibleSql(ctx, 'read', Offer, 'o.id')
  const detailsQuery = preparedRead<
    { offer_id: string; organization_id: string; sku: string; price_amount: string; currency: Offer['currency']; min_order_qty: number; order_multiple: number; lead_time_days: number; condition: Offer['condition']; price_on_request: boolean; name: string; slug: string; kind: Organization['kind']; prices_include_vat: boolean | null; prices_signed_in_only: boolean | null; quantity: number | null; latitude: number | null; longitude: number | null }
  >(
    ctx.em,
    `select o.id as offer_id, o.organization_id, o.sku, o.price_amount, o.currency, o.min_order_qty, o.order_multiple, o.lead_time_days, o.condition, o.price_on_request,
            org.name, org.slug, org.kind, sf.prices_include_vat, sf.prices_signed_in_only, s.quantity, w.latitude, w.longitude
     from offer o
     join organization org on org.id = o.organization_id
     left join storefront sf on sf.organization_id = o.organization_id
     left join offer_stock s on s.offer_id = o.id and s.quantity > 0
     left join warehouse w on w.id = s.warehouse_id
     where o.product_id = (select id from product where slug = ?) and o.status = 'active' and ${readable.sql}`,
    [slug, ...readable.params],
  )
  const [[product], details] = await Promise.all([productQuery, detailsQuery])
  // Not found and not allowed look the same from outside: 404, never a hint that it exists.
  if (!product) throw new DomainError('not_found', 'NOT_FOUND')
  const offers = [...new Map(details.map((d) => [d.offer_id, { id: d.offer_id, organizationId: d.organization_id, sku: d.sku, priceAmount: Number(d.price_amount), currency: d.currency, minOrderQty: d.min_order_qty, orderMultiple: d.order_multiple, leadTimeDays: d.lead_time_days, condition: d.condition, priceOnRequest: d.price_on_request }])).values()]
  const sellers = new Map(details.map((d) => [d.organization_id, { id: d.organization_id, name: d.name, slug: d.slug, kind: d.kind, vat: d.prices_include_vat ?? false, signedInOnly: d.prices_signed_in_only ?? false }]))
  const held = (offerId: string) => details.filter((d) => d.offer_id === offerId && d.quantity !== null).map((d) => ({ quantity: d.quantity!, latitude: d.latitude!, longitude: d.longitude! }))

  // Prices the viewer may not see (call for price; kept for signed-in buyers) are not resolved, nor sent.
  const viewer = searchViewer(ctx.actor)
  const hidden = (o: (typeof offers)[number]): OfferComparisonRow['priceHidden'] =>
    o.priceOnRequest ? 'onRequest' : offerPriceShownTo(viewer, { pricesSignedInOnly: sellers.get(o.organizationId)!.signedInOnly }) ? null : 'signIn'
  const priced = offers.filter((o) => !hidden(o))
  const resolved = new Map((await resolvePrices(ctx, priced.map((o) => ({ offerId: o.id })))).filter((p): p is ResolvedPrice => !!p).map((p) => [p.offerId, p]))
  const rows = offers
    .filter((o) => hidden(o) || resolved.has(o.id))
    .map((o): OfferComparisonRow => {
      const price = resolved.get(o.id)
      const stock = held(o.id)
      const distances = buyerLocation ? stock.map((s) => ({ qty: s.quantity, km: distanceKm(buyerLocation, s) })) : []
      const seller = sellers.get(o.organizationId)!
      return {
        offerId: o.id,
        seller: { id: seller.id, name: seller.name, slug: seller.slug, kind: seller.kind },
        sku: o.sku,
        price: price?.unit ?? null,
        priceHidden: hidden(o),
        listPrice: price && price.unit.amount !== price.base.amount ? price.base : null,
        pricing: price
          ? { list: price.list && { name: price.list.name, scope: price.list.scope, inherited: price.list.inherited }, tier: price.tier, percentOffBp: price.percentOffBp, quantity: price.quantity, passedOverCount: price.passedOver.length }
          : null,
        stockTotal: stock.reduce((n, s) => n + s.quantity, 0),
        stockNear: buyerLocation ? distances.filter((d) => d.km <= NEAR_KM).reduce((n, d) => n + d.qty, 0) : null,
        nearestStockKm: distances.length ? Math.round(Math.min(...distances.map((d) => d.km))) : null,
        leadTimeDays: o.leadTimeDays,
        minOrderQty: o.minOrderQty,
        orderMultiple: o.orderMultiple,
        condition: o.condition,
        authorized: seller.id === product.organization_id || !product.seller_listed,
        pricesIncludeVat: seller.vat,
        badges: [],
      }
    })
    // Priced offers first, cheapest first within a currency (currencies are never compared).
    .sort((a, b) => (!a.price || !b.price ? Number(!a.price) - Number(!b.price) : a.price.currency === b.price.currency ? a.price.amount - b.price.amount : a.price.currency.localeCompare(b.price.currency)))

  awardBadges(rows)
  return {
    id: product.id,
    slug: product.slug,
    mpn: product.mpn,
    gtin: product.gtin,
    name: { en: product.name_en, vi: product.name_vi },
    description: { en: product.description_en, vi: product.description_vi },
    brand: product.brand,
    category: product.category,
    attributes: product.attributes,
    unitOfMeasure: product.unit_of_measure,
    packSize: product.pack_size,
    sellerListed: product.seller_listed,
    offers: rows,
    images: product.images,
  }
}

/** Marks the offers that stand out; with a single offer there is nothing to compare. */
function awardBadges(rows: OfferComparisonRow[]): void {
  if (rows.length < 2) return
  const groups = new Map<string, (OfferComparisonRow & { price: Money })[]>()
  for (const r of rows) if (r.price) groups.set(`${r.price.currency}:${r.pricesIncludeVat}`, [...(groups.get(`${r.price.currency}:${r.pricesIncludeVat}`) ?? []), r as OfferComparisonRow & { price: Money }])
  for (const group of groups.values()) {
    if (group.length < 2) continue
    const lowest = Math.min(...group.map((r) => r.price.amount))
    if (group.some((r) => r.price.amount !== lowest)) for (const r of group) if (r.price.amount === lowest) r.badges.push('lowestPrice')
  }
  const withDistance = rows.filter((r) => r.nearestStockKm !== null)
  const nearest = Math.min(...withDistance.map((r) => r.nearestStockKm!))
  // A badge only where offers differ: when all are equally near (or equally fast, or cheap), none stands out.
  if (rows.some((r) => r.nearestStockKm !== nearest)) for (const r of withDistance) if (r.nearestStockKm === nearest) r.badges.push('nearestStock')
  const fastest = Math.min(...rows.map((r) => r.leadTimeDays))
  if (rows.some((r) => r.leadTimeDays !== fastest)) for (const r of rows) if (r.leadTimeDays === fastest) r.badges.push('shortestLeadTime')
}
