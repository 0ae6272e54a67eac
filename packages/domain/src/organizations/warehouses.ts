import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import type { Result } from '../errors.ts'
import type { WarehouseInput } from './warehouse.schemas.ts'
import { Warehouse } from './warehouse.entity.ts'
import { savePlace, toPlaceDto, type PlaceDto } from './place.ts'

export type WarehouseDto = PlaceDto

/** The places the actor's organization ships from, by name. */
export async function listMyWarehouses(ctx: Ctx): Promise<WarehouseDto[]> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) return []
  return (await scoped(ctx).find(Warehouse, { organizationId: orgId }, { orderBy: { name: 'asc', id: 'asc' } })).map(toPlaceDto)
}

export type WarehouseError = 'LOCATION_REQUIRED'

/** Adds a warehouse, or changes one of the organization's own (coordinates: see `placeFields`). */
export const saveWarehouse = (ctx: Ctx, input: WarehouseInput): Promise<Result<WarehouseDto, WarehouseError>> => savePlace(ctx, Warehouse, 'warehouse', input)
