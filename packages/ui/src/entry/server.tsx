// The server entry both apps use: streams the page with the request's language.
import { Writable } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { createInstance, type i18n } from 'i18next'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nConfig, LANGUAGES, resources, type Language } from '../i18n/index.ts'
import { getLocale } from '../i18n.server.ts'
import { NonceContext } from '../components/nonce.tsx'
import { memoizeLookups } from '../i18n/memoize.ts'

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

/**
 * One initialized i18next per language, shared by every render: rendering only reads
 * translations (nothing on the server changes the language of an instance).
 */
const instances = new Map<Language, Promise<i18n>>()
function i18nFor(lng: Language): Promise<i18n> {
  let instance = instances.get(lng)
  if (!instance) {
    const created = createInstance()
    instance = created.use(initReactI18next).init({ ...i18nConfig, lng, resources }).then(() => memoizeLookups(created))
    instances.set(lng, instance)
  }
  return instance
}

/**
 * Renders the whole page, then sends it in one piece. No page defers data, so streaming would
 * only cut the HTML into many small writes (each through compression and the socket); a whole
 * page also knows its status before the first byte.
 */
export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const nonce = typeof loadContext?.cspNonce === 'string' ? loadContext.cspNonce : undefined
  const lng = await getLocale(request)
  const instance = await i18nFor(LANGUAGES.includes(lng) ? lng : 'en')

  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = []
    const page = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk)
        done()
      },
      final(done) {
        // The app server sets the security headers (CSP with this page's nonce) on every response.
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
        resolve(new Response(Buffer.concat(chunks), { headers: responseHeaders, status: responseStatusCode }))
        done()
      },
    })
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceContext.Provider>,
      {
        nonce,
        onAllReady() {
          pipe(page)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY + 1000).unref()
  })
}

/** Unexpected errors are logged on the server; users see the error page, never a stack trace. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  if (error instanceof Response) return
  console.error(`[${request.method} ${new URL(request.url).pathname}]`, error)
}
