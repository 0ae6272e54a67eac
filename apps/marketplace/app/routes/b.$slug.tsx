import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { getBrandPage, type BrandPageDto } from '@tradepost/domain/catalog'
import { subdivisionName } from '@tradepost/domain/schemas'
import { DataTable, EmptyState, Num } from '@tradepost/ui/components/data.tsx'
import { LocationSelect } from '@tradepost/ui/components/location.tsx'
import { SearchView, type SearchData } from '../components/search-view.tsx'
import { kit } from '../app.server.ts'
import { resolveNear } from '../near.server.ts'
import { loadSearch } from '../search.server.ts'

export const meta = ({ data }: { data?: { brand?: BrandPageDto } }) => [{ title: `${data?.brand?.name ?? 'Brand'} · Tradepost` }]

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.getRequestContext(request)
  const near = await resolveNear(rc.ctx, new URL(request.url).searchParams)
  const brand = await getBrandPage(rc.ctx, params.slug ?? '', near.at)
  return loadSearch(request, { brands: [brand.slug] }, { brand }, near)
})

export default function BrandPage() {
  const { t } = useTranslation()
  const { brand, query, shipTo } = useLoaderData<SearchData & { brand: BrandPageDto }>()
  return (
    <>
      <div className="brand-head">
        {brand.logo ? <img src={`/b/${brand.slug}/logo?v=${brand.logo}`} alt={t('brand.logoAlt', { brand: brand.name })} className="brand-logo" /> : null}
        <p className="muted">
          {t('kinds.manufacturer')}: <Link to={`/s/${brand.manufacturer.slug}`}>{brand.manufacturer.name}</Link>
        </p>
      </div>
      <section className="panel">
        <h2>{t('brand.whereToBuy', { brand: brand.name })}</h2>
        <Form method="get" className="toolbar">
          <LocationSelect value={query.near} applyOnChange shipTo={shipTo} />
          <button type="submit" className="button secondary">
            {t('search.apply')}
          </button>
        </Form>
        {brand.whereToBuy.length === 0 ? (
          <EmptyState title={t('brand.noDistributors')} />
        ) : (
          <DataTable head={[t('brand.distributor'), t('brand.territory'), t('brand.warehouses'), ...(query.near ? [t('product.distance')] : [])]}>
            {brand.whereToBuy.map((row) => (
              <tr key={row.distributor.slug}>
                <td>
                  <Link to={`/s/${row.distributor.slug}`}>{row.distributor.name}</Link>
                </td>
                <td>{row.subdivisions.map(subdivisionName).join(', ')}</td>
                <td>{row.cities.join(', ')}</td>
                {query.near ? <td>{row.nearestKm === null ? '—' : <Num value={row.nearestKm} unit="km" />}</td> : null}
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      {/* One location picker on the page: the one above, which the results below follow too. */}
      <SearchView title={brand.name} locationPicker={false} />
    </>
  )
}
