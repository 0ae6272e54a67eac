// The local Stripe as a process: `npm start` with STRIPE_MOCK=1 and the end-to-end tests run it.
import { startMockStripe } from './server.ts'

const port = Number(process.env.STRIPE_MOCK_PORT ?? 12111)
const mock = await startMockStripe({
  port,
  webhookUrl: process.env.STRIPE_MOCK_WEBHOOK_URL ?? null,
  webhookSecret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_local_mock',
  stateFile: process.env.STRIPE_MOCK_STATE ?? null,
  // Connected accounts are paid out this long after a transfer lands (and the payout arrives as long again later).
  payoutDelayMs: Number(process.env.STRIPE_MOCK_PAYOUT_SECONDS ?? 5) * 1000,
})
console.log(`[stripe-mock] a local Stripe (test mode) on ${mock.url}`)
const stop = () => void mock.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
