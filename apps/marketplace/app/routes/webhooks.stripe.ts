import type { ActionFunctionArgs } from '@remix-run/node'
import { problem, stripeWebhook } from '@tradepost/auth'

/** Stripe's events (signed): account.updated, payment_intent.succeeded / payment_failed. */
export const action = ({ request }: ActionFunctionArgs) => stripeWebhook(request)
export const loader = () => problem(405, 'Method not allowed')
