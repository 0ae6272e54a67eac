// A buyer company's ship-to addresses, and the one each of its people works from: its
// coordinates are "near me" (distance, stock nearby) on every marketplace page.
import { deleteAudited } from '../audit/delete-audited.ts'
import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, type Result } from '../errors.ts'
import type { LatLng } from '../geo.ts'
import { savePlace, toPlaceDto, type PlaceDto } from '../organizations/place.ts'
import type { PlaceInput } from '../organizations/place.schemas.ts'
import { Membership } from '../users/membership.entity.ts'
import { ShipTo } from './ship-to.entity.ts'

export type ShipToDto = PlaceDto & { chosen: boolean }

/** The actor's own membership row (the choice of ship-to is each person's own). */
async function ownMembership(ctx: Ctx): Promise<Membership> {
  const m = ctx.actor.membership
  if (!ctx.actor.userId || !m) throw new DomainError('forbidden', 'FORBIDDEN')
  return scoped(ctx).findOneOrThrow(Membership, { userId: ctx.actor.userId, organizationId: m.organizationId })
}

/** The company's ship-to addresses by name, with the one the actor has chosen marked. */
export async function listMyShipTos(ctx: Ctx): Promise<ShipToDto[]> {
  const m = ctx.actor.membership
  if (!m || m.organizationKind !== 'buyer') return []
  const [rows, own] = await Promise.all([scoped(ctx).find(ShipTo, { organizationId: m.organizationId }, { orderBy: { name: 'asc', id: 'asc' } }), ownMembership(ctx)])
  return rows.map((s) => ({ ...toPlaceDto(s), chosen: s.id === own.shipToId }))
}

/** Adds a ship-to address, or changes one of the company's own (its admins). */
export const saveShipTo = (ctx: Ctx, input: PlaceInput): Promise<Result<PlaceDto, 'LOCATION_REQUIRED'>> => savePlace(ctx, ShipTo, 'ship_to', input)

/** Removes one of the company's ship-to addresses; whoever had chosen it has none chosen then. */
export async function deleteShipTo(ctx: Ctx, id: string): Promise<void> {
  await deleteAudited(ctx, ShipTo, id, (row) => ({ action: 'ship_to.deleted', subjectType: 'ShipTo', details: { name: row.name } }))
}

/** The actor works from this ship-to address (one of its company's), or from none (null). */
export async function chooseShipTo(ctx: Ctx, id: string | null): Promise<void> {
  const own = await ownMembership(ctx)
  if (id) await scoped(ctx).findOneOrThrow(ShipTo, { id, organizationId: own.organizationId })
  own.shipToId = id
  await ctx.em.flush()
}

/** Where the actor works from, when signed in to a company with a ship-to address chosen. */
export async function chosenShipTo(ctx: Ctx): Promise<(LatLng & { id: string; name: string; city: string }) | null> {
  const m = ctx.actor.membership
  if (!ctx.actor.userId || !m || m.organizationKind !== 'buyer' || m.organizationStatus !== 'active') return null
  // Resolved with the actor for a request; looked up otherwise.
  const shipToId = m.shipToId !== undefined ? m.shipToId : (await scoped(ctx).findOne(Membership, { userId: ctx.actor.userId, organizationId: m.organizationId }))?.shipToId
  const row = shipToId ? await scoped(ctx).findOne(ShipTo, { id: shipToId }) : null
  return row ? { id: row.id, name: row.name, city: row.city, latitude: row.latitude, longitude: row.longitude } : null
}
