import { describe, expect, it } from 'vitest'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { WarehouseInputSchema } from './warehouse.schemas.ts'
import { Warehouse } from './warehouse.entity.ts'
import { listMyWarehouses, saveWarehouse } from './warehouses.ts'

const db = useTestDatabase()

describe('warehouses', () => {
  it('adds and edits the organization\'s own warehouses, placed at a province\'s centre unless given coordinates', async () => {
    const em = db().orm.em.fork()
    const seller = await createOrganization(em, { kind: 'distributor', roles: ['sales', 'fulfillment'] })
    const other = await createOrganization(em, { kind: 'distributor' })
    const ctx = db().ctx(seller.admin.actor)
    const input = (over: Record<string, unknown>) => WarehouseInputSchema.parse({ name: 'Kho Đông Anh', city: 'Hà Nội', subdivisionCode: 'vn-hn', ...over })

    const added = await saveWarehouse(ctx, input({}))
    if (!added.ok) throw new Error(added.error.code)
    expect([added.value.subdivisionCode, added.value.latitude, added.value.longitude]).toEqual(['VN-HN', 21.0285, 105.8542])
    // A province without a known centre needs coordinates.
    expect(await saveWarehouse(ctx, input({ subdivisionCode: 'VN-KH' }))).toEqual({ ok: false, error: { code: 'LOCATION_REQUIRED', field: 'latitude' } })
    expect((await saveWarehouse(ctx, input({ subdivisionCode: 'VN-KH', name: 'Kho Nha Trang', latitude: '12.2388', longitude: '109.1967' }))).ok).toBe(true)
    expect(WarehouseInputSchema.safeParse({ name: 'x', city: 'x', subdivisionCode: 'VN-HN', latitude: '91' }).success).toBe(false)

    // Fulfillment keeps warehouses; sales may not; another organization cannot reach this one.
    const edited = await saveWarehouse(db().ctx(seller.members.fulfillment!.actor), input({ id: added.value.id, name: 'Kho Đông Anh 2', latitude: '21.14', longitude: '105.85' }))
    expect(edited.ok && [edited.value.id, edited.value.name, edited.value.latitude]).toEqual([added.value.id, 'Kho Đông Anh 2', 21.14])
    await expect(saveWarehouse(db().ctx(seller.members.sales!.actor), input({ name: 'By sales' }))).rejects.toMatchObject({ kind: 'forbidden' })
    await expect(saveWarehouse(db().ctx(other.admin.actor), input({ id: added.value.id, name: 'Hijacked' }))).rejects.toMatchObject({ kind: 'not_found' })
    expect((await em.fork().findOneOrFail(Warehouse, { id: added.value.id })).name).toBe('Kho Đông Anh 2')

    expect((await listMyWarehouses(ctx)).map((w) => w.name).sort()).toEqual(['Kho Nha Trang', 'Kho Đông Anh 2'])
    expect(await listMyWarehouses(db().ctx(other.admin.actor))).toEqual([])
    expect(await em.fork().count(AuditEvent, { organizationId: seller.org.id, action: { $in: ['warehouse.created', 'warehouse.updated'] } })).toBe(3)
  })
})
