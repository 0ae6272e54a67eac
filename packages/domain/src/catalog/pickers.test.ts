import { describe, expect, it } from 'vitest'
import { findSellers, sellerNamed } from '../organizations/operator-console.ts'
import { createBrand, createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'
import { authorizeDistributor } from './authorizations.ts'
import { AuthorizationInputSchema } from './catalog.schemas.ts'

const db = useTestDatabase()

describe('pickers that search the server', () => {
  it('find active sellers by part of their name, and take a name typed without JavaScript', async () => {
    const em = db().orm.em.fork()
    const tag = Math.random().toString(36).slice(2, 7)
    const maker = await createOrganization(em, { kind: 'manufacturer', name: `Picker Maker ${tag}` })
    const near = await createOrganization(em, { kind: 'distributor', name: `Picker Phân phối ${tag}` })
    await createOrganization(em, { kind: 'distributor', name: `Picker Suspended ${tag}`, status: 'suspended' })
    await createOrganization(em, { kind: 'buyer', name: `Picker Buyer ${tag}` })
    const ctx = db().ctx(maker.admin.actor)

    expect((await findSellers(ctx, `picker`, { limit: 50 })).filter((s) => s.name.endsWith(tag)).map((s) => s.name)).toEqual([`Picker Maker ${tag}`, `Picker Phân phối ${tag}`])
    expect((await findSellers(ctx, `picker`, { kind: 'distributor', limit: 50 })).filter((s) => s.name.endsWith(tag)).map((s) => s.name)).toEqual([`Picker Phân phối ${tag}`])
    expect(await findSellers(ctx, 'p')).toEqual([])
    // `%` and `_` are text, not patterns.
    expect(await findSellers(ctx, '%%')).toEqual([])
    expect(await sellerNamed(ctx, `picker phân phối ${tag}`)).toEqual({ id: near.org.id, name: near.org.name })
    expect(await sellerNamed(ctx, `Picker Suspended ${tag}`)).toBeNull()

    const brand = await createBrand(em, maker.org)
    const byName = AuthorizationInputSchema.parse({ brandId: brand.id, distributor: `  Picker Phân phối ${tag} `, subdivisions: 'VN-HN' })
    expect((await authorizeDistributor(ctx, byName)).ok).toBe(true)
    expect(await authorizeDistributor(ctx, AuthorizationInputSchema.parse({ brandId: brand.id, distributor: `Picker Buyer ${tag}`, subdivisions: 'VN-HN' }))).toMatchObject({ ok: false, error: { code: 'DISTRIBUTOR_UNKNOWN', field: 'distributor' } })
    expect(AuthorizationInputSchema.safeParse({ brandId: brand.id, subdivisions: 'VN-HN' }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['distributor', 'FIELD_REQUIRED']])
  })
})
