// Who reads the ledger: each organization its own account's entries (a seller its shares, a
// distributor its territory shares, the operator its commission, a buyer its charges), through
// its admins.
import type { AbilityBuilder } from '@casl/ability'
import type { AppAbility } from '../authz/ability.ts'
import { LedgerEntry } from './ledger.entity.ts'

type Can = AbilityBuilder<AppAbility>['can']

export function ledgerRules(can: Can, org: string, role: string): void {
  if (role === 'admin') can('read', LedgerEntry, { accountOrgId: org })
}
