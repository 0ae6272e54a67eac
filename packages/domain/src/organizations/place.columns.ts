import { p } from '@mikro-orm/core'

/**
 * The columns of a place of an organization (a warehouse, a ship-to address). Coordinates feed
 * distances ("nearest stock", "near me"). Kept apart from the use cases so entities import nothing else.
 */
export const placeProperties = () => ({
  name: p.string().length(200),
  addressLine: p.string().length(300),
  city: p.string().length(120),
  /** ISO 3166-2, e.g. VN-HN, VN-DN, VN-SG. */
  subdivisionCode: p.string().length(10).index(),
  country: p.string().length(2),
  latitude: p.double().$type<number>().runtimeType('number'),
  longitude: p.double().$type<number>().runtimeType('number'),
})

