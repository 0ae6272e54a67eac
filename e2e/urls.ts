export const APPS = {
  market: 'http://127.0.0.1:3100',
  portal: 'http://127.0.0.1:3101',
} as const
export type AppName = keyof typeof APPS
export const COOKIE = { market: 'tp_market_session', portal: 'tp_portal_session' } as const
