export { default, handleError, streamTimeout } from '@tradepost/ui/entry/server.tsx'
export { bodyLimit, hostPolicy } from './app.server.ts'
