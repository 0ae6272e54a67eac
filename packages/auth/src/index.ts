export { createAuthKit, isProduction, redirectTo, forbiddenResponse, safeRedirect, guard, toHttpError, type AuthKit, type AppAuthConfig, type RequestContext, type SignedInUser } from './request.ts'
export { getServices, type Services } from './services.ts'
