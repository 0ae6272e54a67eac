import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { KNOWN_LOCATIONS } from '../geo.ts'
import type { WarehouseInput } from './warehouse.schemas.ts'
import { Warehouse } from './warehouse.entity.ts'

export interface WarehouseDto {
  id: string
  name: string
  addressLine: string
  city: string
  subdivisionCode: string
  latitude: number
  longitude: number
}

const toDto = (w: Warehouse): WarehouseDto => ({ id: w.id, name: w.name, addressLine: w.addressLine, city: w.city, subdivisionCode: w.subdivisionCode, latitude: w.latitude, longitude: w.longitude })

/** The places the actor's organization ships from, by name. */
export async function listMyWarehouses(ctx: Ctx): Promise<WarehouseDto[]> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) return []
  return (await scoped(ctx).find(Warehouse, { organizationId: orgId }, { orderBy: { name: 'asc', id: 'asc' } })).map(toDto)
}

export type WarehouseError = 'LOCATION_REQUIRED'

/**
 * Adds a warehouse, or changes one of the organization's own. Without coordinates, a known
 * province's centre stands in; elsewhere they are needed, since distance is computed from them.
 */
export async function saveWarehouse(ctx: Ctx, input: WarehouseInput): Promise<Result<WarehouseDto, WarehouseError>> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('forbidden', 'FORBIDDEN')
  const known = (KNOWN_LOCATIONS as Record<string, { latitude: number; longitude: number }>)[input.subdivisionCode]
  const latitude = input.latitude ?? known?.latitude
  const longitude = input.longitude ?? known?.longitude
  if (latitude === undefined || longitude === undefined) return fail('LOCATION_REQUIRED', { field: input.latitude === undefined ? 'latitude' : 'longitude' })
  const fields = { name: input.name, addressLine: input.addressLine, city: input.city, subdivisionCode: input.subdivisionCode, country: input.subdivisionCode.slice(0, 2), latitude, longitude }
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    let warehouse: Warehouse
    if (input.id) {
      warehouse = await scoped(tx).findOneOrThrow(Warehouse, { id: input.id, organizationId: orgId }, 'update')
      authorize(tx, 'update', warehouse)
      em.assign(warehouse, fields)
    } else {
      authorizeType(tx, 'create', Warehouse)
      warehouse = em.create(Warehouse, { ...fields, id: randomUUID(), organizationId: orgId })
      authorize(tx, 'create', warehouse)
    }
    recordAudit(tx, { organizationId: orgId, action: input.id ? 'warehouse.updated' : 'warehouse.created', subjectType: 'Warehouse', subjectId: warehouse.id, details: { name: warehouse.name, subdivisions: warehouse.subdivisionCode } })
    await em.flush()
    return ok(toDto(warehouse))
  })
}
