import { scoped } from '../authz/scoped.ts'
import { Brand } from '../catalog/brand.entity.ts'
import { Category } from '../catalog/category.entity.ts'
import { Product } from '../catalog/product.entity.ts'
import { ProductImage } from '../catalog/product-image.entity.ts'
import type { AttributeDefinition, AttributeValues } from '../catalog/catalog.constants.ts'
import type { Ctx } from '../ctx.ts'
import { distanceKm, type LatLng } from '../geo.ts'
import type { Money } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { OfferStock } from './offer-stock.entity.ts'
import { Offer } from './offer.entity.ts'
import { priceFor } from './pricing.ts'

/** Stock within this distance of the buyer counts as "near". */
export const NEAR_KM = 100

export interface OfferComparisonRow {
  offerId: string
  seller: { id: string; name: string; slug: string; kind: Organization['kind'] }
  sku: string
  price: Money
  stockTotal: number
  stockNear: number | null
  nearestStockKm: number | null
  leadTimeDays: number
  minOrderQty: number
  orderMultiple: number
  condition: Offer['condition']
  authorized: boolean
}

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
  images: { id: string }[]
}

/**
 * A published product with every active offer for it, compared side by side: price (through
 * the pricing function), stock near the buyer and in total, distance to the nearest stock.
 */
export async function getProductPage(ctx: Ctx, slug: string, buyerLocation: LatLng | null): Promise<ProductPageDto> {
  const product = await scoped(ctx).findOneOrThrow(Product, { slug })
  const [brand, category] = [product.brandId ? await ctx.em.findOne(Brand, { id: product.brandId }) : null, await ctx.em.findOneOrFail(Category, { id: product.categoryId })]
  const offers = await scoped(ctx).find(Offer, { productId: product.id, status: 'active' })
  const sellers = new Map((offers.length ? await ctx.em.find(Organization, { id: { $in: offers.map((o) => o.organizationId) }, status: 'active' }) : []).map((o) => [o.id, o]))
  const stock = offers.length ? await ctx.em.find(OfferStock, { offerId: { $in: offers.map((o) => o.id) } }) : []
  const warehouses = new Map((stock.length ? await ctx.em.find(Warehouse, { id: { $in: stock.map((s) => s.warehouseId) } }) : []).map((w) => [w.id, w]))

  const rows = offers
    .filter((o) => sellers.has(o.organizationId))
    .map((o): OfferComparisonRow => {
      const held = stock.filter((s) => s.offerId === o.id && s.quantity > 0)
      const distances = buyerLocation ? held.map((s) => ({ qty: s.quantity, km: distanceKm(buyerLocation, warehouses.get(s.warehouseId)!) })) : []
      const seller = sellers.get(o.organizationId)!
      return {
        offerId: o.id,
        seller: { id: seller.id, name: seller.name, slug: seller.slug, kind: seller.kind },
        sku: o.sku,
        price: priceFor(ctx, o),
        stockTotal: held.reduce((n, s) => n + s.quantity, 0),
        stockNear: buyerLocation ? distances.filter((d) => d.km <= NEAR_KM).reduce((n, d) => n + d.qty, 0) : null,
        nearestStockKm: distances.length ? Math.round(Math.min(...distances.map((d) => d.km))) : null,
        leadTimeDays: o.leadTimeDays,
        minOrderQty: o.minOrderQty,
        orderMultiple: o.orderMultiple,
        condition: o.condition,
        authorized: seller.id === product.organizationId || !product.sellerListed,
      }
    })
    .sort((a, b) => (a.price.currency === b.price.currency ? a.price.amount - b.price.amount : a.price.currency.localeCompare(b.price.currency)))

  return {
    id: product.id,
    slug: product.slug,
    mpn: product.mpn,
    gtin: product.gtin ?? null,
    name: { en: product.nameEn, vi: product.nameVi },
    description: { en: product.descriptionEn, vi: product.descriptionVi },
    brand: brand ? { name: brand.name, slug: brand.slug } : null,
    category: { slug: category.slug, nameEn: category.nameEn, nameVi: category.nameVi, attributes: category.attributes },
    attributes: product.attributes,
    unitOfMeasure: product.unitOfMeasure,
    packSize: product.packSize,
    sellerListed: product.sellerListed,
    offers: rows,
    images: (await ctx.em.find(ProductImage, { productId: product.id }, { orderBy: { position: 'asc' } })).map((i) => ({ id: i.id })),
  }
}
