import { remixViteConfig } from '@tradepost/config/remix-vite'

export default remixViteConfig({ port: 3000 })
