import { describe, expect, it } from 'vitest'
import { PlaceInputSchema } from '../organizations/place.schemas.ts'
import { createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { ShipTo } from './ship-to.entity.ts'
import { chooseShipTo, chosenShipTo, deleteShipTo, listMyShipTos, saveShipTo } from './ship-tos.ts'

const db = useTestDatabase()
const input = (over: Record<string, unknown> = {}) => PlaceInputSchema.parse({ name: 'Công trường Thủ Đức', city: 'TP. Hồ Chí Minh', subdivisionCode: 'VN-SG', ...over })

describe('ship-to addresses', () => {
  it('a company admin keeps them; each member picks one, which is where "near" is for them', async () => {
    const em = db().orm.em.fork()
    const company = await createOrganization(em, { kind: 'buyer', roles: ['buyer', 'viewer'] })
    const admin = db().ctx(company.admin.actor)
    const buyer = db().ctx(company.members.buyer!.actor)

    const site = await saveShipTo(admin, input())
    if (!site.ok) throw new Error(site.error.code)
    // Without coordinates, the province's centre.
    expect([site.value.latitude, site.value.longitude]).toEqual([10.7769, 106.7009])
    const office = await saveShipTo(admin, input({ name: 'Văn phòng Đà Nẵng', city: 'Đà Nẵng', subdivisionCode: 'VN-DN', latitude: '16.06', longitude: '108.22' }))
    if (!office.ok) throw new Error(office.error.code)
    // Only admins keep them.
    await expect(saveShipTo(buyer, input({ name: 'By a buyer' }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(deleteShipTo(buyer, site.value.id)).rejects.toMatchObject({ kind: 'forbidden' })

    // A buyer chooses one; the admin's own choice is separate.
    expect(await chosenShipTo(buyer)).toBeNull()
    await chooseShipTo(buyer, office.value.id)
    expect(await chosenShipTo(buyer)).toMatchObject({ name: 'Văn phòng Đà Nẵng', latitude: 16.06, longitude: 108.22 })
    expect((await listMyShipTos(buyer)).map((s) => [s.name, s.chosen])).toEqual([['Công trường Thủ Đức', false], ['Văn phòng Đà Nẵng', true]])
    expect(await chosenShipTo(admin)).toBeNull()

    // Removing the chosen address leaves the buyer with none (not with a dangling choice).
    await deleteShipTo(admin, office.value.id)
    expect(await chosenShipTo(db().ctx(company.members.buyer!.actor))).toBeNull()
    await chooseShipTo(buyer, null)
  })

  it('never reaches another company\'s addresses, and sellers have none', async () => {
    const em = db().orm.em.fork()
    const company = await createOrganization(em, { kind: 'buyer' })
    const other = await createOrganization(em, { kind: 'buyer' })
    const seller = await createOrganization(em, { kind: 'distributor' })
    const site = await saveShipTo(db().ctx(company.admin.actor), input())
    if (!site.ok) throw new Error(site.error.code)
    const outsider = db().ctx(other.admin.actor)

    expect(await listMyShipTos(outsider)).toEqual([])
    await expect(chooseShipTo(outsider, site.value.id)).rejects.toMatchObject({ kind: 'not_found' })
    await expect(saveShipTo(outsider, input({ id: site.value.id, name: 'Taken over' }))).rejects.toMatchObject({ kind: 'not_found' })
    await expect(deleteShipTo(outsider, site.value.id)).rejects.toMatchObject({ kind: 'not_found' })
    expect((await em.fork().findOneOrFail(ShipTo, { id: site.value.id })).name).toBe('Công trường Thủ Đức')

    expect(await listMyShipTos(db().ctx(seller.admin.actor))).toEqual([])
    await expect(saveShipTo(db().ctx(seller.admin.actor), input())).rejects.toMatchObject({ kind: 'forbidden' })
  })
})
