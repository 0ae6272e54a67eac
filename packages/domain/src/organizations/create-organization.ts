import type { EntityManager } from '@mikro-orm/postgresql'
import { Organization, type Locale, type OrganizationKind, type OrganizationStatus } from './organization.entity.ts'
import { slugify } from './slug.ts'

const CURRENCY_BY_COUNTRY: Record<string, string> = { VN: 'VND', US: 'USD', SG: 'SGD', TH: 'THB', JP: 'JPY', GB: 'GBP', DE: 'EUR', FR: 'EUR' }

export function currencyForCountry(country: string): string {
  return CURRENCY_BY_COUNTRY[country] ?? 'USD'
}

/** A slug no other organization has: the name's, then -2, -3, … */
export async function uniqueSlug(em: EntityManager, name: string): Promise<string> {
  const base = slugify(name)
  const taken = new Set(
    (await em.find(Organization, { slug: { $like: `${base}%` } })).map((o) => o.slug),
  )
  if (!taken.has(base)) return base
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`
}

export async function newOrganization(
  em: EntityManager,
  input: { name: string; kind: OrganizationKind; country: string; locale: Locale; status: OrganizationStatus; parentId?: string | null; slug?: string },
): Promise<Organization> {
  const org = em.create(Organization, {
    kind: input.kind,
    name: input.name,
    slug: input.slug ?? (await uniqueSlug(em, input.name)),
    country: input.country,
    defaultCurrency: currencyForCountry(input.country),
    locale: input.locale,
    status: input.status,
    parentId: input.parentId ?? null,
  })
  em.persist(org)
  return org
}
