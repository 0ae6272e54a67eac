// Plain values, safe in the browser.
export const PRODUCT_STATUSES = ['draft', 'published'] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]
export const ATTRIBUTE_TYPES = ['text', 'number', 'enum'] as const
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number]
export const UNITS_OF_MEASURE = ['piece', 'box', 'pack', 'set', 'meter', 'kilogram', 'liter', 'roll', 'pair'] as const
export type UnitOfMeasure = (typeof UNITS_OF_MEASURE)[number]

export interface AttributeDefinition {
  key: string
  labelEn: string
  labelVi: string
  type: AttributeType
  /** For numbers: "W", "mm", "bar"… */
  unit?: string
  /** For enums. */
  options?: string[]
}

export type AttributeValues = Record<string, string | number>

/** A product image as pages draw it: its size and the widths of its WebP renditions (`/media/{id}?w=…`). */
export interface ProductImageView {
  id: string
  width: number | null
  height: number | null
  widths: number[]
}
