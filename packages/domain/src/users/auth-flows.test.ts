import { describe, expect, it } from 'vitest'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { ANONYMOUS } from '../authz/actor.ts'
import { EmailMessage } from '../email/email-message.entity.ts'
import { DomainError } from '../errors.ts'
import { QUEUES } from '../jobs/outbox.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { addMember, createOrganization, createUser, TEST_PASSWORD } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { acceptInvitation, inviteMember, listInvitations, previewInvitation, revokeInvitation } from './invitations.ts'
import { LOGIN_LIMITS, logIn } from './log-in.ts'
import { sweepThrottles } from './throttle.ts'
import { listMembers, resolveActor } from './memberships.ts'
import { PasswordReset } from './password-reset.entity.ts'
import { RESET_LIMITS, requestPasswordReset, resetPassword, sendPasswordReset, type PasswordResetJob } from './password-reset.ts'
import { Session } from './session.entity.ts'
import { sessionStore } from './session-store.ts'
import { signUp } from './sign-up.ts'
import { SignUpSchema } from './user.schemas.ts'

const db = useTestDatabase()

const ORIGIN = 'http://portal.test'
const tokenFrom = (text: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(text)![1]!
const queuedJobs = async (emailId: string) =>
  (await db().boss.findJobs(QUEUES.emailDeliver, { data: { emailId } } as never)).length

const signUpInput = (over: Partial<Record<string, string>> = {}) =>
  SignUpSchema.parse({
    name: 'Lan Nguyen',
    email: `lan${Math.random().toString(36).slice(2, 7)}@Example.test`,
    password: 'longenough-123',
    organizationName: 'Công ty Phân phối Hà Nội',
    organizationKind: 'buyer',
    country: 'vn',
    ...over,
  })

describe('sign up', () => {
  it('creates an active buyer company and a pending distributor application, each with an admin', async () => {
    const buyer = await signUp(db().ctx(ANONYMOUS), signUpInput())
    const seller = await signUp(db().ctx(ANONYMOUS), signUpInput({ organizationKind: 'distributor' }))
    expect(buyer.ok && buyer.value.organizationStatus).toBe('active')
    expect(seller.ok && seller.value.organizationStatus).toBe('pending')
    const em = db().orm.em.fork()
    const org = await em.findOneOrFail(Organization, { id: seller.ok ? seller.value.organizationId : '' })
    expect(org.slug).toMatch(/^cong-ty-phan-phoi-ha-noi(-\d+)?$/)
    expect(org.defaultCurrency).toBe('VND')
    expect(await em.count(AuditEvent, { organizationId: org.id, action: 'organization.applied' })).toBe(1)
  })

  it('refuses an email that is taken in another case, and writes nothing', async () => {
    const input = signUpInput()
    expect((await signUp(db().ctx(ANONYMOUS), input)).ok).toBe(true)
    const em = db().orm.em.fork()
    const orgsBefore = await em.count(Organization)
    const again = await signUp(db().ctx(ANONYMOUS), { ...input, email: input.email.toUpperCase().toLowerCase(), organizationName: 'Another' })
    expect(again).toEqual({ ok: false, error: { code: 'EMAIL_TAKEN', field: 'email' } })
    expect(await em.count(Organization)).toBe(orgsBefore)
  })

  it('rejects weak passwords and malformed emails at the edge', () => {
    const weak = SignUpSchema.safeParse({ ...signUpInput(), password: 'short' })
    const letters = SignUpSchema.safeParse({ ...signUpInput(), password: 'onlyletterspassword' })
    const email = SignUpSchema.safeParse({ ...signUpInput(), email: 'not-an-email' })
    expect(weak.error?.issues[0]?.message).toBe('PASSWORD_TOO_SHORT')
    expect(letters.error?.issues[0]?.message).toBe('PASSWORD_TOO_WEAK')
    expect(email.error?.issues[0]?.message).toBe('EMAIL_INVALID')
  })
})

describe('log in', () => {
  it('accepts the right password and refuses a wrong one or an unknown email alike', async () => {
    const user = await createUser(db().orm.em.fork())
    const em = db().orm.em.fork()
    expect(await logIn(em, { email: user.email, password: TEST_PASSWORD }, '10.0.0.1')).toEqual({ ok: true, value: { userId: user.id } })
    expect(await logIn(em, { email: user.email, password: 'wrong' }, '10.0.0.1')).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
    expect(await logIn(em, { email: 'nobody@example.test', password: 'wrong' }, '10.0.0.1')).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
  })

  it('counts a burst of parallel wrong attempts in full: only the free ones are checked', async () => {
    const user = await createUser(db().orm.em.fork())
    const results = await Promise.all(Array.from({ length: 12 }, () => logIn(db().orm.em.fork(), { email: user.email, password: 'wrong' }, '10.1.0.1')))
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code))
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(LOGIN_LIMITS.perPair.freeAttempts)
    expect(codes.filter((c) => c === 'SLOW_DOWN')).toHaveLength(12 - LOGIN_LIMITS.perPair.freeAttempts)
  })

  it('backs off exponentially per account and address, and a success clears it', async () => {
    const user = await createUser(db().orm.em.fork())
    const em = db().orm.em.fork()
    const t0 = Date.now()
    const at = (seconds: number) => new Date(t0 + seconds * 1000)
    for (let i = 0; i < 3; i++) expect((await logIn(em, { email: user.email, password: 'wrong' }, '10.1.0.2', at(0))).ok).toBe(false)
    // The third failure set a wait of 1 s; the right password is refused until then, without checking it.
    expect(await logIn(em, { email: user.email, password: TEST_PASSWORD }, '10.1.0.2', at(0.5))).toEqual({ ok: false, error: { code: 'SLOW_DOWN', params: { seconds: 1 } } })
    expect((await logIn(em, { email: user.email, password: 'wrong' }, '10.1.0.2', at(1.1))).ok).toBe(false)
    // The fourth failure doubled it.
    expect(await logIn(em, { email: user.email, password: TEST_PASSWORD }, '10.1.0.2', at(2))).toEqual({ ok: false, error: { code: 'SLOW_DOWN', params: { seconds: 2 } } })
    expect((await logIn(em, { email: user.email, password: TEST_PASSWORD }, '10.1.0.2', at(3.2))).ok).toBe(true)
    // Cleared: three free attempts again.
    for (let i = 0; i < 3; i++) expect(await logIn(em, { email: user.email, password: 'wrong' }, '10.1.0.2', at(4))).toEqual({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
  })

  it('never locks the owner out: failures from many addresses only slow each address down', async () => {
    const user = await createUser(db().orm.em.fork())
    const em = db().orm.em.fork()
    for (let i = 0; i < 40; i++) await logIn(em, { email: user.email, password: 'wrong' }, `10.2.${i}.1`)
    // Under attack, an attacking address gets one try, then waits…
    expect((await logIn(em, { email: user.email, password: 'wrong' }, '10.3.0.1')).ok).toBe(false)
    const second = await logIn(em, { email: user.email, password: TEST_PASSWORD }, '10.3.0.1')
    expect(second.ok ? 'ok' : second.error.code).toBe('SLOW_DOWN')
    // …while the owner, from an address of their own, gets in at the first try.
    expect(await logIn(em, { email: user.email, password: TEST_PASSWORD }, '10.4.0.1')).toEqual({ ok: true, value: { userId: user.id } })
  })

  it('puts a ceiling on one address across accounts; other addresses are not affected', async () => {
    const user = await createUser(db().orm.em.fork())
    const em = db().orm.em.fork()
    for (let i = 0; i < LOGIN_LIMITS.perAddress.limit; i++) await logIn(em, { email: `guess${i}@example.test`, password: 'wrong' }, '10.9.9.9')
    const r = await logIn(em, { email: user.email, password: TEST_PASSWORD }, '10.9.9.9')
    expect(r.ok ? 'ok' : r.error.code).toBe('TOO_MANY_ATTEMPTS')
    expect((await logIn(em, { email: user.email, password: TEST_PASSWORD }, '10.9.9.10')).ok).toBe(true)
    // The window runs out.
    const later = new Date(Date.now() + (LOGIN_LIMITS.perAddress.windowSeconds + 1) * 1000)
    expect((await logIn(em, { email: user.email, password: TEST_PASSWORD }, '10.9.9.9', later)).ok).toBe(true)
    // A day later the worker's sweep removes the counters; nothing is left to slow anyone.
    const count = async () => Number((await em.getConnection().execute<{ n: string }[]>(`select count(*) as n from login_throttle where key like '%10.9.9.9%'`))[0]!.n)
    expect(await count()).toBeGreaterThan(0)
    await sweepThrottles(em, new Date(Date.now() + 2 * 86_400_000))
    expect(await count()).toBe(0)
  })
})

/** Runs the worker's half of the reset requests that are queued. */
async function deliverResetRequests(): Promise<number> {
  const jobs = await db().boss.findJobs<PasswordResetJob>(QUEUES.passwordReset, { queued: true } as never)
  for (const job of jobs) {
    await sendPasswordReset(db().ctx(ANONYMOUS), job.data)
    await db().boss.deleteJob(QUEUES.passwordReset, job.id)
  }
  return jobs.length
}

describe('password reset', () => {
  it('emails a one-time link through the outbox, sets the password and ends every session and every other link', async () => {
    const user = await createUser(db().orm.em.fork())
    await sessionStore.create(db().orm.em.fork(), { id: 'session-a', userId: user.id, expiresAt: new Date(Date.now() + 1e6), activeOrganizationId: null, impersonatorUserId: null })
    expect(await requestPasswordReset(db().ctx(ANONYMOUS), { email: user.email, origin: ORIGIN, ip: '10.5.0.1' })).toEqual({ ok: true, value: null })
    expect(await requestPasswordReset(db().ctx(ANONYMOUS), { email: user.email, origin: ORIGIN, ip: '10.5.0.1' })).toEqual({ ok: true, value: null })
    expect(await deliverResetRequests()).toBe(2)
    const em = db().orm.em.fork()
    const emails = await em.find(EmailMessage, { to: user.email, template: 'password-reset' }, { orderBy: { createdAt: 'asc' } })
    expect(emails).toHaveLength(2)
    expect(await queuedJobs(emails[1]!.id)).toBe(1)
    expect(emails[1]!.text).toContain(`${ORIGIN}/reset-password/`)
    const [first, second] = emails.map((e) => tokenFrom(e.text, '/reset-password'))

    expect(await resetPassword(db().ctx(ANONYMOUS), { token: second!, password: 'brand-new-pass-1' })).toEqual({ ok: true, value: { userId: user.id } })
    expect(await em.count(Session, { userId: user.id })).toBe(0)
    expect((await logIn(db().orm.em.fork(), { email: user.email, password: 'brand-new-pass-1' }, '10.2.0.1')).ok).toBe(true)
    // The link works once, and the other link sent before it no longer works either.
    expect(await resetPassword(db().ctx(ANONYMOUS), { token: second!, password: 'another-pass-22' })).toEqual({ ok: false, error: { code: 'RESET_LINK_USED' } })
    expect(await resetPassword(db().ctx(ANONYMOUS), { token: first!, password: 'another-pass-22' })).toEqual({ ok: false, error: { code: 'RESET_LINK_USED' } })
  })

  it('does the same work for an unknown email, which gets nothing', async () => {
    const before = await db().orm.em.fork().count(PasswordReset, {})
    expect(await requestPasswordReset(db().ctx(ANONYMOUS), { email: 'ghost@example.test', origin: ORIGIN, ip: '10.5.0.2' })).toEqual({ ok: true, value: null })
    // The request wrote only its job, as for a real account; the worker finds nobody.
    expect(await db().orm.em.fork().count(PasswordReset, {})).toBe(before)
    expect(await deliverResetRequests()).toBe(1)
    expect(await db().orm.em.fork().count(EmailMessage, { to: 'ghost@example.test' })).toBe(0)
    expect(await db().orm.em.fork().count(PasswordReset, {})).toBe(before)
  })

  it('is throttled per email and per address, alike for accounts that exist and that do not', async () => {
    const user = await createUser(db().orm.em.fork())
    for (const email of [user.email, 'nobody.else@example.test']) {
      for (let i = 0; i < RESET_LIMITS.perEmail.limit; i++) expect((await requestPasswordReset(db().ctx(ANONYMOUS), { email, origin: ORIGIN, ip: `10.6.${i}.1` })).ok).toBe(true)
      const refused = await requestPasswordReset(db().ctx(ANONYMOUS), { email, origin: ORIGIN, ip: '10.6.99.1' })
      expect(refused.ok ? 'ok' : refused.error.code).toBe('TOO_MANY_ATTEMPTS')
    }
    for (let i = 0; i < RESET_LIMITS.perAddress.limit; i++) await requestPasswordReset(db().ctx(ANONYMOUS), { email: `r${i}@example.test`, origin: ORIGIN, ip: '10.7.0.1' })
    const refused = await requestPasswordReset(db().ctx(ANONYMOUS), { email: 'fresh@example.test', origin: ORIGIN, ip: '10.7.0.1' })
    expect(refused.ok ? 'ok' : refused.error.code).toBe('TOO_MANY_ATTEMPTS')
    await deliverResetRequests()
  })

  it('refuses expired or forged links', async () => {
    const user = await createUser(db().orm.em.fork())
    await requestPasswordReset(db().ctx(ANONYMOUS), { email: user.email, origin: ORIGIN, ip: '10.5.0.3' })
    await deliverResetRequests()
    const em = db().orm.em.fork()
    const email = await em.findOneOrFail(EmailMessage, { to: user.email })
    await em.nativeUpdate(PasswordReset, { userId: user.id }, { expiresAt: new Date(Date.now() - 1000) })
    const token = tokenFrom(email.text, '/reset-password')
    expect(await resetPassword(db().ctx(ANONYMOUS), { token, password: 'brand-new-pass-1' })).toEqual({ ok: false, error: { code: 'RESET_LINK_EXPIRED' } })
    expect(await resetPassword(db().ctx(ANONYMOUS), { token: 'forged', password: 'brand-new-pass-1' })).toEqual({ ok: false, error: { code: 'RESET_LINK_INVALID' } })
  })
})

describe('invitations', () => {
  it('lets an admin invite a new person, who accepts with a name and password', async () => {
    const { org, admin } = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const invited = await inviteMember(db().ctx(admin.actor), { email: 'new.hire@example.test', role: 'sales', origin: ORIGIN })
    expect(invited.ok).toBe(true)
    const email = await db().orm.em.fork().findOneOrFail(EmailMessage, { to: 'new.hire@example.test' })
    const token = tokenFrom(email.text, '/invitations')

    const preview = await previewInvitation(db().ctx(ANONYMOUS), token)
    expect(preview).toEqual({ ok: true, value: { organizationName: org.name, email: 'new.hire@example.test', role: 'sales', accountExists: false } })
    expect(await acceptInvitation(db().ctx(ANONYMOUS), { token })).toEqual({ ok: false, error: { code: 'INVITATION_DETAILS_REQUIRED' } })
    const accepted = await acceptInvitation(db().ctx(ANONYMOUS), { token, name: 'New Hire', password: 'welcome-aboard-1' })
    expect(accepted.ok).toBe(true)
    const members = await listMembers(db().ctx(admin.actor))
    expect(members.map((m) => [m.email, m.role])).toContainEqual(['new.hire@example.test', 'sales'])
    expect(await acceptInvitation(db().ctx(ANONYMOUS), { token, name: 'x', password: 'welcome-aboard-1' })).toEqual({ ok: false, error: { code: 'INVITATION_USED' } })
  })

  it('makes an existing user sign in first, then adds the membership to their account', async () => {
    const { org, admin } = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const other = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const existing = other.admin.user
    await inviteMember(db().ctx(admin.actor), { email: existing.email, role: 'approver', origin: ORIGIN })
    const email = await db().orm.em.fork().findOneOrFail(EmailMessage, { to: existing.email })
    const token = tokenFrom(email.text, '/invitations')
    expect(await acceptInvitation(db().ctx(ANONYMOUS), { token })).toEqual({ ok: false, error: { code: 'INVITATION_LOGIN_REQUIRED' } })
    // Someone else signed in cannot take it.
    expect(await acceptInvitation(db().ctx(admin.actor), { token })).toEqual({ ok: false, error: { code: 'INVITATION_WRONG_ACCOUNT' } })
    expect((await acceptInvitation(db().ctx(other.admin.actor), { token })).ok).toBe(true)
    const actor = await resolveActor(db().orm.em.fork(), { userId: existing.id, activeOrganizationId: org.id, impersonatorUserId: null }, ['buyer'])
    expect(actor.membership).toMatchObject({ organizationId: org.id, role: 'approver' })
  })

  it('refuses a non-admin, a role the organization kind does not have, and an expired link', async () => {
    const { admin, members } = await createOrganization(db().orm.em.fork(), { kind: 'buyer', roles: ['buyer'] })
    await expect(inviteMember(db().ctx(members.buyer!.actor), { email: 'x@example.test', role: 'buyer', origin: ORIGIN })).rejects.toMatchObject({ kind: 'forbidden' })
    expect(await inviteMember(db().ctx(admin.actor), { email: 'x@example.test', role: 'catalog_manager', origin: ORIGIN })).toEqual({ ok: false, error: { code: 'ROLE_NOT_FOR_ORGANIZATION', field: 'role' } })
    const ok = await inviteMember(db().ctx(admin.actor), { email: 'late@example.test', role: 'viewer', origin: ORIGIN })
    const em = db().orm.em.fork()
    await em.getConnection().execute(`update invitation set expires_at = now() - interval '1 minute' where email = 'late@example.test'`)
    const email = await em.findOneOrFail(EmailMessage, { to: 'late@example.test' })
    expect(ok.ok).toBe(true)
    expect(await previewInvitation(db().ctx(ANONYMOUS), tokenFrom(email.text, '/invitations'))).toEqual({ ok: false, error: { code: 'INVITATION_EXPIRED' } })
  })

  it('keeps each organization to its own invitations and members', async () => {
    const a = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const b = await createOrganization(db().orm.em.fork(), { kind: 'distributor' })
    const invited = await inviteMember(db().ctx(a.admin.actor), { email: 'only.a@example.test', role: 'sales', origin: ORIGIN })
    if (!invited.ok) throw new Error('invite failed')
    expect(await listInvitations(db().ctx(b.admin.actor))).not.toContainEqual(expect.objectContaining({ email: 'only.a@example.test' }))
    await expect(revokeInvitation(db().ctx(b.admin.actor), invited.value.id)).rejects.toBeInstanceOf(DomainError)
    expect((await listMembers(db().ctx(b.admin.actor))).map((m) => m.userId)).not.toContain(a.admin.user.id)
  })
})

describe('the outbox', () => {
  it('writes neither the email nor its job when the transaction rolls back', async () => {
    const { admin } = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const ctx = db().ctx(admin.actor)
    await expect(
      ctx.em.transactional(async (em) => {
        const r = await inviteMember({ ...ctx, em }, { email: 'rolled.back@example.test', role: 'buyer', origin: ORIGIN })
        expect(r.ok).toBe(true)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const em = db().orm.em.fork()
    expect(await em.count(EmailMessage, { to: 'rolled.back@example.test' })).toBe(0)
    const jobs = await db().boss.findJobs(QUEUES.emailDeliver)
    const ids = new Set((await em.find(EmailMessage, {})).map((m) => m.id))
    expect(jobs.every((j) => ids.has((j.data as { emailId: string }).emailId))).toBe(true)
  })
})

describe('sessions', () => {
  it('stores only a hash of the session id', async () => {
    const user = await createUser(db().orm.em.fork())
    await sessionStore.create(db().orm.em.fork(), { id: 'the-cookie-value', userId: user.id, expiresAt: new Date(Date.now() + 1e6), activeOrganizationId: null, impersonatorUserId: null })
    const rows = await db().orm.em.fork().find(Session, { userId: user.id })
    expect(rows).toHaveLength(1)
    expect(rows[0]!.idHash).not.toContain('the-cookie-value')
    expect((await sessionStore.get(db().orm.em.fork(), 'the-cookie-value'))?.user.id).toBe(user.id)
    expect(await sessionStore.get(db().orm.em.fork(), 'forged')).toBeNull()
  })

  it('only switches to an organization the user belongs to', async () => {
    const a = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const b = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const em = db().orm.em.fork()
    await sessionStore.create(em, { id: 's-switch', userId: a.admin.user.id, expiresAt: new Date(Date.now() + 1e6), activeOrganizationId: a.org.id, impersonatorUserId: null })
    expect(await sessionStore.switchOrganization(em, 's-switch', a.admin.user.id, b.org.id)).toBe(false)
    expect((await db().orm.em.fork().findOneOrFail(Session, { userId: a.admin.user.id })).activeOrganizationId).toBe(a.org.id)
    await addMember(em, b.org, 'viewer', a.admin.user)
    expect(await sessionStore.switchOrganization(em, 's-switch', a.admin.user.id, b.org.id)).toBe(true)
    expect((await db().orm.em.fork().findOneOrFail(Session, { userId: a.admin.user.id })).activeOrganizationId).toBe(b.org.id)
  })
})
