import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { StorefrontDto } from '@tradepost/domain/organizations'
import { SearchView, type SearchData } from './search-view.tsx'

/** A seller's own storefront: its colours and words, and only its own offers. */
export function StorefrontView() {
  const { t, i18n } = useTranslation()
  const { storefront: s } = useLoaderData<SearchData & { storefront: StorefrontDto }>()
  const vi = i18n.language === 'vi'
  const tagline = vi ? s.tagline.vi || s.tagline.en : s.tagline.en || s.tagline.vi
  const about = vi ? s.about.vi || s.about.en : s.about.en || s.about.vi
  const image = (slot: 'logo' | 'banner') => (s.images[slot] ? `/s/${s.slug}/images/${slot}?v=${s.images[slot]}` : null)
  const banner = image('banner')
  const logo = image('logo')
  return (
    <>
      {banner ? <img className="storefront-banner" src={banner} alt="" /> : null}
      <section className="hero" style={{ background: `linear-gradient(135deg, ${s.primaryColor}, ${s.accentColor})` }}>
        <div className="storefront-brand">
          {logo ? <img className="storefront-logo" src={logo} alt={t('storefront.logoAlt', { name: s.name })} /> : null}
          <h1>{s.name}</h1>
        </div>
        <p>{tagline || t(`kinds.${s.kind}`)}</p>
        {s.cities.length ? <p>{t('storefront.warehousesIn', { cities: s.cities.join(', ') })}</p> : null}
      </section>
      {about || s.contact.email || s.contact.phone ? (
        <div className="grid-2">
          {about ? (
            <section className="panel">
              <h2>{t('storefront.about')}</h2>
              <p style={{ whiteSpace: 'pre-line' }}>{about}</p>
            </section>
          ) : null}
          {s.contact.email || s.contact.phone ? (
            <section className="panel" aria-labelledby="storefront-contact">
              <h2 id="storefront-contact">{t('storefront.contact')}</h2>
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
      <SearchView title={t('storefront.products')} oneSeller />
    </>
  )
}
