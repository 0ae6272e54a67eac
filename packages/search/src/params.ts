import { z } from '@tradepost/domain/zod'
import { ATTRIBUTE_KEY, SORTS, type SearchCriteria } from './port.ts'

const list = z
  .string()
  .optional()
  .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 20) : undefined))
const amount = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined)

/** The search address (`/search?q=…&category=…&brand=a,b&seller=…&stock=1&min=…&max=…&sort=…&page=…`). */
export const SearchParamsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  category: z.string().trim().max(80).optional().catch(undefined),
  brand: list.catch(undefined),
  seller: list.catch(undefined),
  stock: z.enum(['1']).optional().catch(undefined),
  min: amount,
  max: amount,
  sort: z.enum(SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
})

/** Attribute filters arrive as `a.<key>=value`, repeated for alternatives (values may hold commas). */
function parseAttributes(params: URLSearchParams): Record<string, string[]> | undefined {
  const attributes: Record<string, string[]> = {}
  for (const [name, raw] of params) {
    const key = name.startsWith('a.') ? name.slice(2) : ''
    const value = raw.trim()
    if (!ATTRIBUTE_KEY.test(key) || !value || value.length > 200) continue
    if (!attributes[key] && Object.keys(attributes).length >= 10) continue
    const values = (attributes[key] ??= [])
    if (values.length < 20 && !values.includes(value)) values.push(value)
  }
  return Object.keys(attributes).length ? attributes : undefined
}

/** Control characters (a NUL cannot even reach PostgreSQL) become spaces in what is searched for. */
const CONTROL = /[\u0000-\u001f\u007f]/g

export function parseSearchParams(input: URLSearchParams, extra: Partial<SearchCriteria> = {}): SearchCriteria {
  const params = new URLSearchParams([...input].map(([k, v]) => [k, v.replace(CONTROL, ' ')]))
  const raw: Record<string, string> = Object.fromEntries([...params].filter(([, v]) => v.trim() !== ''))
  // Checkbox facets arrive as repeated keys (brand=a&brand=b) or joined (brand=a,b).
  for (const key of ['brand', 'seller']) if (params.getAll(key).length > 1) raw[key] = params.getAll(key).join(',')
  const p = SearchParamsSchema.parse(raw)
  return {
    q: p.q,
    category: p.category,
    brands: p.brand,
    sellers: p.seller,
    attributes: parseAttributes(params),
    inStock: p.stock === '1',
    priceMin: p.min,
    priceMax: p.max,
    currency: 'VND',
    sort: p.sort ?? 'relevance',
    page: p.page ?? 1,
    ...extra,
  }
}
