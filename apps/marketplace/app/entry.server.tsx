export { default, handleError, streamTimeout } from '@tradepost/ui/entry/server.tsx'
export { hostPolicy } from './app.server.ts'
export { aroundRequest } from '@tradepost/auth'
