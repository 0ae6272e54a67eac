import { describe, expect, it } from 'vitest'
import { createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { Membership } from '../users/membership.entity.ts'
import { resolveActor } from '../users/memberships.ts'
import { buyingOrganizationOf, createBuyingOrganization } from './buying-organization.ts'
import { Organization } from './organization.entity.ts'

const db = useTestDatabase()

describe('a seller\'s buying organization', () => {
  it('its admin makes it once; the same account then buys as it; nobody else sees or makes it', async () => {
    const em = db().orm.em.fork()
    const seller = await createOrganization(em, { kind: 'distributor', roles: ['sales'] })
    const other = await createOrganization(em, { kind: 'manufacturer' })
    const buyer = await createOrganization(em, { kind: 'buyer' })

    await expect(createBuyingOrganization(db().ctx(seller.members.sales!.actor))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(createBuyingOrganization(db().ctx(buyer.admin.actor))).rejects.toMatchObject({ kind: 'forbidden' })
    expect(await em.fork().count(Organization, { buysForId: seller.org.id })).toBe(0)

    const made = await createBuyingOrganization(db().ctx(seller.admin.actor))
    expect(await createBuyingOrganization(db().ctx(seller.admin.actor))).toEqual(made)
    const row = await em.fork().findOneOrFail(Organization, { id: made.id })
    expect([row.kind, row.status, row.buysForId, row.name]).toEqual(['buyer', 'active', seller.org.id, `${seller.org.name} – Purchasing`])
    expect((await em.fork().findOneOrFail(Membership, { organizationId: made.id })).userId).toBe(seller.admin.user.id)

    // Every member of the seller sees it; another seller does not.
    expect(await buyingOrganizationOf(db().ctx(seller.members.sales!.actor))).toEqual(made)
    expect(await buyingOrganizationOf(db().ctx(other.admin.actor))).toBeNull()

    // In the marketplace (which serves buyer memberships) the seller's admin acts as the buying company.
    const market = await resolveActor(em.fork(), { userId: seller.admin.user.id, activeOrganizationId: null, impersonatorUserId: null }, ['buyer'])
    expect(market.membership).toMatchObject({ organizationId: made.id, organizationKind: 'buyer', role: 'admin' })
    // The database keeps the link on buyer organizations only, one per seller.
    await expect(em.fork().getConnection().execute('update organization set buys_for_id = ? where id = ?', [seller.org.id, other.org.id])).rejects.toThrow()
  })
})
