// Everything the browser may import from the domain: input schemas and plain constants.
export * from './users/user.schemas.ts'
export { ROLES, ROLES_BY_KIND, type Role } from './users/roles.ts'
export * from './organizations/organization.constants.ts'
