import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface StorefrontLook {
  name: string
  kind: string
  primaryColor: string
  accentColor: string
  tagline: { en: string; vi: string }
  about: { en: string; vi: string }
  contact: { email: string | null; phone: string | null }
  cities: string[]
}

/** In the page's language, falling back to the other one. */
const inLanguage = (text: { en: string; vi: string }, vi: boolean) => (vi ? text.vi || text.en : text.en || text.vi)

/**
 * The top of a seller's storefront: banner, colours, logo, name, tagline, about and contact. The
 * marketplace's storefront and the portal's live preview of the settings draw the same component.
 */
export function StorefrontHeader({ storefront: s, logoSrc, bannerSrc, heading: Heading = 'h1', children }: { storefront: StorefrontLook; logoSrc: string | null; bannerSrc: string | null; heading?: 'h1' | 'h3'; children?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const vi = i18n.language === 'vi'
  const tagline = inLanguage(s.tagline, vi)
  const about = inLanguage(s.about, vi)
  const Sub = Heading === 'h1' ? 'h2' : 'h4'
  const contactId = useId()
  return (
    <>
      {bannerSrc ? <img className="storefront-banner" src={bannerSrc} alt="" /> : null}
      <section className="hero" style={{ background: `linear-gradient(135deg, ${s.primaryColor}, ${s.accentColor})` }}>
        <div className="storefront-brand">
          {logoSrc ? <img className="storefront-logo" src={logoSrc} alt={t('storefront.logoAlt', { name: s.name })} /> : null}
          <Heading className="storefront-name">{s.name}</Heading>
        </div>
        <p>{tagline || t(`kinds.${s.kind}`)}</p>
        {s.cities.length ? <p>{t('storefront.warehousesIn', { cities: s.cities.join(', ') })}</p> : null}
      </section>
      {children}
      {about || s.contact.email || s.contact.phone ? (
        <div className="grid-2">
          {about ? (
            <section className="panel">
              <Sub>{t('storefront.about')}</Sub>
              <p style={{ whiteSpace: 'pre-line' }}>{about}</p>
            </section>
          ) : null}
          {s.contact.email || s.contact.phone ? (
            <section className="panel" aria-labelledby={contactId}>
              <Sub id={contactId}>{t('storefront.contact')}</Sub>
              <ul className="plain-list">
                {s.contact.email ? (
                  <li>
                    {t('common.email')}: <a href={`mailto:${s.contact.email}`}>{s.contact.email}</a>
                  </li>
                ) : null}
                {s.contact.phone ? (
                  <li>
                    {t('storefront.phone')}: <a href={`tel:${s.contact.phone.replace(/[^+0-9]/g, '')}`}>{s.contact.phone}</a>
                  </li>
                ) : null}
              </ul>
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
