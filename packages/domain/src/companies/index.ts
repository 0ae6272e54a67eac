// Company accounts: the buyer side of the marketplace. Ship-to addresses, spending limits and
// approval rules, kept by each company's admins (and by the admins of the company above it).
export { ApprovalRule } from './approval-rule.entity.ts'
export { ShipTo } from './ship-to.entity.ts'
export { SpendingLimit } from './spending-limit.entity.ts'
export { chooseShipTo, chosenShipTo, deleteShipTo, listMyShipTos, saveShipTo, type ShipToDto } from './ship-tos.ts'
export { companyMembers, myCompanies, myCompany, type CompanyDto, type CompanyMemberDto } from './companies.ts'
export { listSpending, saveSpendingLimits, type CompanySpendingDto } from './spending.ts'
export { deleteApprovalRule, listApprovalRules, saveApprovalRule, type ApprovalRuleDto, type CompanyApprovalsDto } from './approval-rules.ts'
export { approvalChain, approvalChainFor, type ApprovalChain, type ConditionMet, type LimitCheck, type OrderLineForApproval, type ProspectiveOrder } from './approval-chain.ts'
