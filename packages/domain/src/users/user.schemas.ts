// Input schemas shared by forms (in the browser) and actions: no server imports here.
import { z } from '../zod.ts'
import { LOCALES } from '../organizations/organization.constants.ts'
import { ROLES } from './roles.ts'

// Messages are i18n keys: the apps translate them next to the field.
export const EmailSchema = z
  .string({ error: 'FIELD_REQUIRED' })
  .trim()
  .min(1, { error: 'FIELD_REQUIRED' })
  .max(320, { error: 'EMAIL_INVALID' })
  .pipe(z.email({ error: 'EMAIL_INVALID' }))
  .transform((email) => email.toLowerCase())

export const PasswordSchema = z
  .string({ error: 'FIELD_REQUIRED' })
  .min(10, { error: 'PASSWORD_TOO_SHORT' })
  .max(200, { error: 'PASSWORD_TOO_LONG' })
  .refine((p) => /[a-zA-Z\p{L}]/u.test(p) && /\d/.test(p), { error: 'PASSWORD_TOO_WEAK' })

export const PersonNameSchema = z.string({ error: 'FIELD_REQUIRED' }).trim().min(1, { error: 'FIELD_REQUIRED' }).max(200)

export const SignUpSchema = z.object({
  name: PersonNameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  organizationName: z.string({ error: 'FIELD_REQUIRED' }).trim().min(2, { error: 'ORG_NAME_TOO_SHORT' }).max(200),
  organizationKind: z.enum(['buyer', 'manufacturer', 'distributor'], { error: 'FIELD_REQUIRED' }),
  country: z.string({ error: 'FIELD_REQUIRED' }).trim().toUpperCase().regex(/^[A-Z]{2}$/, { error: 'COUNTRY_INVALID' }),
  locale: z.enum(LOCALES).default('en'),
})
export type SignUpInput = z.infer<typeof SignUpSchema>

export const LogInSchema = z.object({
  email: EmailSchema,
  password: z.string({ error: 'FIELD_REQUIRED' }).min(1, { error: 'FIELD_REQUIRED' }).max(200),
})
export type LogInInput = z.infer<typeof LogInSchema>

export const InviteMemberSchema = z.object({
  email: EmailSchema,
  role: z.enum(ROLES, { error: 'ROLE_INVALID' }),
})
export type InviteMemberInput = z.infer<typeof InviteMemberSchema>

/** Accepting as a new user needs a name and password; an existing user just signs in first. */
export const AcceptInvitationSchema = z.object({
  name: PersonNameSchema.optional(),
  password: PasswordSchema.optional(),
})

export const RequestPasswordResetSchema = z.object({ email: EmailSchema })

export const ResetPasswordSchema = z
  .object({ password: PasswordSchema, confirm: z.string({ error: 'FIELD_REQUIRED' }) })
  .refine((v) => v.password === v.confirm, { error: 'PASSWORDS_DO_NOT_MATCH', path: ['confirm'] })

/** Acting as one of a buyer company's people: who, and why (kept in the audit log). */
export const ImpersonationInputSchema = z.object({
  organizationId: z.uuid({ error: 'COMPANY_UNKNOWN' }),
  userId: z.uuid({ error: 'NOT_A_MEMBER' }),
  reason: z.string({ error: 'REASON_REQUIRED' }).trim().min(10, { error: 'REASON_TOO_SHORT' }).max(500, { error: 'TOO_LONG' }),
})
export type ImpersonationInput = z.infer<typeof ImpersonationInputSchema>
