// The processor's webhook: verified by signature (and age), deduplicated by event id, applied in
// the same transaction as the record of having seen it (a failure rolls both back, and the
// processor delivers again). Events may come twice and in any order: each handler is idempotent
// and ignores what is older than what it holds.
import type { Ctx } from '../ctx.ts'
import type { PaymentGateway } from '@tradepost/payments/port'
import { accountUpdated, payoutUpdated } from './accounts.ts'
import { paymentFailed, paymentSucceeded } from './card-payments.ts'

export type WebhookOutcome = 'handled' | 'duplicate' | 'ignored'

/** Throws WebhookSignatureError for a forged, altered or stale delivery. */
export async function handleWebhook(ctx: Ctx, gateway: PaymentGateway, payload: string, signature: string): Promise<WebhookOutcome> {
  const event = await gateway.parseWebhook(payload, signature)
  return ctx.em.transactional(async (em) => {
    const tx: Ctx = { ...ctx, em }
    const [fresh] = await em.execute<{ id: string }[]>(`insert into webhook_event (id, type, received_at) values (?, ?, now()) on conflict (id) do nothing returning id`, [event.id, event.type.slice(0, 64)])
    if (!fresh) return 'duplicate'
    if (event.type === 'account.updated' && event.account) await accountUpdated(tx, event.account, event.created)
    else if (event.type === 'payment_intent.succeeded' && event.paymentIntent) await paymentSucceeded(tx, event.paymentIntent)
    else if (event.type === 'payment_intent.payment_failed' && event.paymentIntent) await paymentFailed(tx, event.paymentIntent)
    else if (event.type.startsWith('payout.') && event.payout && event.connectedAccount) await payoutUpdated(tx, event.connectedAccount, event.payout, event.created)
    else return 'ignored'
    return 'handled'
  })
}
