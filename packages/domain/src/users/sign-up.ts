import { UniqueConstraintViolationException } from '@mikro-orm/core'
import { recordAudit } from '../audit/record-audit.ts'
import type { Ctx } from '../ctx.ts'
import { fail, ok, type Result } from '../errors.ts'
import { newOrganization } from '../organizations/create-organization.ts'
import { Membership } from './membership.entity.ts'
import { hashPassword } from './password.ts'
import { User } from './user.entity.ts'
import type { SignUpInput } from './user.schemas.ts'

export interface SignUpValue {
  userId: string
  organizationId: string
  organizationStatus: 'active' | 'pending'
}

/**
 * A person creates an account and an organization. A buyer company is active at once; a
 * manufacturer or distributor application waits for the operator's approval.
 */
export async function signUp(ctx: Ctx, input: SignUpInput): Promise<Result<SignUpValue, 'EMAIL_TAKEN'>> {
  const passwordHash = await hashPassword(input.password)
  try {
    return await ctx.em.transactional(async (em) => {
      if (await em.count(User, { email: input.email })) return fail('EMAIL_TAKEN', { field: 'email' })
      const status = input.organizationKind === 'buyer' ? 'active' : 'pending'
      const user = em.create(User, { email: input.email, name: input.name, passwordHash, locale: input.locale })
      em.persist(user)
      const org = await newOrganization(em, {
        name: input.organizationName,
        kind: input.organizationKind,
        country: input.country,
        locale: input.locale,
        status,
      })
      em.persist(em.create(Membership, { userId: user.id, organizationId: org.id, role: 'admin' }))
      recordAudit({ ...ctx, em }, {
        organizationId: org.id,
        actorUserId: user.id,
        action: status === 'active' ? 'organization.created' : 'organization.applied',
        subjectType: 'Organization',
        subjectId: org.id,
        details: { kind: org.kind, name: org.name },
      })
      return ok({ userId: user.id, organizationId: org.id, organizationStatus: status })
    })
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if (error instanceof UniqueConstraintViolationException) return fail('EMAIL_TAKEN', { field: 'email' })
    throw error
  }
}
