import type { TFunction } from 'i18next'

/** When a list applies, in words: always, from a day, until a day, or between two. */
export function validityLabel(t: TFunction, l: { validFrom: string | null; validTo: string | null }): string {
  if (l.validFrom && l.validTo) return t('priceLists.window', { from: l.validFrom, to: l.validTo })
  if (l.validFrom) return t('priceLists.openEnd', { from: l.validFrom })
  if (l.validTo) return t('priceLists.openStart', { to: l.validTo })
  return t('priceLists.always')
}
