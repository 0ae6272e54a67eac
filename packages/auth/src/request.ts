import { AsyncLocalStorage } from 'node:async_hooks'
import { verifyRequestOrigin } from 'lucia'
import { ANONYMOUS, type Actor } from '@tradepost/domain/authz'
import { createCtx, type Ctx } from '@tradepost/domain/ctx'
import { DomainError, isUniqueViolation } from '@tradepost/domain/errors'
import type { Locale, OrganizationKind } from '@tradepost/domain/organizations'
import { activeImpersonation, firstOrganizationOf, listMyOrganizations, resolveSignedIn, sessionStore, type ActiveImpersonation, type MyOrganizationDto, type RedeemedImpersonation } from '@tradepost/domain/users'
import { appUrl, isProduction, type AppId } from './app-urls.ts'
import { createLucia, type AppLucia } from './lucia.ts'
import { getServices, type Services } from './services.ts'

export interface AppAuthConfig {
  /** Which app this is: its configured public URL is the base of the links it emails. */
  app: AppId
  /** Cookie of this app's sessions (each app signs in on its own). */
  cookieName: string
  /** Organization kinds this app serves: their memberships become the actor's. */
  kinds: readonly OrganizationKind[]
  getLocale(request: Request): Promise<Locale>
  /** Secure cookies: on in production unless COOKIE_SECURE=false (plain-http deployments). */
  secureCookies?: boolean
}

export interface SignedInUser {
  id: string
  email: string
  name: string
  locale: string
}

export interface RequestContext {
  ctx: Ctx
  user: SignedInUser | null
  sessionId: string | null
  /** Set-Cookie headers the response must carry (a refreshed or a cleared session cookie). */
  headers: Headers
  /** Someone acting as this user (every page shows it), while the impersonation lasts. */
  impersonation: ActiveImpersonation | null
  /** The user's organizations of this app's kinds (the switcher), by name. */
  organizations: MyOrganizationDto[]
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Who is asking, as worked out once per request (the context built on it is new for each loader). */
type Resolved = Pick<RequestContext, 'user' | 'sessionId' | 'impersonation' | 'organizations'> & { actor: Actor; setCookies: string[] }
const requestScope = new AsyncLocalStorage<Map<string, Promise<Resolved>>>()

/**
 * Runs one HTTP request inside a scope of its own (the app server calls it around Remix's
 * handler). Every loader of a page (the root's, the layout's, the page's) needs the session and
 * the actor; within the scope a GET works them out once and each loader gets a context of its
 * own (its own EntityManager) built on them. Without the scope (the dev server), each loader
 * works them out itself, as before.
 */
export function aroundRequest<T>(run: () => Promise<T>): Promise<T> {
  return requestScope.run(new Map(), run)
}


/** Responses thrown from loaders and actions; Remix renders or follows them. */
export function redirectTo(location: string, headers?: HeadersInit): Response {
  const h = new Headers(headers)
  h.set('Location', location)
  return new Response(null, { status: 302, headers: h })
}
export const forbiddenResponse = () => new Response('Forbidden', { status: 403 })

const REDIRECT_BASE = 'http://redirect.invalid'

/**
 * Only same-origin paths: never redirect to another host after sign-in. The value is parsed the
 * way a browser would (which drops tabs and newlines and reads `\\` as `/`), and only a path that
 * stays on our origin after that is kept, in its normalized form.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || to.length > 2048 || !to.startsWith('/')) return fallback
  // Control characters, backslashes and a leading `//` all let a browser leave the site.
  if (/[\u0000-\u001f\u007f\\]/.test(to) || to.startsWith('//')) return fallback
  let url: URL
  try {
    url = new URL(to, REDIRECT_BASE)
  } catch {
    return fallback
  }
  const path = `${url.pathname}${url.search}${url.hash}`
  if (url.origin !== REDIRECT_BASE || !path.startsWith('/') || path.startsWith('//')) return fallback
  return path
}

export function createAuthKit(config: AppAuthConfig) {
  let lucia: AppLucia | undefined
  const secure = config.secureCookies ?? (isProduction() && process.env.COOKIE_SECURE !== 'false')

  async function boot(): Promise<{ services: Services; lucia: AppLucia }> {
    const services = await getServices()
    lucia ??= createLucia(services.orm, { cookieName: config.cookieName, secure, kinds: config.kinds })
    return { services, lucia }
  }

  /**
   * Every state-changing request must come from our own pages. The request's host was checked
   * against the configured ones by the app server (and reflects X-Forwarded-Host only behind a
   * trusted proxy).
   */
  function assertSameOrigin(request: Request): void {
    if (SAFE_METHODS.has(request.method)) return
    const origin = request.headers.get('Origin')
    const host = new URL(request.url).host
    if (!origin || !host || !verifyRequestOrigin(origin, [host])) throw forbiddenResponse()
  }

  /**
   * The request's context: its actor (anonymous when not signed in), a fresh EntityManager and
   * the locale. Checks the Origin of every non-GET request.
   */
  async function getRequestContext(request: Request): Promise<RequestContext> {
    assertSameOrigin(request)
    const { services, lucia } = await boot()
    const locale = await config.getLocale(request)
    const sessionId = lucia.readSessionCookie(request.headers.get('Cookie') ?? '')
    // Loaders of one GET share who is asking; actions (which may sign in or out) work it out themselves.
    const scope = SAFE_METHODS.has(request.method) ? requestScope.getStore() : undefined
    const key = `${config.cookieName}:${sessionId ?? ''}`
    let resolving = scope?.get(key)
    if (!resolving) {
      resolving = resolveWho(sessionId)
      scope?.set(key, resolving)
    }
    const who = await resolving
    const headers = new Headers()
    for (const cookie of who.setCookies) headers.append('Set-Cookie', cookie)
    const ctx = createCtx({ actor: who.actor, em: services.orm.em.fork(), jobs: services.jobs, payments: services.payments, locale, requestId: request.headers.get('X-Request-Id') ?? undefined })
    return { ctx, user: who.user, sessionId: who.sessionId, headers, impersonation: who.impersonation, organizations: who.organizations }
  }

  /** The session's user, actor and impersonation, with the cookies the response must set. */
  async function resolveWho(sessionId: string | null): Promise<Resolved> {
    const { services, lucia } = await boot()
    const em = services.orm.em.fork()
    const setCookies: string[] = []
    let actor: Actor = ANONYMOUS
    let user: SignedInUser | null = null
    let impersonation: ActiveImpersonation | null = null
    let organizations: MyOrganizationDto[] = []
    if (sessionId) {
      const { session, user: found } = await lucia.validateSession(sessionId)
      // An impersonated session lives only as long as its impersonation, however lucia extends it.
      impersonation = session?.impersonatorUserId && found ? await activeImpersonation(em, { userId: found.id, impersonatorUserId: session.impersonatorUserId }) : null
      if (session?.impersonatorUserId && !impersonation) {
        await lucia.invalidateSession(session.id)
        setCookies.push(lucia.createBlankSessionCookie().serialize())
      } else if (session && found) {
        if (session.fresh) setCookies.push(lucia.createSessionCookie(session.id).serialize())
        const activeOrganizationId = impersonation?.organizationId ?? session.activeOrganizationId
        const signedIn = await resolveSignedIn(em, { userId: found.id, activeOrganizationId, impersonatorUserId: session.impersonatorUserId }, config.kinds, found.memberships)
        actor = signedIn.actor
        organizations = signedIn.organizations
        user = { id: found.id, email: found.email, name: found.name, locale: found.locale }
      } else {
        // A forged, expired or revoked cookie: clear it and carry on as anonymous.
        setCookies.push(lucia.createBlankSessionCookie().serialize())
      }
    }
    return { actor, user, sessionId: user ? sessionId : null, impersonation, organizations: user ? organizations : [], setCookies }
  }

  /** Signed in, or sent to the login page (coming back here afterwards). */
  async function requireUser(request: Request): Promise<RequestContext & { user: SignedInUser; sessionId: string }> {
    const rc = await getRequestContext(request)
    if (!rc.user || !rc.sessionId) {
      const url = new URL(request.url)
      throw redirectTo(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`, rc.headers)
    }
    return rc as RequestContext & { user: SignedInUser; sessionId: string }
  }

  /** Signed in as a member of an active organization of this app's kinds; else 403. */
  async function requireMember(request: Request): Promise<RequestContext & { user: SignedInUser; sessionId: string }> {
    const rc = await requireUser(request)
    if (rc.ctx.actor.membership?.organizationStatus !== 'active') throw forbiddenResponse()
    return rc
  }

  async function startSession(userId: string, activeOrganizationId: string | null): Promise<string> {
    const { services, lucia } = await boot()
    // Signing in names no organization: the session starts in the one the user lands in anyway.
    const organizationId = activeOrganizationId ?? (await firstOrganizationOf(services.orm.em.fork(), userId, config.kinds))
    const session = await lucia.createSession(userId, { activeOrganizationId: organizationId, impersonatorUserId: null })
    return lucia.createSessionCookie(session.id).serialize()
  }

  /** Opens the session an impersonation link was redeemed for (acting as its user, in its company). */
  async function startImpersonatedSession(redeemed: RedeemedImpersonation): Promise<string> {
    const { lucia } = await boot()
    const session = await lucia.createSession(redeemed.userId, { activeOrganizationId: redeemed.organizationId, impersonatorUserId: redeemed.impersonatorUserId })
    return lucia.createSessionCookie(session.id).serialize()
  }

  /** Signs out of this session, or of every session of the user. Returns the clearing cookie. */
  async function endSession(rc: RequestContext, scope: 'this' | 'all'): Promise<string> {
    const { lucia } = await boot()
    if (rc.user && scope === 'all') await lucia.invalidateUserSessions(rc.user.id)
    else if (rc.sessionId) await lucia.invalidateSession(rc.sessionId)
    return lucia.createBlankSessionCookie().serialize()
  }

  /** Makes one of the user's organizations (of this app's kinds) the active one. */
  async function switchOrganization(rc: RequestContext & { user: SignedInUser; sessionId: string }, organizationId: string): Promise<boolean> {
    // Acting as someone stays within the company it was started for.
    if (rc.ctx.actor.impersonatorUserId) return false
    // Read afresh: accepting an invitation switches to the organization it has just joined.
    const mine = await listMyOrganizations(rc.ctx, config.kinds)
    if (!mine.some((o) => o.organizationId === organizationId)) return false
    return sessionStore.switchOrganization(rc.ctx.em, rc.sessionId, rc.user.id, organizationId)
  }

  /** The base of links this app emails: its configured URL, never the request's Host. */
  const publicUrl = () => appUrl(config.app)

  return { kinds: config.kinds, publicUrl, getRequestContext, requireUser, requireMember, startSession, startImpersonatedSession, endSession, switchOrganization, assertSameOrigin }
}
export type AuthKit = ReturnType<typeof createAuthKit>

/**
 * The one place where domain failures become HTTP: not found and not allowed both answer 404
 * or 403, never data; anything unexpected is left to the error boundary (a 500 page, logged).
 */
export function toHttpError(error: unknown): unknown {
  if (error instanceof DomainError) {
    const status = { not_found: 404, forbidden: 403, unauthenticated: 401, conflict: 409, invalid: 400 }[error.kind]
    return new Response(error.code, { status })
  }
  if (isUniqueViolation(error)) return new Response('ALREADY_EXISTS', { status: 409 })
  if (isUnreadableForm(error)) return new Response('Bad request: the form could not be read.', { status: 400 })
  return error
}

/** `request.formData()` on a body that is no form (a broken multipart, another content type). */
const UNREADABLE_FORM = ['Failed to parse body as FormData.', 'Content-Type was not one of']
const isUnreadableForm = (error: unknown) => error instanceof TypeError && UNREADABLE_FORM.some((m) => error.message.startsWith(m))

/** Wraps a loader or action so domain errors reach the browser as statuses. */
export function guard<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await fn(...args)
    } catch (error) {
      throw toHttpError(error)
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** A well-formed id (of a query parameter, say), before any query uses it. */
export const isUuid = (value: string | null | undefined): value is string => !!value && UUID.test(value)

/** The `$id` of a route: anything but a well-formed id is 404 before any query runs. */
export function idParam(param: string | undefined): string {
  if (!param || !UUID.test(param)) throw new Response('Not found', { status: 404 })
  return param
}

/**
 * The `$id` of an editor route that also creates: `new` is null (a new record), anything but a
 * well-formed id is 404 before any query runs.
 */
export function idOrNew(param: string | undefined): string | null {
  if (param === 'new') return null
  if (!param || !UUID.test(param)) throw new Response('Not found', { status: 404 })
  return param
}
