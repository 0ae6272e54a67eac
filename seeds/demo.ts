// The demo world `npm start` serves. Idempotent: what exists (by slug or email) is left alone.
import { AuditEvent } from '@tradepost/domain/audit'
import type { EntityManager } from '@tradepost/domain/db'
import { newOrganization, Organization, Warehouse, type OrganizationKind } from '@tradepost/domain/organizations'
import { hashPassword, Membership, User, type Role } from '@tradepost/domain/users'
import { seedDemoCatalog } from './demo-catalog.ts'
import { seedDemoImages } from './demo-images.ts'
import { ShipTo } from '@tradepost/domain/companies'
import type { FileStorage } from '@tradepost/domain/catalog'
import { seedDemoPricing } from './demo-pricing.ts'
import { seedDemoApprovals, seedDemoBuying } from './demo-approvals.ts'
import { seedDemoOrders } from './demo-orders.ts'
export { DEMO_CATALOG_NAMES } from './demo-catalog.ts'

/** One documented password for every demo user. */
export const DEMO_PASSWORD = 'tradepost-demo-2026'

interface DemoOrg {
  slug: string
  name: string
  kind: OrganizationKind
  parent?: string
  country?: string
  locale?: 'en' | 'vi'
  members: { email: string; name: string; role: Role }[]
  warehouses?: { name: string; addressLine: string; city: string; subdivisionCode: string; latitude: number; longitude: number }[]
  /** A buyer company's ship-to addresses. */
  shipTos?: { name: string; addressLine: string; city: string; subdivisionCode: string; latitude: number; longitude: number }[]
}

export const DEMO_WORLD: DemoOrg[] = [
  {
    slug: 'tradepost-operations', name: 'Tradepost Operations', kind: 'operator',
    members: [
      { email: 'operator@tradepost.test', name: 'Olivia Operator', role: 'admin' },
      { email: 'support@tradepost.test', name: 'Sam Support', role: 'support' },
    ],
  },
  {
    slug: 'song-hong-electric', name: 'Sông Hồng Electric', kind: 'manufacturer', locale: 'vi',
    members: [{ email: 'admin@songhong.test', name: 'Trần Minh Đức', role: 'admin' }, { email: 'catalog@songhong.test', name: 'Lê Thu Hà', role: 'catalog_manager' }],
  },
  {
    slug: 'mekong-pumps', name: 'Mekong Pumps', kind: 'manufacturer',
    members: [{ email: 'admin@mekongpumps.test', name: 'Marcus Reed', role: 'admin' }],
  },
  {
    slug: 'hanoi-industrial-supply', name: 'Hà Nội Industrial Supply', kind: 'distributor', locale: 'vi',
    members: [{ email: 'admin@hanoisupply.test', name: 'Nguyễn Văn An', role: 'admin' }, { email: 'sales@hanoisupply.test', name: 'Phạm Thị Mai', role: 'sales' }],
    warehouses: [{ name: 'Kho Long Biên', addressLine: '12 Ngô Gia Tự, Đức Giang, Long Biên', city: 'Hà Nội', subdivisionCode: 'VN-HN', latitude: 21.0612, longitude: 105.8969 }],
  },
  {
    slug: 'da-nang-trading', name: 'Đà Nẵng Trading', kind: 'distributor', locale: 'vi',
    members: [{ email: 'admin@danangtrading.test', name: 'Hoàng Quốc Bảo', role: 'admin' }],
    warehouses: [{ name: 'Kho Liên Chiểu', addressLine: '45 Tạ Quang Bửu, Hòa Hiệp Bắc, Liên Chiểu', city: 'Đà Nẵng', subdivisionCode: 'VN-DN', latitude: 16.0998, longitude: 108.1338 }],
  },
  {
    slug: 'saigon-parts', name: 'Saigon Parts Co.', kind: 'distributor',
    members: [{ email: 'admin@saigonparts.test', name: 'Võ Thanh Tùng', role: 'admin' }, { email: 'fulfillment@saigonparts.test', name: 'Đặng Ngọc Lan', role: 'fulfillment' }],
    warehouses: [{ name: 'Thu Duc Warehouse', addressLine: '88 Xa lộ Hà Nội, Thảo Điền, Thủ Đức', city: 'TP. Hồ Chí Minh', subdivisionCode: 'VN-SG', latitude: 10.8031, longitude: 106.7460 }],
  },
  {
    slug: 'ben-thanh-construction', name: 'Bến Thành Construction', kind: 'buyer',
    members: [
      { email: 'admin@benthanh.test', name: 'Bùi Anh Khoa', role: 'admin' },
      { email: 'approver@benthanh.test', name: 'Đỗ Thị Hương', role: 'approver' },
      { email: 'buyer@benthanh.test', name: 'Ngô Đức Thịnh', role: 'buyer' },
      { email: 'viewer@benthanh.test', name: 'Lý Minh Châu', role: 'viewer' },
    ],
    shipTos: [
      { name: 'Trụ sở Quận 3', addressLine: '120 Võ Văn Tần, Phường 6, Quận 3', city: 'TP. Hồ Chí Minh', subdivisionCode: 'VN-SG', latitude: 10.7756, longitude: 106.6902 },
      { name: 'Công trường Cầu Giấy', addressLine: '36 Trần Thái Tông, Dịch Vọng Hậu, Cầu Giấy', city: 'Hà Nội', subdivisionCode: 'VN-HN', latitude: 21.0313, longitude: 105.7890 },
    ],
  },
  {
    slug: 'ben-thanh-construction-da-nang', name: 'Bến Thành Construction – Đà Nẵng', kind: 'buyer', parent: 'ben-thanh-construction',
    members: [{ email: 'buyer.danang@benthanh.test', name: 'Phan Văn Hải', role: 'buyer' }],
    shipTos: [{ name: 'Văn phòng Đà Nẵng', addressLine: '45 Bạch Đằng, Hải Châu', city: 'Đà Nẵng', subdivisionCode: 'VN-DN', latitude: 16.0718, longitude: 108.2243 }],
  },
  // Singapore is a Stripe Connect region: these sellers can take cards (see the portal's Card payments).
  {
    slug: 'merlion-pumps', name: 'Merlion Pumps Pte. Ltd.', kind: 'manufacturer', country: 'SG',
    members: [{ email: 'admin@merlionpumps.test', name: 'Tan Wei Ling', role: 'admin' }],
    warehouses: [{ name: 'Tuas plant', addressLine: '21 Tuas Avenue 3', city: 'Singapore', subdivisionCode: 'SG-05', latitude: 1.3187, longitude: 103.6420 }],
  },
  {
    slug: 'lion-city-supply', name: 'Lion City Industrial Supply', kind: 'distributor', country: 'SG',
    members: [{ email: 'admin@lioncity.test', name: 'Rajesh Kumar', role: 'admin' }],
    warehouses: [{ name: 'Jurong warehouse', addressLine: '8 Jurong Port Road', city: 'Singapore', subdivisionCode: 'SG-05', latitude: 1.3080, longitude: 103.7197 }],
  },
  {
    slug: 'orchard-trade', name: 'Orchard Trade Supplies', kind: 'distributor', country: 'SG',
    members: [{ email: 'admin@orchardtrade.test', name: 'Chloe Lim', role: 'admin' }],
    warehouses: [{ name: 'Kallang depot', addressLine: '30 Kallang Place', city: 'Singapore', subdivisionCode: 'SG-01', latitude: 1.3110, longitude: 103.8640 }],
  },
  {
    slug: 'marina-bay-builders', name: 'Marina Bay Builders', kind: 'buyer', country: 'SG',
    members: [{ email: 'admin@marinabay.test', name: 'Daniel Ong', role: 'admin' }, { email: 'buyer@marinabay.test', name: 'Priya Nair', role: 'buyer' }],
    shipTos: [{ name: 'Marina South site', addressLine: '2 Marina Gardens Drive', city: 'Singapore', subdivisionCode: 'SG-01', latitude: 1.2816, longitude: 103.8636 }],
  },
  {
    slug: 'haiphong-shipyard', name: 'Hải Phòng Shipyard', kind: 'buyer',
    members: [{ email: 'admin@haiphongshipyard.test', name: 'Emma Clarke', role: 'admin' }, { email: 'buyer@haiphongshipyard.test', name: 'Vũ Hoàng Long', role: 'buyer' }],
  },
]

/** Creates what is missing of the demo world; returns how many rows it added. */
/** Seeds the demo world; with a file storage, its product pictures too (resized like an upload). */
export async function seedDemo(em: EntityManager, options: { storage?: FileStorage } = {}): Promise<{ organizations: number; users: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  let organizations = 0
  let users = 0
  await em.transactional(async (tx) => {
    const bySlug = new Map<string, Organization>()
    for (const demo of DEMO_WORLD) {
      let org = await tx.findOne(Organization, { slug: demo.slug })
      if (!org) {
        org = await newOrganization(tx, {
          slug: demo.slug,
          name: demo.name,
          kind: demo.kind,
          country: demo.country ?? 'VN',
          locale: demo.locale ?? 'en',
          status: 'active',
          parentId: demo.parent ? bySlug.get(demo.parent)!.id : null,
        })
        for (const w of demo.warehouses ?? []) tx.persist(tx.create(Warehouse, { organizationId: org.id, country: demo.country ?? 'VN', ...w }))
        organizations++
      }
      bySlug.set(demo.slug, org)
      // Ship-to addresses also reach a demo world seeded before they existed.
      if (demo.shipTos?.length && !(await tx.count(ShipTo, { organizationId: org.id }))) {
        for (const a of demo.shipTos) tx.persist(tx.create(ShipTo, { organizationId: org.id, country: demo.country ?? 'VN', ...a }))
      }
      for (const m of demo.members) {
        let user = await tx.findOne(User, { email: m.email })
        if (!user) {
          user = tx.create(User, { email: m.email, name: m.name, passwordHash, locale: demo.locale ?? 'en' })
          tx.persist(user)
          users++
        }
        if (!(await tx.count(Membership, { userId: user.id, organizationId: org.id }))) {
          tx.persist(tx.create(Membership, { userId: user.id, organizationId: org.id, role: m.role }))
        }
      }
      await tx.flush()
    }
    // One user in two organizations, to show the organization switcher.
    const multi = await tx.findOneOrFail(User, { email: 'admin@hanoisupply.test' })
    const second = bySlug.get('da-nang-trading')!
    if (!(await tx.count(Membership, { userId: multi.id, organizationId: second.id }))) {
      tx.persist(tx.create(Membership, { userId: multi.id, organizationId: second.id, role: 'sales' }))
    }
    // The operator approved each organization of the demo world: the audit log says so, as it
    // would had they applied through the sign-up form.
    const operator = await tx.findOneOrFail(User, { email: 'operator@tradepost.test' })
    for (const org of bySlug.values()) {
      if (org.kind === 'operator' || (await tx.count(AuditEvent, { organizationId: org.id, action: 'organization.approved' }))) continue
      tx.persist(tx.create(AuditEvent, { organizationId: org.id, actorUserId: operator.id, action: 'organization.approved', subjectType: 'Organization', subjectId: org.id, details: { from: 'pending', to: 'active' } }))
    }
  })
  await seedDemoCatalog(em)
  await seedDemoPricing(em)
  await seedDemoApprovals(em)
  await seedDemoBuying(em)
  await seedDemoOrders(em)
  if (options.storage) await seedDemoImages(em.fork(), options.storage)
  // Two weeks of storefront views before today (today counts live), so dashboards have a history.
  await em.getConnection().execute(
    `insert into storefront_view (organization_id, day, views)
     select o.id, d::date, 5 + abs(hashtext(o.slug || d::date::text)) % 40
     from organization o,
          generate_series((now() at time zone 'Asia/Ho_Chi_Minh')::date - 13, (now() at time zone 'Asia/Ho_Chi_Minh')::date - 1, interval '1 day') d
     where o.kind in ('manufacturer', 'distributor') and o.status = 'active'
     on conflict do nothing`,
  )
  return { organizations, users }
}

export const DEMO_LOGINS = [
  ['operator (admin)', 'operator@tradepost.test', 'seller portal'],
  ['operator (support)', 'support@tradepost.test', 'seller portal'],
  ['manufacturer admin', 'admin@songhong.test', 'seller portal'],
  ['distributor admin (two distributors)', 'admin@hanoisupply.test', 'seller portal'],
  ['buyer company admin', 'admin@benthanh.test', 'marketplace'],
  ['buyer approver / buyer / viewer', 'approver@ / buyer@ / viewer@benthanh.test', 'marketplace'],
  ['Singapore sellers (card payments)', 'admin@merlionpumps.test, admin@lioncity.test', 'seller portal'],
  ['Singapore buyer (pays by card)', 'buyer@marinabay.test', 'marketplace'],
] as const
