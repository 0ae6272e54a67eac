export { default, handleError, streamTimeout } from '@tradepost/ui/entry/server.tsx'
export { bodyLimit, hostPolicy, imageOrigins } from './app.server.ts'
export { aroundRequest } from '@tradepost/auth'
