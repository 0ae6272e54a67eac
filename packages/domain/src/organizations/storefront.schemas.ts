// Input schemas shared by forms (in the browser) and actions: no server imports here.
import { z } from '../zod.ts'

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'COLOR_INVALID' })
export const StorefrontInputSchema = z.object({
  primaryColor: color,
  accentColor: color,
  taglineEn: z.string().trim().max(200).default(''),
  taglineVi: z.string().trim().max(200).default(''),
  aboutEn: z.string().trim().max(5000).default(''),
  aboutVi: z.string().trim().max(5000).default(''),
  pricesIncludeVat: z.boolean().default(false),
  pricesSignedInOnly: z.boolean().default(false),
  contactEmail: z.email({ error: 'EMAIL_INVALID' }).max(254).or(z.literal('')).default(''),
  contactPhone: z.string().trim().regex(/^\+?[0-9 ().-]{6,40}$/, { error: 'PHONE_INVALID' }).or(z.literal('')).default(''),
  hostname: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, { error: 'HOSTNAME_INVALID' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
})
export type StorefrontInput = z.infer<typeof StorefrontInputSchema>

/** The images a storefront has, each uploaded on its own. */
export const STOREFRONT_IMAGE_SLOTS = ['logo', 'banner'] as const
export type StorefrontImageSlot = (typeof STOREFRONT_IMAGE_SLOTS)[number]
