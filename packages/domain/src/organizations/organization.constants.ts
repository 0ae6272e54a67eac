// Plain values, safe to import in the browser (forms, labels).
export const ORGANIZATION_KINDS = ['operator', 'manufacturer', 'distributor', 'buyer'] as const
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]
export const ORGANIZATION_STATUSES = ['pending', 'active', 'suspended', 'rejected'] as const
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number]
export const LOCALES = ['en', 'vi'] as const
export type Locale = (typeof LOCALES)[number]
