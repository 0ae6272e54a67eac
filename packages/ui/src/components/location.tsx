import { useTranslation } from 'react-i18next'
import { KNOWN_LOCATIONS } from '@tradepost/domain/schemas'

/**
 * "My location": a buyer picks where they are to see stock near them and distances. With
 * `applyOnChange`, picking a place submits its form at once (with JavaScript); the form keeps its
 * button for browsers without it.
 */
export function LocationSelect({ value, applyOnChange = false }: { value: string; applyOnChange?: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor="near">{t('search.location')}</label>
      <select id="near" name="near" defaultValue={value} onChange={applyOnChange ? (event) => event.currentTarget.form?.requestSubmit() : undefined}>
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
