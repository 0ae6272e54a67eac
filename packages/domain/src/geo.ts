export interface LatLng {
  latitude: number
  longitude: number
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.latitude - a.latitude) * rad
  const dLng = (b.longitude - a.longitude) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** In a location picker: the signed-in buyer's chosen ship-to address (`?near=ship-to`). */
export const SHIP_TO_LOCATION = 'ship-to'

/** Places a buyer can pick as "my location" before they have addresses of their own. */
export const KNOWN_LOCATIONS = {
  'VN-HN': { name: 'Hà Nội', latitude: 21.0285, longitude: 105.8542 },
  'VN-DN': { name: 'Đà Nẵng', latitude: 16.0544, longitude: 108.2022 },
  'VN-SG': { name: 'TP. Hồ Chí Minh', latitude: 10.7769, longitude: 106.7009 },
  'VN-HP': { name: 'Hải Phòng', latitude: 20.8449, longitude: 106.6881 },
  'VN-CT': { name: 'Cần Thơ', latitude: 10.0452, longitude: 105.7469 },
} as const satisfies Record<string, LatLng & { name: string }>
export type KnownLocation = keyof typeof KNOWN_LOCATIONS

/** A subdivision's name for people (ISO 3166-2 code in, its name out; the code when unknown). */
export function subdivisionName(code: string): string {
  return (KNOWN_LOCATIONS as Record<string, { name: string }>)[code]?.name ?? code
}
