// Input schemas shared by forms (in the browser) and actions: no server imports here.
import { PlaceInputSchema, type PlaceInput } from './place.schemas.ts'

/** A warehouse is a place (name, address, province, coordinates). */
export const WarehouseInputSchema = PlaceInputSchema
export type WarehouseInput = PlaceInput
