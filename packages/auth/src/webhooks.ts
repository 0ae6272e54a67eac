// The card processor's webhook endpoint, shared by whichever app receives it: no session and no
// Origin (the processor is not a browser); the signature is the authentication. Answers are
// problem+json (RFC 9457) on refusal, so the processor's dashboard shows why.
import { ANONYMOUS } from '@tradepost/domain/authz'
import { createCtx } from '@tradepost/domain/ctx'
import { handleWebhook } from '@tradepost/domain/payments'
import { WebhookSignatureError } from '@tradepost/payments/port'
import { getServices } from './services.ts'

/** An RFC 9457 problem document. */
export function problem(status: number, title: string, detail?: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }), { status, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' } })
}

/** The webhook's maximum body: Stripe's events are a few kilobytes. */
const MAX_EVENT_BYTES = 256 * 1024

export async function stripeWebhook(request: Request): Promise<Response> {
  if (request.method !== 'POST') return problem(405, 'Method not allowed')
  const services = await getServices()
  if (!services.payments) return problem(404, 'Card payments are not configured')
  const signature = request.headers.get('Stripe-Signature')
  if (!signature) return problem(400, 'Missing signature', 'The Stripe-Signature header is required.')
  const declared = Number(request.headers.get('Content-Length') ?? 0)
  if (declared > MAX_EVENT_BYTES) return problem(413, 'Event too large')
  const payload = await request.text()
  if (payload.length > MAX_EVENT_BYTES) return problem(413, 'Event too large')
  const ctx = createCtx({ actor: ANONYMOUS, em: services.orm.em.fork(), jobs: services.jobs, payments: services.payments })
  try {
    const outcome = await handleWebhook(ctx, services.payments, payload, signature)
    return new Response(JSON.stringify({ received: true, outcome }), { status: 200, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } })
  } catch (error) {
    if (error instanceof WebhookSignatureError) return problem(400, 'Invalid signature', 'The signature does not match the payload, or it is too old.')
    if (error instanceof SyntaxError) return problem(400, 'Malformed event')
    throw error
  }
}
