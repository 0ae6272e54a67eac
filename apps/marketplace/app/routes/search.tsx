import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { SearchView, type SearchData } from '../components/search-view.tsx'
import { loadSearch } from '../search.server.ts'

export const meta = metaTitle('search.title')
export const loader = ({ request }: LoaderFunctionArgs) => loadSearch(request)

export default function Search() {
  const { t } = useTranslation()
  const { query } = useLoaderData<SearchData>()
  return <SearchView title={query.q ? t('search.resultsFor', { q: query.q }) : t('search.allProducts')} />
}
