// Reconciliation: what the ledger says was paid, sent and kept in fees, against what the processor
// reports, for the card payments of the last days. A difference is recorded in the operator's
// audit log.
import { recordAudit } from '../audit/record-audit.ts'
import type { Ctx } from '../ctx.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Payment, PaymentTransfer } from './payment.entity.ts'
import { sqlArray } from '../db/sql-array.ts'

export interface Mismatch {
  paymentId: string
  kind: 'amount_received' | 'transfer_missing' | 'transfer_unknown' | 'transfer_amount' | 'transfer_reversed' | 'fee'
  ours: string
  theirs: string
}

export interface Reconciliation {
  payments: number
  transfers: number
  mismatches: Mismatch[]
}

export async function reconcilePayments(ctx: Ctx, options: { days?: number } = {}): Promise<Reconciliation> {
  if (!ctx.payments) return { payments: 0, transfers: 0, mismatches: [] }
  const since = new Date(Date.now() - (options.days ?? 7) * 86_400_000)
  const payments = await ctx.em.find(Payment, { status: 'succeeded', paidAt: { $gte: since } }, { orderBy: { paidAt: 'asc' } })
  const mismatches: Mismatch[] = []
  let transfers = 0
  const sent = await ctx.em.find(PaymentTransfer, { paymentId: { $in: payments.map((p) => p.id) }, providerTransferId: { $ne: null } })
  // The processor's fees the ledger posted for these payments (by checkout and currency), in one read.
  const posted = payments.length
    ? await ctx.em.execute<{ checkout_id: string; order_currency: string; currency: string; fee: string }[]>(
        `select o.checkout_id, o.currency as order_currency, e.currency, -sum(e.amount) as fee from ledger_entry e join orders o on o.id = e.order_id
          where o.checkout_id = any(?::uuid[]) and e.account = 'processor_fee' group by o.checkout_id, o.currency, e.currency order by e.currency`,
        [sqlArray([...new Set(payments.map((p) => p.checkoutId))])],
      )
    : []
  for (const p of payments) {
    const intent = await ctx.payments.getPaymentIntent(p.intentId!)
    if (intent.amountReceived !== p.amount || intent.currency !== p.currency) mismatches.push({ paymentId: p.id, kind: 'amount_received', ours: `${p.amount} ${p.currency}`, theirs: `${intent.amountReceived} ${intent.currency}` })
    const ours = sent.filter((t) => t.paymentId === p.id)
    const theirs = new Map((await ctx.payments.listTransfers(`checkout_${p.checkoutId}`)).map((t) => [t.id, t]))
    transfers += ours.length
    for (const t of ours) {
      const remote = theirs.get(t.providerTransferId!)
      theirs.delete(t.providerTransferId!)
      if (!remote) mismatches.push({ paymentId: p.id, kind: 'transfer_missing', ours: `${t.providerTransferId} ${t.amount}`, theirs: '' })
      else if (remote.amount !== t.amount || remote.currency !== t.currency) mismatches.push({ paymentId: p.id, kind: 'transfer_amount', ours: `${t.amount} ${t.currency}`, theirs: `${remote.amount} ${remote.currency}` })
      else if (remote.amountReversed !== t.amountReversed) mismatches.push({ paymentId: p.id, kind: 'transfer_reversed', ours: String(t.amountReversed), theirs: String(remote.amountReversed) })
    }
    for (const t of theirs.values()) mismatches.push({ paymentId: p.id, kind: 'transfer_unknown', ours: '', theirs: `${t.id} ${t.amount} ${t.currency}` })
    // The processor's fee on the charge, against what the ledger posted for it (per currency).
    const fee = p.chargeId ? await ctx.payments.chargeFee(p.chargeId) : null
    const feeOurs = posted
      .filter((r) => r.checkout_id === p.checkoutId && r.order_currency === p.currency)
      .map((r) => `${Number(r.fee)} ${r.currency}`)
      .join(', ')
    const feeTheirs = fee && fee.amount > 0 ? `${fee.amount} ${fee.currency}` : ''
    if (feeOurs !== feeTheirs) mismatches.push({ paymentId: p.id, kind: 'fee', ours: feeOurs, theirs: feeTheirs })
  }
  const operator = await ctx.em.findOne(Organization, { kind: 'operator' }, { orderBy: { createdAt: 'asc' } })
  if (operator) {
    await ctx.em.transactional(async (em) => {
      recordAudit({ ...ctx, em }, { organizationId: operator.id, action: 'payments.reconciled', subjectType: 'Organization', subjectId: operator.id, details: { payments: payments.length, transfers, mismatches: mismatches.slice(0, 50) } })
      await em.flush()
    })
  }
  return { payments: payments.length, transfers, mismatches }
}
