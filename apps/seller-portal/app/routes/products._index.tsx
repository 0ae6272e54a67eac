import { data, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { guard } from '@tradepost/auth'
import { listMyProducts } from '@tradepost/domain/catalog'
import { DataTable, EmptyState, FormattedDate } from '@tradepost/ui/components/data.tsx'
import { Notice } from '@tradepost/ui/components/forms.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('catalog.products')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  return data({ products: await listMyProducts(rc.ctx) }, { headers: rc.headers })
})

export default function Products() {
  const { t, i18n } = useTranslation()
  const { products } = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  return (
    <>
      <PageHeader title={t('catalog.products')}>
        <a className="button secondary" href="/products.csv" download>
          {t('imports.exportProducts')}
        </a>{' '}
        <Link to="/products/new" className="button primary">
          {t('catalog.newProduct')}
        </Link>
      </PageHeader>
      {params.get('notice') ? <Flash>{t(`catalog.${params.get('notice')}`, { defaultValue: '' })}</Flash> : null}
      {products.length === 0 ? (
        <EmptyState title={t('catalog.noProducts')} />
      ) : (
        <DataTable head={[t('common.name'), t('product.mpn'), t('common.status'), t('common.created')]}>
          {products.map((p) => (
            <tr key={p.id}>
              <td>
                <Link to={`/products/${p.id}`}>{i18n.language === 'vi' ? p.nameVi : p.nameEn}</Link>
              </td>
              <td>{p.mpn}</td>
              <td>
                <span className={`badge status-${p.status === 'published' ? 'active' : 'pending'}`}>{p.status === 'published' ? t('catalog.publishedStatus') : t('catalog.draft')}</span>
              </td>
              <td>
                <FormattedDate iso={p.updatedAt} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  )
}
