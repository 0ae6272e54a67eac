import type { Ctx } from '../ctx.ts'
import { Membership } from '../users/membership.entity.ts'

/**
 * Counts one view of a seller's storefront, on Vietnam's calendar day, in one statement (no
 * read-then-write, so concurrent views never lose a count). The seller's own members browsing
 * their shop are not counted, whichever organization they act for here (the marketplace serves
 * buyers, so a seller signed in there acts for none).
 */
export async function countStorefrontView(ctx: Ctx, organizationId: string): Promise<void> {
  if (ctx.actor.membership?.organizationId === organizationId) return
  if (ctx.actor.userId && (await ctx.em.count(Membership, { userId: ctx.actor.userId, organizationId }))) return
  await ctx.em
    .getConnection()
    .execute(
      `insert into storefront_view (organization_id, day, views) values (?, (now() at time zone 'Asia/Ho_Chi_Minh')::date, 1)
       on conflict (organization_id, day) do update set views = storefront_view.views + 1`,
      [organizationId],
    )
}
