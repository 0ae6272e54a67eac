// Input schemas shared by forms (in the browser) and actions: no server imports here.
import { z } from '../zod.ts'
import { UNITS_OF_MEASURE } from './catalog.constants.ts'

const text = (max: number) => z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(max, { error: 'TOO_LONG' })

export const ProductInputSchema = z.object({
  mpn: text(80).regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, { error: 'MPN_INVALID' }),
  nameEn: text(200),
  nameVi: text(200),
  descriptionEn: z.string().trim().max(5000).default(''),
  descriptionVi: z.string().trim().max(5000).default(''),
  brandId: z.uuid({ error: 'BRAND_UNKNOWN' }).optional(),
  categoryId: z.uuid({ error: 'CATEGORY_UNKNOWN' }),
  gtin: z
    .string()
    .trim()
    .regex(/^(\d{8}|\d{12,14})$/, { error: 'GTIN_INVALID' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  unitOfMeasure: z.enum(UNITS_OF_MEASURE).default('piece'),
  packSize: z.coerce.number({ error: 'NUMBER_INVALID' }).int({ error: 'NUMBER_INVALID' }).min(1, { error: 'NUMBER_TOO_SMALL' }).max(100_000).default(1),
  /** Category attributes as strings from the form; checked against the category's definitions. */
  attributes: z.record(z.string(), z.string().trim().max(200)).default({}),
})
export type ProductInput = z.infer<typeof ProductInputSchema>

export const BrandInputSchema = z.object({ name: text(120) })

export const AuthorizationInputSchema = z.object({
  /** The distributor by id, or (the form's picker) by its name as typed. */
  distributorId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid({ error: 'DISTRIBUTOR_UNKNOWN' }).optional()),
  distributor: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(200, { error: 'TOO_LONG' }).optional()),
  brandId: z.uuid({ error: 'FIELD_REQUIRED' }),
  /** Comma- or space-separated ISO 3166-2 codes, e.g. "VN-HN, VN-HP". */
  subdivisions: z
    .string()
    .trim()
    .default('')
    .transform((s) => [...new Set(s.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase()))])
    .pipe(z.array(z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, { error: 'SUBDIVISION_INVALID' }))),
  circles: z
    .array(z.object({ latitude: z.coerce.number().min(-90).max(90), longitude: z.coerce.number().min(-180).max(180), radiusKm: z.coerce.number().positive().max(5000) }))
    .default([]),
}).superRefine((v, ctx) => {
  if (!v.distributorId && !v.distributor) ctx.addIssue({ code: 'custom', path: ['distributor'], message: 'FIELD_REQUIRED' })
})
export type AuthorizationInput = z.infer<typeof AuthorizationInputSchema>
