// Connecting a seller (or a distributor) to the card processor: an Express connected account in
// the organization's own country, onboarded on the processor's pages; its `transfers` capability,
// as the processor's events report it, decides whether its buyers may pay it by card. The
// processor pays the account's balance out to its bank on its own schedule; its payout events
// are kept, for the seller to see.
import { recordAudit } from '../audit/record-audit.ts'
import { may, scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { CURRENCIES, type Currency, type Money } from '../money.ts'
import { Order } from '../orders/order.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'
import { CONNECT_COUNTRIES, GatewayError, type ConnectedAccount, type PayoutView } from '@tradepost/payments/port'
import { PaymentAccount, PaymentPayout, PaymentTransfer } from './payment.entity.ts'
import { PAYOUT_STATUSES, type PayoutStatus, type TransferStatus } from './payments.constants.ts'
import { dayInVietnam } from '../calendar.ts'

export interface PaymentAccountDto {
  /** Card payment is configured on this platform at all. */
  enabled: boolean
  /** The organization's country is one where the processor opens connected accounts. */
  supported: boolean
  country: string
  account: { id: string; transfers: ConnectedAccount['transfers']; detailsSubmitted: boolean } | null
  canManage: boolean
}

function myOrg(ctx: Ctx): string {
  const org = ctx.actor.membership?.organizationId
  if (!org || !['manufacturer', 'distributor'].includes(ctx.actor.membership!.organizationKind)) throw new DomainError('forbidden', 'FORBIDDEN')
  return org
}

/** Applies an account's state if it is newer than the one held (events arrive out of order). */
async function applyAccount(ctx: Ctx, account: ConnectedAccount, at: number): Promise<void> {
  await ctx.em.nativeUpdate(PaymentAccount, { providerAccountId: account.id, providerUpdatedAt: { $lte: at } }, { transfers: account.transfers, detailsSubmitted: account.detailsSubmitted, providerUpdatedAt: at, updatedAt: new Date() })
}

/** The actor's organization's connected account; `refresh` asks the processor (back from onboarding). */
export async function myPaymentAccount(ctx: Ctx, options: { refresh?: boolean } = {}): Promise<PaymentAccountDto> {
  const org = myOrg(ctx)
  const organization = await ctx.em.findOneOrFail(Organization, { id: org })
  let row = await scoped(ctx).findOne(PaymentAccount, { organizationId: org })
  if (row && options.refresh && ctx.payments) {
    await applyAccount(ctx, await ctx.payments.getAccount(row.providerAccountId), Math.floor(Date.now() / 1000))
    row = await ctx.em.findOne(PaymentAccount, { organizationId: org }, { refresh: true })
  }
  return {
    enabled: !!ctx.payments,
    supported: (CONNECT_COUNTRIES as readonly string[]).includes(organization.country),
    country: organization.country,
    account: row ? { id: row.providerAccountId, transfers: row.transfers, detailsSubmitted: row.detailsSubmitted } : null,
    canManage: may(ctx, 'update', PaymentAccount, { organizationId: org }),
  }
}

/**
 * Starts (or resumes) onboarding: creates the connected account once (a second click finds it,
 * the processor's idempotency key too) and returns the processor's onboarding page.
 */
export async function startOnboarding(ctx: Ctx, urls: { returnUrl: string; refreshUrl: string }): Promise<Result<{ url: string }, 'PAYMENTS_OFF' | 'COUNTRY_UNSUPPORTED'>> {
  const org = myOrg(ctx)
  if (!may(ctx, 'update', PaymentAccount, { organizationId: org })) throw new DomainError('forbidden', 'FORBIDDEN')
  if (!ctx.payments) return fail('PAYMENTS_OFF', { field: 'intent' })
  const organization = await ctx.em.findOneOrFail(Organization, { id: org })
  if (!(CONNECT_COUNTRIES as readonly string[]).includes(organization.country)) return fail('COUNTRY_UNSUPPORTED', { field: 'intent', params: { country: organization.country } })
  let row = await ctx.em.findOne(PaymentAccount, { organizationId: org })
  if (!row) {
    const user = await ctx.em.findOneOrFail(User, { id: ctx.actor.userId! })
    let account: ConnectedAccount
    try {
      account = await ctx.payments.createAccount({ country: organization.country, email: user.email, businessName: organization.name, orgId: org, idempotencyKey: `account:${org}` })
    } catch (error) {
      if (error instanceof GatewayError && error.status < 500) return fail('COUNTRY_UNSUPPORTED', { field: 'intent', params: { country: organization.country } })
      throw error
    }
    await ctx.em.execute(
      `insert into payment_account (id, organization_id, provider_account_id, country, transfers, details_submitted, provider_updated_at, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, 0, now(), now()) on conflict (organization_id) do nothing`,
      [org, account.id, account.country, account.transfers, account.detailsSubmitted],
    )
    recordAudit(ctx, { organizationId: org, action: 'payments.account_created', subjectType: 'Organization', subjectId: org, details: { account: account.id } })
    await ctx.em.flush()
    row = await ctx.em.findOneOrFail(PaymentAccount, { organizationId: org })
  }
  return ok({ url: await ctx.payments.onboardingLink({ account: row.providerAccountId, ...urls }) })
}

/** A processor event about a connected account (`account.updated`). */
export async function accountUpdated(ctx: Ctx, account: ConnectedAccount, at: number): Promise<void> {
  await applyAccount(ctx, account, at)
}

export interface TransferRowDto {
  id: string
  orderNumber: string
  account: PaymentTransfer['account']
  amount: Money
  reversed: Money
  status: TransferStatus
  providerId: string | null
  createdAt: string
}

/** The card transfers sent (or queued) to the actor's organization, newest first. */
export async function myTransfers(ctx: Ctx): Promise<TransferRowDto[]> {
  const org = ctx.actor.membership?.organizationId
  if (!org || !may(ctx, 'read', PaymentTransfer, { destinationOrgId: org })) return []
  const rows = await scoped(ctx).find(PaymentTransfer, { destinationOrgId: org }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 200 })
  const orders = new Map((await ctx.em.find(Order, { id: { $in: rows.map((r) => r.orderId) } })).map((o) => [o.id, o.number]))
  return rows.map((r) => ({ id: r.id, orderNumber: orders.get(r.orderId) ?? '', account: r.account, amount: { amount: r.amount, currency: r.currency }, reversed: { amount: r.amountReversed, currency: r.currency }, status: r.status, providerId: r.providerTransferId ?? null, createdAt: r.createdAt.toISOString() }))
}

/**
 * A processor event about a payout of one of our connected accounts (`payout.*`): the latest
 * state is kept. Events arrive twice and out of order: an older state never replaces a newer
 * one, and a final one (paid, failed, canceled) is never undone, except that a paid payout may
 * still fail (the bank returns it).
 */
export async function payoutUpdated(ctx: Ctx, connectedAccount: string, payout: PayoutView, at: number): Promise<void> {
  const account = await ctx.em.findOne(PaymentAccount, { providerAccountId: connectedAccount })
  if (!account || !(PAYOUT_STATUSES as readonly string[]).includes(payout.status) || !(CURRENCIES as readonly string[]).includes(payout.currency)) return
  await ctx.em.execute(
    `insert into payment_payout (id, organization_id, provider_payout_id, amount, currency, status, arrival_date, failure_message, provider_created_at, provider_updated_at, created_at, updated_at)
     values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())
     on conflict (provider_payout_id) do update set status = excluded.status, amount = excluded.amount, arrival_date = excluded.arrival_date,
       failure_message = excluded.failure_message, provider_updated_at = excluded.provider_updated_at, updated_at = now()
     where payment_payout.status not in ('failed', 'canceled')
       and (excluded.status = 'failed' or (payment_payout.status <> 'paid' and payment_payout.provider_updated_at <= excluded.provider_updated_at))`,
    [account.organizationId, payout.id, payout.amount, payout.currency, payout.status, dayInVietnam(payout.arrivalDate * 1000), payout.failureMessage?.slice(0, 300) ?? null, payout.created, at],
  )
}

export interface PayoutRowDto {
  id: string
  amount: Money
  status: PayoutStatus
  /** The calendar day (in Vietnam) the bank should have it. */
  arrivalDate: string
  failureMessage: string | null
  createdAt: string
}

/** The payouts of the actor's organization's connected account to its bank, newest first. */
export async function myPayouts(ctx: Ctx): Promise<PayoutRowDto[]> {
  const org = ctx.actor.membership?.organizationId
  if (!org || !may(ctx, 'read', PaymentPayout, { organizationId: org })) return []
  const rows = await scoped(ctx).find(PaymentPayout, { organizationId: org }, { orderBy: { providerCreatedAt: 'desc', id: 'desc' }, limit: 100 })
  return rows.map((r) => ({ id: r.id, amount: { amount: r.amount, currency: r.currency as Currency }, status: r.status, arrivalDate: r.arrivalDate, failureMessage: r.failureMessage ?? null, createdAt: new Date(r.providerCreatedAt * 1000).toISOString() }))
}
