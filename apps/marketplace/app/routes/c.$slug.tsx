import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { getCategoryBySlug, type CategoryDto } from '@tradepost/domain/catalog'
import { SearchView, type SearchData } from '../components/search-view.tsx'
import { kit } from '../app.server.ts'
import { loadSearch } from '../search.server.ts'

export const meta = ({ data }: { data?: { category?: CategoryDto } }) => [{ title: `${data?.category?.nameEn ?? 'Category'} · Tradepost` }]

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const category = await getCategoryBySlug(rc.ctx, params.slug ?? '')
  return loadSearch(request, { category: category.slug }, { category })
})

export default function CategoryPage() {
  const { i18n } = useTranslation()
  const { category } = useLoaderData<SearchData & { category: CategoryDto }>()
  return <SearchView title={i18n.language === 'vi' ? category.nameVi : category.nameEn} />
}
