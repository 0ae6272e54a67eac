import type { EntityManager } from '@mikro-orm/postgresql'
import { Offer } from '../offers/offer.entity.ts'
import { OFFER_LISTED } from '../offers/visibility.ts'
import { Storefront } from '../organizations/storefront.entity.ts'
import { OfferStock } from '../offers/offer-stock.entity.ts'
import type { Currency } from '../money.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { Brand } from './brand.entity.ts'
import type { AttributeValues, ProductImageView } from './catalog.constants.ts'
import { Category } from './category.entity.ts'
import { Product } from './product.entity.ts'
import { ProductImage } from './product-image.entity.ts'

/** What the search engines index: a published product with every listed offer for it, each with its audiences. */
export interface SearchDocument {
  id: string
  slug: string
  mpn: string
  gtin: string | null
  nameEn: string
  nameVi: string
  descriptionEn: string
  descriptionVi: string
  brand: { id: string; slug: string; name: string } | null
  category: { id: string; slug: string; nameEn: string; nameVi: string; ancestorSlugs: string[] }
  attributes: AttributeValues
  sellerListed: boolean
  /** The first image, for result cards (null without one). */
  image?: ProductImageView | null
  offers: {
    offerId: string
    sellerId: string
    sellerSlug: string
    sellerName: string
    sku: string
    priceAmount: number
    currency: Currency
    /** The seller's setting: its prices include VAT. */
    pricesIncludeVat: boolean
    inStock: boolean
    /** Warehouses holding stock. */
    locations: { latitude: number; longitude: number }[]
    /** Whom the offer is for (offers/visibility.ts): engines show it only to viewers sharing an audience. */
    visibleTo: string[]
    /** Call for price: no price is shown, filtered or ranked by. */
    priceOnRequest: boolean
    /** The seller shows its prices to signed-in buyers only. */
    pricesSignedInOnly: boolean
  }[]
}

/**
 * Builds the documents of the given products. Products that are not published (or gone) come
 * back in `removed`: the index must drop them. Offers come in when they are listed (the offer
 * read rule's own condition, offers/visibility.ts) and carry whom they are for.
 */
export async function buildSearchDocuments(em: EntityManager, productIds: string[]): Promise<{ documents: SearchDocument[]; removed: string[] }> {
  const ids = [...new Set(productIds)]
  const products = ids.length ? await em.find(Product, { id: { $in: ids }, status: 'published', ownerActive: true }) : []
  const found = new Set(products.map((p) => p.id))
  const removed = ids.filter((id) => !found.has(id))
  if (!products.length) return { documents: [], removed }

  const brands = new Map((await em.find(Brand, { id: { $in: products.map((p) => p.brandId).filter((b): b is string => !!b) } })).map((b) => [b.id, b]))
  const categories = new Map((await em.find(Category, {})).map((c) => [c.id, c]))
  const offers = await em.find(Offer, { productId: { $in: products.map((p) => p.id) }, ...OFFER_LISTED })
  const sellers = new Map((offers.length ? await em.find(Organization, { id: { $in: [...new Set(offers.map((o) => o.organizationId))] } }) : []).map((o) => [o.id, o]))
  const storefronts = new Map((sellers.size ? await em.find(Storefront, { organizationId: { $in: [...sellers.keys()] } }) : []).map((s) => [s.organizationId, s]))
  const stock = offers.length ? await em.find(OfferStock, { offerId: { $in: offers.map((o) => o.id) }, quantity: { $gt: 0 } }) : []
  const warehouses = new Map((stock.length ? await em.find(Warehouse, { id: { $in: [...new Set(stock.map((s) => s.warehouseId))] } }) : []).map((w) => [w.id, w]))

  const firstImage = new Map<string, ProductImage>()
  for (const i of await em.find(ProductImage, { productId: { $in: products.map((p) => p.id) } }, { orderBy: { position: 'asc', createdAt: 'asc' } })) if (!firstImage.has(i.productId)) firstImage.set(i.productId, i)
  const ancestors = (categoryId: string): string[] => {
    const slugs: string[] = []
    for (let c = categories.get(categoryId); c; c = c.parentId ? categories.get(c.parentId) : undefined) slugs.push(c.slug)
    return slugs
  }
  const offersByProduct = new Map<string, Offer[]>()
  for (const o of offers) if (sellers.has(o.organizationId)) offersByProduct.set(o.productId, [...(offersByProduct.get(o.productId) ?? []), o])
  const stockByOffer = new Map<string, OfferStock[]>()
  for (const st of stock) stockByOffer.set(st.offerId, [...(stockByOffer.get(st.offerId) ?? []), st])
  const documents = products.map((p): SearchDocument => {
    const brand = p.brandId ? brands.get(p.brandId) : undefined
    const category = categories.get(p.categoryId)!
    return {
      id: p.id,
      slug: p.slug,
      mpn: p.mpn,
      gtin: p.gtin ?? null,
      nameEn: p.nameEn,
      nameVi: p.nameVi,
      descriptionEn: p.descriptionEn,
      descriptionVi: p.descriptionVi,
      brand: brand ? { id: brand.id, slug: brand.slug, name: brand.name } : null,
      category: { id: category.id, slug: category.slug, nameEn: category.nameEn, nameVi: category.nameVi, ancestorSlugs: ancestors(category.id) },
      attributes: p.attributes,
      sellerListed: p.sellerListed,
      image: ((i) => (i ? { id: i.id, width: i.width ?? null, height: i.height ?? null, widths: i.widths } : null))(firstImage.get(p.id)),
      offers: (offersByProduct.get(p.id) ?? []).map((o) => {
          const held = stockByOffer.get(o.id) ?? []
          const seller = sellers.get(o.organizationId)!
          return {
            offerId: o.id,
            sellerId: seller.id,
            sellerSlug: seller.slug,
            sellerName: seller.name,
            sku: o.sku,
            priceAmount: o.priceAmount,
            currency: o.currency,
            pricesIncludeVat: storefronts.get(seller.id)?.pricesIncludeVat ?? false,
            inStock: held.length > 0,
            locations: held.map((s) => warehouses.get(s.warehouseId)!).map((w) => ({ latitude: w.latitude, longitude: w.longitude })),
            visibleTo: [...o.visibleTo],
            priceOnRequest: o.priceOnRequest,
            pricesSignedInOnly: storefronts.get(seller.id)?.pricesSignedInOnly ?? false,
          }
      }),
    }
  })
  return { documents, removed }
}
