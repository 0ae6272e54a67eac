// The server entry both apps use: streams the page with the request's language.
import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { createInstance, type i18n } from 'i18next'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { I18nextProvider, initReactI18next } from 'react-i18next'
import { i18nConfig, LANGUAGES, resources, type Language } from '../i18n/index.ts'
import { getLocale } from '../i18n.server.ts'

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
    instance = created.use(initReactI18next).init({ ...i18nConfig, lng, resources }).then(() => created)
    instances.set(lng, instance)
  }
  return instance
}

export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext) {
  const lng = await getLocale(request)
  const instance = await i18nFor(LANGUAGES.includes(lng) ? lng : 'en')
  const callback = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </I18nextProvider>,
      {
        [callback]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          responseHeaders.set('X-Content-Type-Options', 'nosniff')
          responseHeaders.set('Referrer-Policy', 'same-origin')
          responseHeaders.set('X-Frame-Options', 'DENY')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
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
