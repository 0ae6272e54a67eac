import { useTranslation } from 'react-i18next'
import { KNOWN_LOCATIONS, SHIP_TO_LOCATION } from '@tradepost/domain/schemas'

/**
 * "My location": a buyer picks where they are to see stock near them and distances. With
 * `applyOnChange`, picking a place submits its form at once (with JavaScript); the form keeps its
 * button for browsers without it. A signed-in buyer's chosen ship-to address comes first.
 */
export function LocationSelect({ value, applyOnChange = false, shipTo = null }: { value: string; applyOnChange?: boolean; shipTo?: { name: string; city: string } | null }) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor="near">{t('search.location')}</label>
      <select id="near" name="near" defaultValue={value} onChange={applyOnChange ? (event) => event.currentTarget.form?.requestSubmit() : undefined}>
        {shipTo ? <option value={SHIP_TO_LOCATION}>{t('shipTo.option', { name: shipTo.name, city: shipTo.city })}</option> : null}
        <option value="">{t('search.locationNone')}</option>
        {Object.entries(KNOWN_LOCATIONS).map(([code, place]) => (
          <option key={code} value={code}>
            {place.name}
          </option>
        ))}
      </select>
    </div>
  )
}
