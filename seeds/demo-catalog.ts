// The demo catalog: categories, brands, products, authorizations and offers with stock.
// Idempotent: keyed by slugs, part numbers and SKUs.
import type { EntityManager } from '@tradepost/domain/db'
import { Brand, Category, DistributorAuthorization, Product, type TerritoryCircle } from '@tradepost/domain/catalog'
import { Offer, OfferStock } from '@tradepost/domain/offers'
import { Organization, Warehouse } from '@tradepost/domain/organizations'
import type { AttributeDefinition } from '@tradepost/domain/schemas'

const CATEGORIES: { slug: string; parent?: string; nameEn: string; nameVi: string; attributes: AttributeDefinition[] }[] = [
  { slug: 'electrical', nameEn: 'Electrical', nameVi: 'Thiết bị điện', attributes: [] },
  { slug: 'circuit-breakers', parent: 'electrical', nameEn: 'Circuit breakers', nameVi: 'Cầu dao tự động', attributes: [
    { key: 'rated_current', labelEn: 'Rated current', labelVi: 'Dòng định mức', type: 'number', unit: 'A' },
    { key: 'poles', labelEn: 'Poles', labelVi: 'Số cực', type: 'enum', options: ['1P', '2P', '3P', '4P'] },
  ] },
  { slug: 'cables', parent: 'electrical', nameEn: 'Cables', nameVi: 'Dây cáp điện', attributes: [
    { key: 'cross_section', labelEn: 'Cross-section', labelVi: 'Tiết diện', type: 'number', unit: 'mm²' },
  ] },
  { slug: 'pumps', nameEn: 'Pumps', nameVi: 'Máy bơm', attributes: [
    { key: 'power', labelEn: 'Power', labelVi: 'Công suất', type: 'number', unit: 'kW' },
    { key: 'max_head', labelEn: 'Maximum head', labelVi: 'Cột áp tối đa', type: 'number', unit: 'm' },
  ] },
]

const BRANDS = [
  { slug: 'song-hong', name: 'Sông Hồng', owner: 'song-hong-electric' },
  { slug: 'mekong', name: 'Mekong', owner: 'mekong-pumps' },
  { slug: 'merlion', name: 'Merlion', owner: 'merlion-pumps' },
]

const PRODUCTS = [
  { mpn: 'SH-MCB-2P-63', brand: 'song-hong', category: 'circuit-breakers', nameEn: 'Miniature circuit breaker 2P 63A', nameVi: 'Cầu dao tự động MCB 2P 63A', attributes: { rated_current: 63, poles: '2P' }, gtin: '8930000000017', descriptionEn: 'Two-pole miniature circuit breaker for 230/400 V distribution boards, rated 63 A with a C tripping curve and 6 kA breaking capacity. Mounts on a 35 mm DIN rail; the lever shows ON/OFF and the contact position.', descriptionVi: 'Cầu dao tự động hai cực cho tủ điện 230/400 V, dòng định mức 63 A, đường cong cắt loại C, khả năng cắt 6 kA. Lắp trên thanh ray DIN 35 mm; cần gạt hiển thị trạng thái BẬT/TẮT và vị trí tiếp điểm.' },
  { mpn: 'SH-MCB-1P-32', brand: 'song-hong', category: 'circuit-breakers', nameEn: 'Miniature circuit breaker 1P 32A', nameVi: 'Cầu dao tự động MCB 1P 32A', attributes: { rated_current: 32, poles: '1P' }, gtin: null, descriptionEn: 'Single-pole miniature circuit breaker rated 32 A, C curve, 6 kA breaking capacity, for lighting and socket circuits. Fits a 35 mm DIN rail and accepts cables up to 25 mm².', descriptionVi: 'Cầu dao tự động một cực 32 A, đường cong C, khả năng cắt 6 kA, dùng cho mạch chiếu sáng và ổ cắm. Lắp trên thanh ray DIN 35 mm, đấu được dây đến 25 mm².' },
  { mpn: 'SH-CU-2X2.5', brand: 'song-hong', category: 'cables', nameEn: 'Copper cable 2×2.5 mm², 100 m roll', nameVi: 'Dây cáp đồng 2×2,5 mm², cuộn 100 m', attributes: { cross_section: 2.5 }, gtin: null, unit: 'roll' as const, descriptionEn: 'Two-core copper cable, 2.5 mm² per core, PVC insulated and sheathed, 300/500 V, sold as a 100 m roll. For fixed wiring of socket circuits in homes, shops and offices.', descriptionVi: 'Dây cáp đồng hai lõi, tiết diện 2,5 mm² mỗi lõi, cách điện và vỏ bọc PVC, 300/500 V, bán theo cuộn 100 m. Dùng đi dây cố định cho mạch ổ cắm trong nhà ở, cửa hàng và văn phòng.' },
  { mpn: 'SH-CU-2X4-500', brand: 'song-hong', category: 'cables', nameEn: 'Copper cable 2×4 mm², 500 m drum', nameVi: 'Dây cáp đồng 2×4 mm², rulô 500 m', attributes: { cross_section: 4 }, gtin: null, unit: 'roll' as const, descriptionEn: 'Two-core copper cable, 4 mm² per core, PVC insulated and sheathed, 300/500 V, on a 500 m drum for site work. Sold to contractors on account.', descriptionVi: 'Dây cáp đồng hai lõi, tiết diện 4 mm² mỗi lõi, cách điện và vỏ bọc PVC, 300/500 V, quấn rulô 500 m cho công trường. Bán cho nhà thầu theo tài khoản.' },
  { mpn: 'SH-DB-24', brand: 'song-hong', category: 'electrical', nameEn: 'Distribution board, 24 ways, built to order', nameVi: 'Tủ điện phân phối 24 lộ, đóng theo yêu cầu', attributes: {}, gtin: null, descriptionEn: 'Steel distribution board for 24 modules, wired and tested to the buyer\'s single-line diagram. Priced per project: ask for a quote with the quantity and the drawing.', descriptionVi: 'Tủ điện vỏ thép cho 24 mô-đun, đấu dây và thử nghiệm theo sơ đồ một sợi của người mua. Giá theo từng dự án: hãy yêu cầu báo giá kèm số lượng và bản vẽ.' },
  { mpn: 'MK-CP-2200', brand: 'mekong', category: 'pumps', nameEn: 'Centrifugal pump 2.2 kW', nameVi: 'Máy bơm ly tâm 2,2 kW', attributes: { power: 2.2, max_head: 38 }, gtin: null, descriptionEn: 'Single-stage centrifugal pump with a 2.2 kW motor for clean water: up to 38 m head, cast-iron volute, brass impeller and mechanical seal. For irrigation, water supply to buildings and pressure boosting.', descriptionVi: 'Máy bơm ly tâm một tầng cánh, động cơ 2,2 kW, dùng cho nước sạch: cột áp tối đa 38 m, buồng bơm gang, cánh bơm đồng, phớt cơ khí. Dùng cho tưới tiêu, cấp nước tòa nhà và tăng áp.' },
  { mpn: 'MK-SP-750', brand: 'mekong', category: 'pumps', nameEn: 'Submersible pump 0.75 kW', nameVi: 'Máy bơm chìm 0,75 kW', attributes: { power: 0.75, max_head: 12 }, gtin: null, descriptionEn: 'Submersible pump with a 0.75 kW oil-filled motor and a stainless steel body, up to 12 m head. For draining flooded basements, wells and tanks; a float switch starts and stops it.', descriptionVi: 'Máy bơm chìm động cơ 0,75 kW ngâm dầu, thân inox, cột áp tối đa 12 m. Dùng thoát nước tầng hầm ngập, giếng và bể chứa; phao điện tự động bật tắt máy.' },
  { mpn: 'MP-BP-1500', brand: 'merlion', category: 'pumps', nameEn: 'Booster pump set 1.5 kW', nameVi: 'Cụm bơm tăng áp 1,5 kW', attributes: { power: 1.5, max_head: 45 }, gtin: null, descriptionEn: 'Pressure booster set with a 1.5 kW multistage pump, a 24 L pressure tank and a pressure switch, up to 45 m head. For water supply to low-rise buildings and wash-down points.', descriptionVi: 'Cụm bơm tăng áp gồm bơm nhiều tầng cánh 1,5 kW, bình áp 24 L và công tắc áp suất, cột áp tối đa 45 m. Dùng cấp nước cho nhà thấp tầng và điểm rửa.' },
  { mpn: 'MP-DP-400', brand: 'merlion', category: 'pumps', nameEn: 'Drainage pump 0.4 kW', nameVi: 'Máy bơm thoát nước 0,4 kW', attributes: { power: 0.4, max_head: 8 }, gtin: null, descriptionEn: 'Portable drainage pump with a 0.4 kW motor and a built-in float switch, up to 8 m head, for site dewatering and pits.', descriptionVi: 'Máy bơm thoát nước di động, động cơ 0,4 kW có phao tích hợp, cột áp tối đa 8 m, dùng hút nước công trường và hố ga.' },
]

const AUTHORIZATIONS: { brand: string; distributor: string; subdivisions: string[]; circles?: TerritoryCircle[] }[] = [
  { brand: 'song-hong', distributor: 'hanoi-industrial-supply', subdivisions: ['VN-HN', 'VN-HP'] },
  { brand: 'song-hong', distributor: 'saigon-parts', subdivisions: ['VN-SG'] },
  { brand: 'mekong', distributor: 'saigon-parts', subdivisions: ['VN-SG'], circles: [{ latitude: 10.0452, longitude: 105.7469, radiusKm: 80 }] },
  { brand: 'mekong', distributor: 'da-nang-trading', subdivisions: ['VN-DN'] },
  { brand: 'merlion', distributor: 'orchard-trade', subdivisions: ['SG-01', 'SG-02'] },
  { brand: 'merlion', distributor: 'lion-city-supply', subdivisions: ['SG-03', 'SG-05'] },
]

// seller slug, product mpn, sku, price (minor units of the seller's currency), moq, multiple, lead days, stock at the seller's first warehouse
const OFFERS: [string, string, string, number, number, number, number, number][] = [
  ['hanoi-industrial-supply', 'SH-MCB-2P-63', 'HNIS-MCB2P63', 185_000, 1, 1, 1, 240],
  ['saigon-parts', 'SH-MCB-2P-63', 'SGP-000263', 179_000, 10, 10, 3, 60],
  ['hanoi-industrial-supply', 'SH-MCB-1P-32', 'HNIS-MCB1P32', 96_000, 1, 1, 1, 500],
  ['hanoi-industrial-supply', 'SH-CU-2X2.5', 'HNIS-CU25', 1_450_000, 1, 1, 2, 35],
  ['saigon-parts', 'MK-CP-2200', 'SGP-PUMP-2200', 6_900_000, 1, 1, 5, 8],
  ['da-nang-trading', 'MK-CP-2200', 'DNT-MK2200', 7_150_000, 1, 1, 2, 3],
  ['da-nang-trading', 'MK-SP-750', 'DNT-MK750', 2_350_000, 1, 1, 2, 0],
  ['mekong-pumps', 'MK-SP-750', 'MKP-SP750', 2_290_000, 5, 5, 10, 0],
  // Only Hà Nội Industrial Supply's contractors see this one (restricted in the pricing seed).
  ['hanoi-industrial-supply', 'SH-CU-2X4-500', 'HNIS-CU4-DRUM', 12_345_600, 1, 1, 7, 4],
  ['song-hong-electric', 'SH-DB-24', 'SHE-DB24', 0, 1, 1, 21, 0],
  // Singapore sellers price in SGD (cents).
  ['merlion-pumps', 'MP-BP-1500', 'MLP-BP1500', 128_900, 1, 1, 5, 40],
  ['lion-city-supply', 'MP-BP-1500', 'LCS-BP1500', 131_500, 1, 1, 2, 12],
  ['lion-city-supply', 'MP-DP-400', 'LCS-DP400', 42_900, 1, 1, 2, 30],
]

/** Offers whose price is on request ("call for price"): buyers ask for a quote. */
const PRICE_ON_REQUEST = new Set(['SHE-DB24'])

export async function seedDemoCatalog(em: EntityManager): Promise<{ products: number; offers: number }> {
  let products = 0
  let offers = 0
  await em.transactional(async (tx) => {
    const org = async (slug: string) => tx.findOneOrFail(Organization, { slug })
    const categories = new Map<string, Category>()
    for (const c of CATEGORIES) {
      let row = await tx.findOne(Category, { slug: c.slug })
      if (!row) {
        row = tx.create(Category, { slug: c.slug, nameEn: c.nameEn, nameVi: c.nameVi, attributes: c.attributes, parentId: c.parent ? categories.get(c.parent)!.id : null })
        tx.persist(row)
      }
      categories.set(c.slug, row)
    }
    const brands = new Map<string, Brand>()
    for (const b of BRANDS) {
      let row = await tx.findOne(Brand, { slug: b.slug })
      if (!row) tx.persist((row = tx.create(Brand, { slug: b.slug, name: b.name, organizationId: (await org(b.owner)).id })))
      brands.set(b.slug, row)
    }
    await tx.flush()
    const productsByMpn = new Map<string, Product>()
    for (const p of PRODUCTS) {
      const brand = brands.get(p.brand)!
      let row = await tx.findOne(Product, { organizationId: brand.organizationId, mpn: p.mpn })
      if (!row) {
        row = tx.create(Product, {
          organizationId: brand.organizationId, brandId: brand.id, categoryId: categories.get(p.category)!.id, mpn: p.mpn,
          slug: `${p.mpn.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, nameEn: p.nameEn, nameVi: p.nameVi, attributes: p.attributes,
          gtin: p.gtin, unitOfMeasure: p.unit ?? 'piece', status: 'published', sellerListed: false,
          descriptionEn: p.descriptionEn, descriptionVi: p.descriptionVi,
        })
        tx.persist(row)
        products++
      }
      productsByMpn.set(p.mpn, row)
    }
    for (const a of AUTHORIZATIONS) {
      const brand = brands.get(a.brand)!
      const distributor = await org(a.distributor)
      if (!(await tx.count(DistributorAuthorization, { brandId: brand.id, distributorId: distributor.id }))) {
        tx.persist(tx.create(DistributorAuthorization, { organizationId: brand.organizationId, distributorId: distributor.id, brandId: brand.id, subdivisions: a.subdivisions, circles: a.circles ?? [] }))
      }
    }
    await tx.flush()
    for (const [sellerSlug, mpn, sku, price, moq, multiple, lead, stock] of OFFERS) {
      const seller = await org(sellerSlug)
      if (await tx.count(Offer, { organizationId: seller.id, sku })) continue
      const offer = tx.create(Offer, { organizationId: seller.id, productId: productsByMpn.get(mpn)!.id, sku, priceAmount: price, currency: seller.defaultCurrency as Offer['currency'], minOrderQty: moq, orderMultiple: multiple, leadTimeDays: lead, condition: 'new', status: 'active', priceOnRequest: PRICE_ON_REQUEST.has(sku) })
      tx.persist(offer)
      const warehouse = await tx.findOne(Warehouse, { organizationId: seller.id }, { orderBy: { name: 'asc' } })
      if (warehouse && stock > 0) tx.persist(tx.create(OfferStock, { organizationId: seller.id, offerId: offer.id, warehouseId: warehouse.id, quantity: stock }))
      offers++
    }
  })
  return { products, offers }
}

/** The demo catalog's names in both languages (a check that Vietnamese pages show no English ones). */
export const DEMO_CATALOG_NAMES: { en: string; vi: string }[] = [...CATEGORIES, ...PRODUCTS].map((n) => ({ en: n.nameEn, vi: n.nameVi }))
