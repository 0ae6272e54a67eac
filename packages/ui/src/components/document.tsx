import { Links, Meta, Scripts, ScrollRestoration, isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useChangeLanguage } from 'remix-i18next/react'
import { useNonce } from './nonce.tsx'

/** The HTML document of both apps, in the request's language. */
export function Document({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<{ locale?: string }>('root')
  const locale = data?.locale ?? 'en'
  const nonce = useNonce()
  useChangeLanguage(locale)
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

/** One error page with a message per status; no stack traces. */
export function ErrorPage() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const key = status === 403 || status === 401 ? '403' : status === 404 ? '404' : '500'
  return (
    <div className="error-page">
      <h1>{t(`errorPage.title${key}`)}</h1>
      <p className="muted">{t(`errorPage.body${key}`)}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </div>
  )
}
