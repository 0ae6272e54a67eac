// The demo world's B2B prices: Hà Nội Industrial Supply has a contractor group, Bến Thành
// Construction as an approved customer in it, a group list and a contract, and a cable drum
// only that group sees (a restricted catalog); Bến Thành's Đà Nẵng branch inherits its parent's
// agreements.
import type { EntityManager } from '@tradepost/domain/db'
import { Offer } from '@tradepost/domain/offers'
import { Organization } from '@tradepost/domain/organizations'
import { Customer, CustomerGroup, PriceList, PriceListEntry, PriceListTarget } from '@tradepost/domain/pricing'
import { groupAudience } from '@tradepost/domain/visibility'

const LISTS = [
  { name: 'Contractor prices', scope: 'group' as const, entries: [['HNIS-MCB2P63', [[1, 180_000], [50, 172_000]]]] as const },
  { name: 'Bến Thành 2027 contract', scope: 'contract' as const, entries: [['HNIS-CU25', [[1, 1_390_000], [10, 1_350_000]]], ['HNIS-MCB2P63', [[1, 176_000]]]] as const },
]

export async function seedDemoPricing(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const seller = await tx.findOneOrFail(Organization, { slug: 'hanoi-industrial-supply' })
    if (await tx.count(PriceList, { organizationId: seller.id })) return
    const buyer = await tx.findOneOrFail(Organization, { slug: 'ben-thanh-construction' })
    const branch = await tx.findOneOrFail(Organization, { slug: 'ben-thanh-construction-da-nang' })
    branch.inheritPrices = true
    const group = tx.create(CustomerGroup, { organizationId: seller.id, name: 'Contractors' })
    const customer = tx.create(Customer, { organizationId: seller.id, buyerId: buyer.id, groupId: group.id, accountNumber: 'HN-C-0042', approved: true, paymentTerms: 'net30', creditLimit: 200_000_000, creditCurrency: 'VND' })
    const offers = new Map((await tx.find(Offer, { organizationId: seller.id })).map((o) => [o.sku, o]))
    offers.get('HNIS-CU4-DRUM')!.visibleTo = [groupAudience(group.id)]
    for (const l of LISTS) {
      const list = tx.create(PriceList, { organizationId: seller.id, name: l.name, currency: 'VND', scope: l.scope, priority: 0, active: true })
      tx.create(PriceListTarget, { organizationId: seller.id, priceListId: list.id, groupId: l.scope === 'group' ? group.id : null, customerId: l.scope === 'group' ? null : customer.id })
      for (const [sku, tiers] of l.entries) {
        tx.create(PriceListEntry, { organizationId: seller.id, priceListId: list.id, offerId: offers.get(sku)!.id, tiers: tiers.map(([minQty, amount]) => ({ minQty, amount })), percentOffBp: null })
      }
    }
    await tx.flush()
  })
}
