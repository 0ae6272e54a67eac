import type { Ctx } from '@tradepost/domain/ctx'
import { chosenShipTo } from '@tradepost/domain/companies'
import type { LatLng } from '@tradepost/domain/geo'
import { KNOWN_LOCATIONS, SHIP_TO_LOCATION, type KnownLocation } from '@tradepost/domain/schemas'

export interface Near {
  /** What the location picker shows: a province code, `ship-to`, or '' (anywhere). */
  code: string
  at: LatLng | null
  /** The signed-in buyer's chosen ship-to address, offered first in the picker. */
  shipTo: { name: string; city: string } | null
}

/**
 * Where "near" is on a marketplace page: the province in the address (`?near=VN-HN`); else, for a
 * signed-in buyer who chose one, their ship-to address; `?near=` (empty) means anywhere.
 */
export async function resolveNear(ctx: Ctx, params: URLSearchParams): Promise<Near> {
  const asked = params.get('near')
  const chosen = await chosenShipTo(ctx)
  const shipTo = chosen ? { name: chosen.name, city: chosen.city } : null
  if (asked === null || asked === SHIP_TO_LOCATION) return chosen ? { code: SHIP_TO_LOCATION, at: chosen, shipTo } : { code: '', at: null, shipTo }
  const known = KNOWN_LOCATIONS[asked as KnownLocation]
  return known ? { code: asked, at: known, shipTo } : { code: '', at: null, shipTo }
}
