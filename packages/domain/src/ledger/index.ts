export { CommissionRate, LedgerEntry, LEDGER_ACCOUNTS, type LedgerAccount } from './ledger.entity.ts'
export { myBalance, type BalanceDto } from './balances.ts'
export { splitLine, splitOrder, BP, type Shares, type SplitLine } from './split.ts'
export { commissionBpFor } from './posting.ts'
