// A place of an organization (a seller's warehouse, a buyer's ship-to address): the same
// columns, the same input and the same rule for its coordinates.
import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { KNOWN_LOCATIONS } from '../geo.ts'
import type { ShipTo } from '../companies/ship-to.entity.ts'
import type { PlaceInput } from './place.schemas.ts'
import type { Warehouse } from './warehouse.entity.ts'

export interface PlaceFields {
  name: string
  addressLine: string
  city: string
  subdivisionCode: string
  country: string
  latitude: number
  longitude: number
}

/** A place as a page shows it. */
export type PlaceDto = { id: string } & Omit<PlaceFields, 'country'>

export const toPlaceDto = (place: { id: string } & PlaceFields): PlaceDto => ({ id: place.id, name: place.name, addressLine: place.addressLine, city: place.city, subdivisionCode: place.subdivisionCode, latitude: place.latitude, longitude: place.longitude })

/**
 * The columns of a place from its input. Without coordinates, a known province's centre stands
 * in; elsewhere they are needed, since distances are computed from them.
 */
export function placeFields(input: PlaceInput): Result<PlaceFields, 'LOCATION_REQUIRED'> {
  const known = (KNOWN_LOCATIONS as Record<string, { latitude: number; longitude: number }>)[input.subdivisionCode]
  const latitude = input.latitude ?? known?.latitude
  const longitude = input.longitude ?? known?.longitude
  if (latitude === undefined || longitude === undefined) return fail('LOCATION_REQUIRED', { field: input.latitude === undefined ? 'latitude' : 'longitude' })
  return ok({ name: input.name, addressLine: input.addressLine, city: input.city, subdivisionCode: input.subdivisionCode, country: input.subdivisionCode.slice(0, 2), latitude, longitude })
}

/**
 * Adds a place to the actor's organization, or changes one of its own: a warehouse (sellers) or
 * a ship-to address (buyer companies), under the ability's rules for that type, audited as
 * `<action>.created` / `<action>.updated`.
 */
export async function savePlace(ctx: Ctx, type: typeof Warehouse | typeof ShipTo, action: 'warehouse' | 'ship_to', input: PlaceInput): Promise<Result<PlaceDto, 'LOCATION_REQUIRED'>> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('forbidden', 'FORBIDDEN')
  const place = placeFields(input)
  if (!place.ok) return place
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    let row: Warehouse | ShipTo
    if (input.id) {
      row = await scoped(tx).findOneOrThrow(type as typeof Warehouse, { id: input.id, organizationId: orgId }, 'update')
      authorize(tx, 'update', row)
      em.assign(row, place.value)
    } else {
      authorizeType(tx, 'create', type)
      row = em.create(type as typeof Warehouse, { ...place.value, id: randomUUID(), organizationId: orgId })
      authorize(tx, 'create', row)
    }
    recordAudit(tx, { organizationId: orgId, action: `${action}.${input.id ? 'updated' : 'created'}`, subjectType: type.name, subjectId: row.id, details: { name: row.name, subdivisions: row.subdivisionCode } })
    await em.flush()
    return ok(toPlaceDto(row))
  })
}
