// Server halves of the pages both apps share (sign in, sign up, password reset, invitations,
// switching organization and language). Each app's route module is a thin adapter over these.
import { data, redirect } from '@remix-run/node'
import { z } from '@tradepost/domain/zod'
import type { Locale } from '@tradepost/domain/organizations'
import { ROLES } from '@tradepost/domain/schemas'
import {
  acceptInvitation,
  changeMemberRole,
  getPeoplePage,
  inviteMember,
  InviteMemberSchema,
  removeMember,
  revokeInvitation,
  AcceptInvitationSchema,
  checkPasswordResetToken,
  logIn,
  LogInSchema,
  previewInvitation,
  requestPasswordReset,
  RequestPasswordResetSchema,
  resetPassword,
  ResetPasswordSchema,
  signUp,
  SignUpSchema,
} from '@tradepost/domain/users'
import { parseForm, submitForm } from './forms.ts'
import { forbiddenResponse, guard, isUuid, safeRedirect, type AuthKit, type RequestContext } from './request.ts'
import { getServices } from './services.ts'
import { readProductImage } from '@tradepost/domain/catalog'
import { markNotificationsRead, myNotifications } from '@tradepost/domain/notifications'

// Single fetch types for loaders and actions of both apps (the flag is on in their Vite config).
declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export interface LoadContext {
  clientIp?: string
}

export interface AuthRoutesConfig {
  kit: AuthKit
  /** The organization kinds a person may sign up as here. */
  signupKinds: readonly ('buyer' | 'manufacturer' | 'distributor')[]
  languageCookie: { serialize(value: string): Promise<string> }
}

export type BusinessError = { code: string; params?: Record<string, string | number> }

export function createAuthRoutes({ kit, signupKinds, languageCookie }: AuthRoutesConfig) {
  const withHeaders = (headers: Headers, extra: Record<string, string> = {}) => {
    const h = new Headers(headers)
    for (const [k, v] of Object.entries(extra)) h.append(k, v)
    return h
  }

  return guardAll({
    /** What every page's frame needs: language, user, organizations for the switcher. */
    rootLoader: guard(async <E extends Record<string, unknown>>(request: Request, extraFor: (rc: RequestContext) => E | Promise<E> = () => ({}) as E) => {
      const rc = await kit.getRequestContext(request)
      const extra = await extraFor(rc)
      const m = rc.ctx.actor.membership
      return data(
        {
          locale: rc.ctx.locale,
          user: rc.user ? { name: rc.user.name, email: rc.user.email } : null,
          organizations: rc.organizations,
          active: m ? { id: m.organizationId, kind: m.organizationKind, role: m.role, status: m.organizationStatus } : null,
          impersonation: rc.impersonation ? { by: rc.impersonation.impersonatorName, for: rc.impersonation.impersonatorOrganizationName, endsAt: rc.impersonation.endsAt.toISOString() } : null,
          ...extra,
        },
        { headers: rc.headers },
      )
    }),

    async loginLoader(request: Request) {
      const rc = await kit.getRequestContext(request)
      const url = new URL(request.url)
      if (rc.user) throw redirect(safeRedirect(url.searchParams.get('redirectTo')), { headers: rc.headers })
      return data({ redirectTo: safeRedirect(url.searchParams.get('redirectTo'), ''), notice: url.searchParams.get('notice') }, { headers: rc.headers })
    },

    async loginAction(request: Request, context: LoadContext) {
      const rc = await kit.getRequestContext(request)
      const formData = await request.formData()
      const submission = parseForm(formData, LogInSchema)
      if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }), error: null as BusinessError | null }, { status: 400 })
      const result = await logIn(rc.ctx.em, submission.value, context.clientIp ?? 'unknown')
      if (!result.ok) {
        const throttled = result.error.code === 'TOO_MANY_ATTEMPTS' || result.error.code === 'SLOW_DOWN'
        const headers = throttled ? { 'Retry-After': String(result.error.params?.seconds ?? 60) } : undefined
        return data({ result: submission.reply({ hideFields: ['password'] }), error: result.error as BusinessError | null }, { status: throttled ? 429 : 401, headers })
      }
      const cookie = await kit.startSession(result.value.userId, null)
      throw redirect(safeRedirect(formData.get('redirectTo')), { headers: { 'Set-Cookie': cookie } })
    },

    async signupLoader(request: Request) {
      const rc = await kit.getRequestContext(request)
      if (rc.user) throw redirect('/', { headers: rc.headers })
      return data({ kinds: signupKinds }, { headers: rc.headers })
    },

    async signupAction(request: Request) {
      const rc = await kit.getRequestContext(request)
      const schema = SignUpSchema.extend({ organizationKind: z.enum(signupKinds as [string, ...string[]], { error: 'FIELD_REQUIRED' }) })
      const formData = await request.formData()
      const submission = parseForm(formData, schema)
      if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
      const value = { ...submission.value, locale: rc.ctx.locale } as z.infer<typeof SignUpSchema>
      const result = await signUp(rc.ctx, value)
      if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.error.field ?? 'email']: [result.error.code] }, hideFields: ['password'] }) }, { status: 409 })
      const cookie = await kit.startSession(result.value.userId, result.value.organizationId)
      throw redirect('/', { headers: { 'Set-Cookie': cookie } })
    },

    async logoutAction(request: Request) {
      const rc = await kit.getRequestContext(request)
      const scope = (await request.formData()).get('scope') === 'all' ? 'all' : 'this'
      const cookie = await kit.endSession(rc, scope)
      throw redirect(`/login?notice=${scope === 'all' ? 'signedOutEverywhere' : 'signedOut'}`, { headers: { 'Set-Cookie': cookie } })
    },

    async forgotPasswordAction(request: Request, context: LoadContext) {
      const rc = await kit.getRequestContext(request)
      // Someone acting as a user never touches passwords.
      if (rc.impersonation) throw forbiddenResponse()
      const submission = parseForm(await request.formData(), RequestPasswordResetSchema)
      if (submission.status !== 'success') return data({ result: submission.reply(), sent: false, error: null as BusinessError | null }, { status: 400 })
      const result = await requestPasswordReset(rc.ctx, { email: submission.value.email, origin: kit.publicUrl(), ip: context.clientIp ?? 'unknown' })
      if (!result.ok) {
        return data({ result: submission.reply(), sent: false, error: result.error as BusinessError | null }, { status: 429, headers: { 'Retry-After': String(result.error.params?.seconds ?? 60) } })
      }
      return data({ result: submission.reply({ resetForm: true }), sent: true, error: null as BusinessError | null })
    },

    async resetPasswordLoader(request: Request, token: string) {
      const rc = await kit.getRequestContext(request)
      const checked = await checkPasswordResetToken(rc.ctx, token)
      return data({ error: checked.ok ? null : (checked.error as BusinessError) }, { status: checked.ok ? 200 : 410, headers: rc.headers })
    },

    async resetPasswordAction(request: Request, token: string) {
      const rc = await kit.getRequestContext(request)
      if (rc.impersonation) throw forbiddenResponse()
      const submission = parseForm(await request.formData(), ResetPasswordSchema)
      if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }), error: null as BusinessError | null }, { status: 400 })
      const result = await resetPassword(rc.ctx, { token, password: submission.value.password })
      if (!result.ok) return data({ result: submission.reply({ hideFields: ['password', 'confirm'] }), error: result.error as BusinessError | null }, { status: 410 })
      throw redirect('/login?notice=resetDone')
    },

    async invitationLoader(request: Request, token: string) {
      const rc = await kit.getRequestContext(request)
      const preview = await previewInvitation(rc.ctx, token)
      return data(
        {
          invitation: preview.ok ? preview.value : null,
          error: preview.ok ? null : (preview.error as BusinessError),
          signedInAs: rc.user?.email ?? null,
        },
        { status: preview.ok ? 200 : 410, headers: rc.headers },
      )
    },

    async invitationAction(request: Request, token: string) {
      const rc = await kit.getRequestContext(request)
      const formData = await request.formData()
      const submission = parseForm(formData, rc.user ? z.object({}) : AcceptInvitationSchema.required())
      if (submission.status !== 'success') return data({ result: submission.reply({ hideFields: ['password'] }), error: null as BusinessError | null }, { status: 400 })
      const result = await acceptInvitation(rc.ctx, { token, ...(submission.value as { name?: string; password?: string }) })
      if (!result.ok) {
        const gone = ['INVITATION_INVALID', 'INVITATION_EXPIRED', 'INVITATION_USED'].includes(result.error.code)
        return data({ result: submission.reply({ hideFields: ['password'] }), error: result.error as BusinessError | null }, { status: gone ? 410 : 409 })
      }
      if (rc.user && rc.sessionId) {
        await kit.switchOrganization({ ...rc, user: rc.user, sessionId: rc.sessionId }, result.value.organizationId)
        throw redirect('/', { headers: rc.headers })
      }
      const cookie = await kit.startSession(result.value.userId, result.value.organizationId)
      throw redirect('/', { headers: { 'Set-Cookie': cookie } })
    },

    async switchOrganizationAction(request: Request) {
      const rc = await kit.requireUser(request)
      const formData = await request.formData()
      const organizationId = String(formData.get('organizationId') ?? '')
      const switched = z.uuid().safeParse(organizationId).success && (await kit.switchOrganization(rc, organizationId))
      if (!switched) throw new Response('Forbidden', { status: 403 })
      throw redirect(safeRedirect(formData.get('redirectTo')), { headers: rc.headers })
    },

    /** The reader's notifications in the organization they work as. */
    notificationsLoader: guard(async (request: Request) => {
      const rc = await kit.requireMember(request)
      return data({ notifications: await myNotifications(rc.ctx), marked: new URL(request.url).searchParams.get('notice') === 'read' }, { headers: rc.headers })
    }),

    notificationsAction: guard(async (request: Request) => {
      const rc = await kit.requireMember(request)
      if ((await request.formData()).get('intent') !== 'read') throw new Response('Bad request', { status: 400 })
      await markNotificationsRead(rc.ctx)
      return redirect('/notifications?notice=read', { headers: rc.headers })
    }),

    /** Members and pending invitations of the active organization (its admins only). */
    /** `?company=<id>`: a company below the active one, for a parent company's admins. */
    membersLoader: guard(async (request: Request) => {
      const rc = await kit.requireMember(request)
      return data(await getPeoplePage(rc.ctx, companyParam(request)), { headers: rc.headers })
    }),

    membersAction: guard(async (request: Request) => {
      const rc = await kit.requireMember(request)
      const formData = await request.formData()
      const company = companyParam(request)
      const url = new URL(request.url)
      const back = (notice: string, extra = '') => `${url.pathname}?${company ? `company=${company}&` : ''}notice=${notice}${extra}`
      const intent = formData.get('intent')
      const id = (name: string) => {
        const parsed = z.uuid().safeParse(formData.get(name))
        if (!parsed.success) throw new Response('Not found', { status: 404 })
        return parsed.data
      }
      if (intent === 'revoke') {
        await revokeInvitation(rc.ctx, id('invitationId'))
        throw redirect(back('revoked'))
      }
      if (intent === 'role') {
        const role = z.enum(ROLES).safeParse(formData.get('role'))
        if (!role.success) return data({ memberError: 'ROLE_INVALID' }, { status: 400, headers: rc.headers })
        const changed = await changeMemberRole(rc.ctx, id('membershipId'), role.data)
        if (!changed.ok) return data({ memberError: changed.error.code }, { status: 409, headers: rc.headers })
        throw redirect(back('roleChanged'))
      }
      // Taking someone out asks first (a dialog, or this answer as a page without JavaScript).
      if (intent === 'remove') {
        const membershipId = id('membershipId')
        const person = (await getPeoplePage(rc.ctx, company)).members.find((m) => m.membershipId === membershipId)
        if (!person) throw new Response('Not found', { status: 404 })
        return data({ confirm: 'remove' as const, membershipId, name: person.name }, { headers: rc.headers })
      }
      if (intent === 'removeConfirmed') {
        const removed = await removeMember(rc.ctx, id('membershipId'))
        if (!removed.ok) return data({ memberError: removed.error.code }, { status: 409, headers: rc.headers })
        throw redirect(back('removed'))
      }
      return submitForm(formData, InviteMemberSchema, (value) => inviteMember(rc.ctx, { ...value, origin: kit.publicUrl(), organizationId: company }), {
        field: 'email',
        redirectTo: (invitation) => back('invited', `&email=${encodeURIComponent(invitation.email)}`),
      })
    }),

    /** An uploaded image, for whoever may read its product (cached by the browser: keys never change). */
    mediaLoader: guard(async (request: Request, imageId: string) => {
      const rc = await kit.getRequestContext(request)
      if (!z.uuid().safeParse(imageId).success) throw new Response('Not found', { status: 404 })
      const { storage } = await getServices()
      // `?w=480`: the smallest WebP rendition at least that wide (pages ask through srcset).
      const width = z.coerce.number().int().min(1).max(4000).optional().catch(undefined).parse(new URL(request.url).searchParams.get('w') ?? undefined)
      const image = await readProductImage(rc.ctx, storage, imageId, width)
      return new Response(Buffer.from(image.bytes), { headers: { 'Content-Type': image.contentType, 'Cache-Control': 'private, max-age=86400', 'X-Content-Type-Options': 'nosniff' } })
    }),

    async setLanguageAction(request: Request) {
      kit.assertSameOrigin(request)
      const formData = await request.formData()
      const lng = z.enum(['en', 'vi']).catch('en').parse(formData.get('lng')) satisfies Locale
      throw redirect(safeRedirect(formData.get('redirectTo')), { headers: withHeaders(new Headers(), { 'Set-Cookie': await languageCookie.serialize(lng) }) })
    },
  })
}

/** `?company=`: a well-formed id, or none (anything else is not found before any query). */
function companyParam(request: Request): string | undefined {
  const value = new URL(request.url).searchParams.get('company')
  if (value === null || value === '') return undefined
  if (!isUuid(value)) throw new Response('Not found', { status: 404 })
  return value
}

/** Every loader and action here maps domain failures (and unreadable forms) to statuses, as `guard` does. */
function guardAll<T extends Record<string, (...args: never[]) => Promise<unknown>>>(routes: T): T {
  for (const key of Object.keys(routes) as (keyof T)[]) routes[key] = guard(routes[key] as never) as T[keyof T]
  return routes
}
export type AuthRoutes = ReturnType<typeof createAuthRoutes>
