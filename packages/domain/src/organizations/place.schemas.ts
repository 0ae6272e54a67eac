// Input schemas shared by forms (in the browser) and actions: no server imports here.
import { z } from '../zod.ts'

const coordinate = (limit: number) => z.coerce.number({ error: 'COORDINATE_INVALID' }).min(-limit, { error: 'COORDINATE_INVALID' }).max(limit, { error: 'COORDINATE_INVALID' }).optional()

/** A place of an organization: a seller's warehouse, a buyer's ship-to address. */
export const PlaceInputSchema = z.object({
  /** Set when editing one of the organization's own places. */
  id: z.uuid().optional(),
  name: z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(200),
  addressLine: z.string().trim().max(300).default(''),
  city: z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(120),
  /** ISO 3166-2, e.g. VN-HN. */
  subdivisionCode: z.string({ error: 'FIELD_REQUIRED' }).trim().toUpperCase().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { error: 'SUBDIVISION_INVALID' }),
  /** Where it is, for distances; a known province's centre when left empty. */
  latitude: coordinate(90),
  longitude: coordinate(180),
})
export type PlaceInput = z.infer<typeof PlaceInputSchema>
