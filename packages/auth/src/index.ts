export { aroundRequest, createAuthKit, isUuid, redirectTo, forbiddenResponse, safeRedirect, guard, idOrNew, idParam, toHttpError, type AuthKit, type AppAuthConfig, type RequestContext, type SignedInUser } from './request.ts'
export { getServices, type Services } from './services.ts'
export { appUrl, createHostPolicy, isProduction, ConfigurationError, type AppId, type HostPolicy } from './app-urls.ts'
export { csvResponse } from './csv-response.ts'
