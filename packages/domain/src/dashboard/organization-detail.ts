import { listAuditEvents, type AuditEventDto } from '../audit/list-audit-events.ts'
import { listAuthorizations, type AuthorizationDto } from '../catalog/authorizations.ts'
import type { Ctx } from '../ctx.ts'
import { countOffersByStatus } from '../offers/offers.ts'
import type { OfferStatus } from '../offers/offers.constants.ts'
import { getOrganization } from '../organizations/operator-console.ts'
import type { OrganizationDto } from '../organizations/organization.dto.ts'
import { listMembers, type MemberDto } from '../users/memberships.ts'

export interface OrganizationDetailDto {
  organization: OrganizationDto
  members: MemberDto[]
  offers: Record<OfferStatus, number>
  authorizations: AuthorizationDto[]
  activity: AuditEventDto[]
}

/** What the operator sees of one organization: who is in it, what it sells, what it did lately. */
export async function getOrganizationDetail(ctx: Ctx, id: string): Promise<OrganizationDetailDto> {
  const organization = await getOrganization(ctx, id)
  const seller = organization.kind === 'manufacturer' || organization.kind === 'distributor'
  return {
    organization,
    members: await listMembers(ctx, id),
    offers: seller ? await countOffersByStatus(ctx, id) : { active: 0, paused: 0 },
    authorizations: seller ? await listAuthorizations(ctx, id) : [],
    activity: (await listAuditEvents(ctx, { organizationId: id, page: 1 })).items.slice(0, 10),
  }
}
