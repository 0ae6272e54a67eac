// Price resolution against a brute-force reference, over random worlds: random parent chains
// (who inherits), customers (approved or not, in a group or not), price lists (scope, priority,
// currency, window, active, targets) and entries (tiers or a percentage), for random viewers,
// moments and quantities. The worlds are written to the real database and resolved by the real
// query, each in a transaction that is rolled back.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import { saveProduct, setProductStatus } from '../catalog/products.ts'
import type { Currency } from '../money.ts'
import { OfferInputSchema } from '../offers/offer.schemas.ts'
import { saveOffer } from '../offers/offers.ts'
import { createBrand, createCategory, createOrganization } from '../testing/factories.ts'
import { rolledBack, useTestDatabase } from '../testing/test-database.ts'
import { PRICE_LIST_SCOPES, type PriceListScope, type PriceTier } from './pricing.constants.ts'
import { pickPrice, resolvePrices, type PriceCandidate } from './resolve.ts'

const db = useTestDatabase()

/** Worlds resolved by the database; and far more by the pure choice alone. */
const DB_RUNS = Number(process.env.PRICING_PROPERTY_RUNS ?? 1000)
const PURE_RUNS = 20_000

const DAY = 86_400_000
const AT = Date.UTC(2027, 5, 15, 12)
/** Buyers: 0 the viewer's company, 1 its parent, 2 the grandparent, 3 an unrelated company. */
const BUYERS = 4
const SELLERS = 2
const OFFERS_PER_SELLER = 2

interface World {
  inherit: [boolean, boolean]
  offers: { price: number; currency: Currency; moq: number; active: boolean }[]
  /** Per seller: how many groups. */
  groups: number[]
  customers: { seller: number; buyer: number; approved: boolean; group: number | null }[]
  lists: {
    seller: number
    currency: Currency
    scope: PriceListScope
    priority: number
    active: boolean
    window: 'none' | 'past' | 'current' | 'future' | 'endsNow' | 'startsNow'
    /** Group indexes (group lists) or customer indexes (company lists and contracts). */
    targets: number[]
    entries: { offer: number; tiers: PriceTier[] | null; percentOffBp: number | null }[]
  }[]
  viewer: 0 | 3 | null
  lines: { offer: number; quantity?: number }[]
}

const tiersArb = fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 3 }).chain((qtys) => fc.tuple(...qtys.map((minQty) => fc.integer({ min: 0, max: 2_000_000 }).map((amount) => ({ minQty, amount })))))
/** An entry for one of the list's seller's offers (`offer` counts within the seller). */
const entryArb = (offers: number) =>
  fc.record({
    offer: fc.integer({ min: 0, max: offers - 1 }),
    kind: fc.constantFrom('tiers', 'percent'),
    tiers: tiersArb,
    percentOffBp: fc.integer({ min: 1, max: 10_000 }),
  }).map((e) => ({ offer: e.offer, tiers: e.kind === 'tiers' ? e.tiers : null, percentOffBp: e.kind === 'percent' ? e.percentOffBp : null }))

const worldArb: fc.Arbitrary<World> = fc
  .record({
    inherit: fc.tuple(fc.boolean(), fc.boolean()),
    offers: fc.array(fc.record({ price: fc.integer({ min: 1, max: 2_000_000 }), currency: fc.constantFrom<Currency>('VND', 'VND', 'VND', 'USD'), moq: fc.integer({ min: 1, max: 6 }), active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0) }), { minLength: SELLERS * OFFERS_PER_SELLER, maxLength: SELLERS * OFFERS_PER_SELLER }),
    groups: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })),
    customers: fc.uniqueArray(fc.record({ seller: fc.integer({ min: 0, max: SELLERS - 1 }), buyer: fc.integer({ min: 0, max: BUYERS - 1 }), approved: fc.integer({ min: 0, max: 4 }).map((n) => n > 0), group: fc.option(fc.integer({ min: 0, max: 1 })) }), { selector: (c) => `${c.seller}:${c.buyer}`, maxLength: 8 }),
    lists: fc.array(
      fc.record({
        seller: fc.integer({ min: 0, max: SELLERS - 1 }),
        currency: fc.constantFrom<Currency>('VND', 'VND', 'VND', 'USD'),
        scope: fc.constantFrom(...PRICE_LIST_SCOPES),
        priority: fc.integer({ min: -2, max: 2 }),
        active: fc.integer({ min: 0, max: 9 }).map((n) => n > 1),
        window: fc.constantFrom('none', 'none', 'none', 'current', 'current', 'past', 'future', 'endsNow', 'startsNow'),
        targets: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        entries: fc.uniqueArray(entryArb(OFFERS_PER_SELLER), { selector: (e) => e.offer, minLength: 1, maxLength: OFFERS_PER_SELLER }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    viewer: fc.constantFrom<0 | 3 | null>(0, 0, 0, 3, null),
    lines: fc.array(fc.record({ offer: fc.integer({ min: 0, max: SELLERS * OFFERS_PER_SELLER - 1 }), quantity: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }) }), { minLength: 1, maxLength: 6 }),
  })
  .map((w) => ({
    ...w,
    // A customer's group is one of its seller's; a list's targets are its seller's own groups or customers, as the app allows.
    customers: w.customers.map((c) => ({ ...c, group: c.group !== null && c.group < w.groups[c.seller]! ? c.group : null })),
    lists: w.lists.map((l) => {
      const options = l.scope === 'everyone' ? [] : l.scope === 'group' ? Array.from({ length: w.groups[l.seller]! }, (_, g) => g) : w.customers.flatMap((c, i) => (c.seller === l.seller ? [i] : []))
      return {
        ...l,
        targets: options.length ? [...new Set(l.targets.map((t) => options[t % options.length]!))] : [],
        entries: l.entries.map((e) => ({ ...e, offer: l.seller * OFFERS_PER_SELLER + e.offer })),
      }
    }),
  }))

const offerSeller = (offer: number) => Math.floor(offer / OFFERS_PER_SELLER)
const windowOf = (w: World['lists'][number]['window']): [number | null, number | null] =>
  ({ none: [null, null], past: [AT - 10 * DAY, AT - DAY], current: [AT - DAY, AT + DAY], future: [AT + DAY, AT + 10 * DAY], endsNow: [AT - DAY, AT], startsNow: [AT, AT + DAY] })[w] as [number | null, number | null]

/** What the buyer pays, the list and tier, and why each other list lost: written out from the rules, one list at a time. */
function reference(w: World, line: World['lines'][number]) {
  const offer = w.offers[line.offer]!
  if (!offer.active) return null
  const quantity = line.quantity ?? offer.moq
  // The viewer's chain: itself, then each parent while the company below inherits.
  const chain: { buyer: number; depth: number }[] = []
  if (w.viewer === 0) {
    chain.push({ buyer: 0, depth: 0 })
    if (w.inherit[0]) chain.push({ buyer: 1, depth: 1 })
    if (w.inherit[0] && w.inherit[1]) chain.push({ buyer: 2, depth: 2 })
  } else if (w.viewer === 3) chain.push({ buyer: 3, depth: 0 })
  const cands: { id: number; scope: PriceListScope; depth: number; priority: number; unit: { amount: number; tier: PriceTier | null } | null }[] = []
  w.lists.forEach((l, id) => {
    const e = l.entries.find((x) => x.offer === line.offer)
    if (!e || !l.active || l.currency !== offer.currency || l.seller !== offerSeller(line.offer)) return
    const [from, to] = windowOf(l.window)
    if ((from !== null && from > AT) || (to !== null && to <= AT)) return
    let depth: number | null = null
    if (l.scope === 'everyone') depth = 0
    else {
      for (const { buyer, depth: d } of chain) {
        w.customers.forEach((c, ci) => {
          if (c.seller !== l.seller || c.buyer !== buyer || !c.approved) return
          const hit = l.scope === 'group' ? c.group !== null && l.targets.includes(c.group) : l.targets.includes(ci)
          if (hit && (depth === null || d < depth)) depth = d
        })
      }
    }
    if (depth === null) return
    let unit: { amount: number; tier: PriceTier | null } | null = null
    if (e.percentOffBp !== null) unit = { amount: offer.price - Math.floor((offer.price * e.percentOffBp + 5000) / 10000), tier: null }
    else {
      const reached = e.tiers!.filter((t) => t.minQty <= quantity)
      if (reached.length) {
        const tier = reached.reduce((a, b) => (b.minQty > a.minQty ? b : a))
        unit = { amount: tier.amount, tier }
      }
    }
    cands.push({ id, scope: l.scope, depth, priority: l.priority, unit })
  })
  const rank = (s: PriceListScope) => ({ contract: 0, company: 1, group: 2, everyone: 3 })[s]
  // a beats b: stronger scope; else nearer the buyer; else higher priority; else cheaper; else the lower list id.
  const beats = (a: (typeof cands)[number], b: (typeof cands)[number]) => {
    if (rank(a.scope) !== rank(b.scope)) return rank(a.scope) < rank(b.scope)
    if (a.depth !== b.depth) return a.depth < b.depth
    if (a.priority !== b.priority) return a.priority > b.priority
    if (a.unit!.amount !== b.unit!.amount) return a.unit!.amount < b.unit!.amount
    return a.id < b.id
  }
  const priced = cands.filter((c) => c.unit)
  const winner = priced.find((c) => priced.every((o) => o === c || beats(c, o))) ?? null
  const why = (c: (typeof cands)[number]) =>
    !c.unit ? 'BELOW_FIRST_TIER' : rank(c.scope) !== rank(winner!.scope) ? 'WEAKER_SCOPE' : c.depth !== winner!.depth ? 'INHERITED' : c.priority !== winner!.priority ? 'LOWER_PRIORITY' : c.unit.amount === winner!.unit!.amount ? 'SAME_PRICE' : 'HIGHER_PRICE'
  return {
    unit: winner ? winner.unit!.amount : offer.price,
    list: winner?.id ?? null,
    tier: winner?.unit!.tier?.minQty ?? null,
    passedOver: cands.filter((c) => c !== winner).map((c) => `${c.id}:${why(c)}`).sort(),
  }
}

describe('price resolution against a brute-force reference', () => {
  let ids: { sellers: string[]; buyers: string[]; offers: string[] }

  beforeAll(async () => {
    const em = db().orm.em.fork()
    const sellers = await Promise.all(Array.from({ length: SELLERS }, () => createOrganization(em.fork(), { kind: 'manufacturer' })))
    const buyers = []
    for (let i = 0; i < BUYERS; i++) buyers.push(await createOrganization(em, { kind: 'buyer' }))
    const category = await createCategory(em)
    const offers: string[] = []
    for (const s of sellers) {
      const ctx = db().ctx(s.admin.actor)
      const brand = await createBrand(em, s.org)
      const product = await saveProduct(ctx, ProductInputSchema.parse({ mpn: `PROP-${randomUUID().slice(0, 8)}`, nameEn: 'Property cable', nameVi: 'Cáp', brandId: brand.id, categoryId: category.id }))
      if (!product.ok) throw new Error(product.error.code)
      await setProductStatus(ctx, product.value.id, 'published')
      for (let i = 0; i < OFFERS_PER_SELLER; i++) {
        const offer = await saveOffer(ctx, OfferInputSchema.parse({ productId: product.value.id, sku: `PROP-${randomUUID().slice(0, 8)}`, price: '1000', currency: 'VND', ...(i ? { condition: 'refurbished' } : {}) }))
        if (!offer.ok) throw new Error(offer.error.code)
        offers.push(offer.value.id)
      }
    }
    // The chain: 0's parent is 1, 1's parent is 2; 3 stands alone.
    const conn = em.getConnection()
    await conn.execute('update organization set parent_id = ? where id = ?', [buyers[1]!.org.id, buyers[0]!.org.id])
    await conn.execute('update organization set parent_id = ? where id = ?', [buyers[2]!.org.id, buyers[1]!.org.id])
    ids = { sellers: sellers.map((s) => s.org.id), buyers: buyers.map((b) => b.org.id), offers }
  })

  it(`matches over ${DB_RUNS} random worlds resolved by the database`, async () => {
    let compared = 0
    // How often each kind of answer came up: the worlds must not be trivial.
    const seen = { byList: 0, inherited: 0, tier: 0, passedOver: 0, inactive: 0 }
    await fc.assert(
      fc.asyncProperty(worldArb, async (w) => {
        await rolledBack(db().orm.em.fork(), async (tx) => {
          const sql = (q: string, params: unknown[]) => tx.execute(q, params, 'run')
          await sql('update organization set inherit_prices = ? where id = ?', [w.inherit[0], ids.buyers[0]])
          await sql('update organization set inherit_prices = ? where id = ?', [w.inherit[1], ids.buyers[1]])
          for (const [i, o] of w.offers.entries()) {
            await sql('update offer set price_amount = ?, currency = ?, min_order_qty = ?, status = ? where id = ?', [o.price, o.currency, o.moq, o.active ? 'active' : 'paused', ids.offers[i]])
          }
          const groups = w.groups.map((n, s) => Array.from({ length: n }, () => randomUUID()).map((id) => ({ id, seller: ids.sellers[s]! })))
          for (const g of groups.flat()) await sql(`insert into customer_group (id, organization_id, name, created_at, updated_at) values (?, ?, ?, now(), now())`, [g.id, g.seller, g.id])
          const customers = w.customers.map(() => randomUUID())
          for (const [i, c] of w.customers.entries()) {
            await sql(`insert into customer (id, organization_id, buyer_id, group_id, approved, created_at, updated_at) values (?, ?, ?, ?, ?, now(), now())`, [customers[i], ids.sellers[c.seller], ids.buyers[c.buyer], c.group === null ? null : groups[c.seller]![c.group]!.id, c.approved])
          }
          // List ids in the order of the world's lists, so that "the lower list id" means the same on both sides.
          const lists = w.lists.map((_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)
          for (const [i, l] of w.lists.entries()) {
            const [from, to] = windowOf(l.window)
            await sql(`insert into price_list (id, organization_id, name, currency, scope, priority, valid_from, valid_to, active, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())`, [lists[i], ids.sellers[l.seller], `L${i}`, l.currency, l.scope, l.priority, from === null ? null : new Date(from), to === null ? null : new Date(to), l.active])
            for (const t of l.targets) {
              await sql(`insert into price_list_target (id, organization_id, price_list_id, group_id, customer_id) values (?, ?, ?, ?, ?)`, [randomUUID(), ids.sellers[l.seller], lists[i], l.scope === 'group' ? groups[l.seller]![t]!.id : null, l.scope === 'group' ? null : customers[t]])
            }
            for (const e of l.entries) {
              await sql(`insert into price_list_entry (id, organization_id, price_list_id, offer_id, tiers, percent_off_bp, created_at, updated_at) values (?, ?, ?, ?, ?, ?, now(), now())`, [randomUUID(), ids.sellers[l.seller], lists[i], ids.offers[e.offer], e.tiers ? JSON.stringify(e.tiers) : null, e.percentOffBp])
            }
          }
          const viewer = { buyerId: w.viewer === null ? null : ids.buyers[w.viewer]! }
          const got = await resolvePrices({ ...db().ctx({ userId: null, membership: null, impersonatorUserId: null }), em: tx }, w.lines.map((l) => ({ offerId: ids.offers[l.offer]!, quantity: l.quantity })), { viewer, at: new Date(AT) })
          const listIndex = new Map(lists.map((id, i) => [id, i]))
          const actual = got.map((r) => r && { unit: r.unit.amount, list: r.list ? listIndex.get(r.list.id)! : null, tier: r.tier?.minQty ?? null, passedOver: r.passedOver.map((p) => `${listIndex.get(p.id)}:${p.reason}`).sort() })
          expect(actual).toEqual(w.lines.map((l) => reference(w, l)))
          compared += w.lines.length
          for (const r of got) {
            if (!r) seen.inactive++
            else {
              if (r.list) seen.byList++
              if (r.list?.inherited) seen.inherited++
              if (r.tier) seen.tier++
              if (r.passedOver.length) seen.passedOver++
            }
          }
        })
      }),
      { numRuns: DB_RUNS },
    )
    expect(compared).toBeGreaterThan(DB_RUNS)
    console.info(`price resolution property: ${DB_RUNS} worlds, ${compared} lines compared, 0 mismatches`, seen)
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(DB_RUNS / 50)
  }, 600_000)

  it(`the pure choice matches over ${PURE_RUNS} random candidate sets`, () => {
    const candidate = fc.record({
      scope: fc.constantFrom(...PRICE_LIST_SCOPES),
      priority: fc.integer({ min: -2, max: 2 }),
      depth: fc.integer({ min: 0, max: 3 }),
      kind: fc.constantFrom('tiers', 'percent'),
      tiers: tiersArb,
      percentOffBp: fc.integer({ min: 1, max: 10_000 }),
    })
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 25 }), fc.array(candidate, { maxLength: 10 }), (base, quantity, raw) => {
        const cands: PriceCandidate[] = raw.map((c, i) => ({ listId: `l${String(i).padStart(2, '0')}`, listName: `L${i}`, scope: c.scope, priority: c.priority, depth: c.depth, tiers: c.kind === 'tiers' ? c.tiers : null, percentOffBp: c.kind === 'percent' ? c.percentOffBp : null }))
        // Every candidate's unit, then the winner found by comparing it with every other.
        const unitOf = (c: PriceCandidate) => {
          if (c.percentOffBp !== null) return base - Math.floor((base * c.percentOffBp + 5000) / 10000)
          const reached = c.tiers!.filter((t) => t.minQty <= quantity).sort((a, b) => b.minQty - a.minQty)
          return reached.length ? reached[0]!.amount : null
        }
        const key = (c: PriceCandidate) => [PRICE_LIST_SCOPES.indexOf(c.scope), c.depth, -c.priority, unitOf(c)!, c.listId] as const
        const less = (a: readonly (number | string)[], b: readonly (number | string)[]) => {
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!
          return false
        }
        const priced = cands.filter((c) => unitOf(c) !== null)
        const winner = priced.find((c) => priced.every((o) => o === c || less(key(c), key(o))))
        const got = pickPrice('o', { amount: base, currency: 'VND' }, quantity, cands)
        expect([got.list?.id ?? null, got.unit.amount]).toEqual([winner?.listId ?? null, winner ? unitOf(winner) : base])
      }),
      { numRuns: PURE_RUNS },
    )
  })
})
