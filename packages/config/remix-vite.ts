import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig, type UserConfig } from 'vite'

/** The Vite config of both Remix apps: every future flag on, so a move to React Router 7 stays mechanical. */
export function remixViteConfig({ port }: { port: number }): UserConfig {
  return defineConfig({
    plugins: [
      tailwindcss(),
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
      }),
    ],
    // Native addons (and pdfkit, which reads its own data files) cannot be bundled: loaded from node_modules at run time.
    ssr: { external: ['@node-rs/argon2', 'sharp', 'pdfkit'] },
    server: { port },
    build: { sourcemap: false },
  })
}
