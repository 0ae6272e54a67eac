// What each party has earned through the ledger: a seller its shares of its orders, a
// distributor its territory shares, the operator its commission less the card processor's fees
// (the processor's side of those, kept under the operator, is not the operator's to show). Read
// through the ability: a party sees its own account's entries only.
import { accessibleSql } from '../authz/sql.ts'
import { scoped } from '../authz/scoped.ts'
import type { Ctx } from '../ctx.ts'
import type { Currency, Money } from '../money.ts'
import { LedgerEntry, type LedgerAccount } from './ledger.entity.ts'
import { sqlArray } from '../db/sql-array.ts'

export interface BalanceDto {
  /** One total per account and currency (amounts in different currencies are never added). */
  totals: { account: LedgerAccount; amount: Money }[]
  entries: { id: string; account: LedgerAccount; amount: Money; orderId: string; orderNumber: string; reversal: boolean; at: string }[]
}

export async function myBalance(ctx: Ctx): Promise<BalanceDto> {
  const org = ctx.actor.membership?.organizationId
  if (!org) return { totals: [], entries: [] }
  const readable = accessibleSql(ctx, 'read', LedgerEntry, 'e.id')
  const [totals, entries] = await Promise.all([
    ctx.em.execute<{ account: LedgerAccount; currency: Currency; total: string }[]>(
      `select e.account, e.currency, sum(e.amount) as total from ledger_entry e where e.account_org_id = ? and e.account <> 'processor' and ${readable.sql} group by e.account, e.currency order by e.account, e.currency`,
      [org, ...readable.params],
    ),
    scoped(ctx).find(LedgerEntry, { accountOrgId: org, account: { $ne: 'processor' } }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 100 }),
  ])
  const numbers = new Map(
    entries.length ? (await ctx.em.execute<{ id: string; number: string }[]>(`select id, number from orders where id = any(?::uuid[])`, [sqlArray([...new Set(entries.map((e) => e.orderId))])])).map((o) => [o.id, o.number]) : [],
  )
  return {
    totals: totals.map((t) => ({ account: t.account, amount: { amount: Number(t.total), currency: t.currency } })),
    entries: entries.map((e) => ({ id: e.id, account: e.account, amount: { amount: e.amount, currency: e.currency }, orderId: e.orderId, orderNumber: numbers.get(e.orderId) ?? '', reversal: e.entryGroup.startsWith('cancelled:'), at: e.createdAt.toISOString() })),
  }
}
