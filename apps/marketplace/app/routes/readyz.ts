export { readinessLoader as loader } from '@tradepost/auth/health'
