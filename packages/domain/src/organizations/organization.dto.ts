import type { Organization } from './organization.entity.ts'

export interface OrganizationDto {
  id: string
  kind: Organization['kind']
  name: string
  slug: string
  country: string
  defaultCurrency: string
  locale: Organization['locale']
  status: Organization['status']
  parentId: string | null
  createdAt: string
}

export function toOrganizationDto(o: Organization): OrganizationDto {
  return {
    id: o.id,
    kind: o.kind,
    name: o.name,
    slug: o.slug,
    country: o.country,
    defaultCurrency: o.defaultCurrency,
    locale: o.locale,
    status: o.status,
    parentId: o.parentId ?? null,
    createdAt: o.createdAt.toISOString(),
  }
}
