import { useTranslation } from 'react-i18next'
import { KNOWN_LOCATIONS } from '@tradepost/domain/schemas'

/** "My location": a buyer picks where they are to see stock near them and distances. */
export function LocationSelect({ value }: { value: string }) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor="near">{t('search.location')}</label>
      <select id="near" name="near" defaultValue={value}>
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
