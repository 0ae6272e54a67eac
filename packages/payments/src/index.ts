export * from './port.ts'
export { stripeGateway, type StripeGatewayConfig } from './stripe-gateway.ts'
import type { PaymentGateway } from './port.ts'
import { stripeGateway } from './stripe-gateway.ts'

/**
 * The process's gateway: Stripe when STRIPE_SECRET_KEY is set (STRIPE_API_BASE points it at the
 * local mock), otherwise none, and card payment is not offered. STRIPE_CONNECT_WEBHOOK_SECRET:
 * the secret of a Connect endpoint, when connected accounts' events have one of their own.
 */
export function createPaymentGateway(env: NodeJS.ProcessEnv = process.env): PaymentGateway | null {
  if (!env.STRIPE_SECRET_KEY) return null
  if (!env.STRIPE_WEBHOOK_SECRET) throw new Error('STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY')
  return stripeGateway({ secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, connectWebhookSecret: env.STRIPE_CONNECT_WEBHOOK_SECRET ?? null, publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? null, apiBase: env.STRIPE_API_BASE ?? null })
}
