export { default, handleError, streamTimeout } from '@tradepost/ui/entry/server.tsx'
