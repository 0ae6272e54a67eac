import { cleanText } from '../text.ts'
import { parse } from 'csv-parse'
import { stringify } from 'csv-stringify/sync'
import { recordAudit } from '../audit/record-audit.ts'
import { authorize, authorizeType, scoped } from '../authz/scoped.ts'
import { Brand } from '../catalog/brand.entity.ts'
import { Product } from '../catalog/product.entity.ts'
import { enqueueIndexing, saveProducts, type ProductSave } from '../catalog/products.ts'
import { Category } from '../catalog/category.entity.ts'
import { ProductInputSchema } from '../catalog/catalog.schemas.ts'
import type { Ctx } from '../ctx.ts'
import { serializeCtx } from '../ctx.ts'
import { DomainError, fail, ok, type Result } from '../errors.ts'
import { QUEUES } from '../jobs/outbox.ts'
import { toInputString } from '../money.ts'
import { OfferInputSchema } from '../offers/offer.schemas.ts'
import { OfferStock } from '../offers/offer-stock.entity.ts'
import { Offer } from '../offers/offer.entity.ts'
import { saveOffers } from '../offers/offers.ts'
import type { OfferInput } from '../offers/offer.schemas.ts'
import type { EntityManager } from '@mikro-orm/postgresql'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { PriceList, PriceListEntry } from '../pricing/price-list.entity.ts'
import { savePriceEntries } from '../pricing/price-lists.ts'
import { PriceEntryInputSchema, type PriceEntryInput } from '../pricing/pricing.schemas.ts'
import { ImportJob, type ImportRowError } from './import-job.entity.ts'

/** Columns of the offers file; one `stock:<warehouse name>` column per warehouse may follow. */
export const OFFER_COLUMNS = ['sku', 'brand', 'mpn', 'price', 'currency', 'min_order_qty', 'order_multiple', 'lead_time_days', 'condition'] as const
/** Columns of the products file; one `attr:<attribute key>` column per category attribute may follow. */
export const PRODUCT_COLUMNS = ['mpn', 'brand', 'category', 'name_en', 'name_vi', 'description_en', 'description_vi', 'gtin', 'unit', 'pack_size', 'status'] as const
/**
 * Columns of the prices file: one row per price of an offer in a list, named by the list's name
 * and the offer's SKU: tier breaks (`min_qty`/`price`, then `min_qty_2`/`price_2` … up to 4) or
 * `percent_off`. Lists are made in the portal; the file keeps their prices in step with an ERP.
 */
export const PRICE_COLUMNS = ['price_list', 'sku', 'min_qty', 'price', 'percent_off'] as const
const PRICE_TIER_COLUMNS = /^(min_qty|price)_[2-4]$/
export type ImportKind = ImportJob['kind']
export const IMPORT_COLUMNS: Record<ImportKind, readonly string[]> = { offers: OFFER_COLUMNS, products: PRODUCT_COLUMNS, prices: PRICE_COLUMNS }
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const MAX_IMPORT_ROWS = 100_000
const BATCH = 250
const KEPT_ERRORS = 5_000

type UploadError = 'FILE_EMPTY' | 'FILE_TOO_LARGE' | 'FILE_NOT_UTF8' | 'HEADER_INVALID' | 'TOO_MANY_ROWS'

export interface ImportDto {
  id: string
  kind: ImportJob['kind']
  filename: string
  status: ImportJob['status']
  checkOnly: boolean
  totalRows: number
  processedRows: number
  okRows: number
  errorRows: number
  errors: ImportRowError[]
  /** Why the file could not be read to the end, as an error code (never raw error text). */
  failure: { code: string; params?: Record<string, number> } | null
  createdAt: string
  finishedAt: string | null
}

const toImportDto = (j: ImportJob, errors = true): ImportDto => ({
  id: j.id,
  kind: j.kind,
  filename: j.filename,
  status: j.status,
  checkOnly: j.checkOnly,
  totalRows: j.totalRows,
  processedRows: j.processedRows,
  okRows: j.okRows,
  errorRows: j.errorRows,
  errors: errors ? j.errors.slice(0, 200) : [],
  failure: failureOf(j.failure),
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
})

/** A stored failure (`FILE_UNREADABLE:12`, `IMPORT_INTERRUPTED`) as a code; older free text as IMPORT_INTERRUPTED. */
function failureOf(stored: string | null | undefined): ImportDto['failure'] {
  if (!stored) return null
  const [code, line] = stored.split(':')
  if (code === 'FILE_UNREADABLE') return { code, params: line ? { line: Number(line) } : undefined }
  return { code: 'IMPORT_INTERRUPTED' }
}

/** Decodes an upload as UTF-8 (a byte-order mark is dropped); anything else is refused whole. */
export function decodeUpload(bytes: Uint8Array): Result<string, 'FILE_EMPTY' | 'FILE_TOO_LARGE' | 'FILE_NOT_UTF8'> {
  if (bytes.byteLength === 0) return fail('FILE_EMPTY', { field: 'file' })
  if (bytes.byteLength > MAX_IMPORT_BYTES) return fail('FILE_TOO_LARGE', { field: 'file', params: { megabytes: MAX_IMPORT_BYTES / 1024 / 1024 } })
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return fail('FILE_NOT_UTF8', { field: 'file' })
  }
  // A NUL is no text (a binary file, or UTF-16) and could not be stored anyway.
  if (text.includes('\u0000')) return fail('FILE_NOT_UTF8', { field: 'file' })
  return ok(text)
}

/** Checks the header line: the kind's columns, plus `stock:<warehouse>` (offers) or `attr:<key>` (products). */
export function checkHeader(kind: ImportKind, text: string, warehouseNames: string[]): Result<{ columns: string[]; rows: number }, 'HEADER_INVALID' | 'TOO_MANY_ROWS'> {
  const required = IMPORT_COLUMNS[kind]
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const columns = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, ''))
  const missing = required.filter((c) => !columns.includes(c))
  const extra = (c: string) => (kind === 'offers' ? c.startsWith('stock:') && warehouseNames.includes(c.slice(6)) : kind === 'prices' ? PRICE_TIER_COLUMNS.test(c) : /^attr:[a-z0-9_]+$/.test(c))
  const unknown = columns.filter((c) => !required.includes(c) && !extra(c))
  if (missing.length || unknown.length) {
    return fail('HEADER_INVALID', { field: 'file', params: { missing: missing.join(', ') || '—', unknown: unknown.join(', ') || '—' } })
  }
  // Lines after the header (a trailing newline does not count).
  const rows = (text.match(/\n(?=.)/g) ?? []).length
  if (rows > MAX_IMPORT_ROWS) return fail('TOO_MANY_ROWS', { field: 'file', params: { rows, max: MAX_IMPORT_ROWS } })
  return ok({ columns, rows })
}

/**
 * Accepts an offers file: it is refused whole when its encoding or header is wrong, else stored
 * and processed by the worker (import-run), in the same transaction.
 */
export async function startImport(ctx: Ctx, kind: ImportKind, upload: { filename: string; bytes: Uint8Array }, options: { checkOnly?: boolean } = {}): Promise<Result<ImportDto, UploadError>> {
  const m = ctx.actor.membership
  if (!m) throw new DomainError('forbidden', 'FORBIDDEN')
  authorizeType(ctx, 'create', ImportJob)
  if (kind === 'products') authorizeType(ctx, 'create', Product)
  if (kind === 'prices') authorizeType(ctx, 'create', PriceListEntry)
  const text = decodeUpload(upload.bytes)
  if (!text.ok) return text
  const warehouses = await ctx.em.find(Warehouse, { organizationId: m.organizationId })
  const header = checkHeader(kind, text.value, warehouses.map((w) => w.name))
  if (!header.ok) return header
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const job = em.create(ImportJob, {
      organizationId: m.organizationId,
      createdByUserId: ctx.actor.userId!,
      kind,
      checkOnly: options.checkOnly ?? false,
      filename: cleanText(upload.filename, 255) || `${kind}.csv`,
      totalRows: header.value.rows,
      errors: [],
      content: text.value,
    })
    authorize(tx, 'create', job)
    em.persist(job)
    recordAudit(tx, { organizationId: m.organizationId, action: 'import.started', subjectType: 'ImportJob', subjectId: job.id, details: { filename: job.filename, rows: job.totalRows, ...(job.checkOnly ? { checkOnly: true } : {}) } })
    await em.flush()
    await ctx.jobs.send(em, QUEUES.importRun, { importId: job.id, ctx: serializeCtx(ctx) }, { singletonKey: job.id })
    return ok(toImportDto(job))
  })
}

/** Thrown to roll back a batch of a check-only run. */
const CHECK_ONLY = Symbol('check only')

/**
 * Processes an offers file in batches: each row is validated and saved like a form would be;
 * a bad row is recorded with its line number and the good ones are kept. Progress is written
 * after every batch. Safe to run again: saving an offer is an upsert by SKU.
 */
export async function runImport(ctx: Ctx, importId: string): Promise<ImportDto> {
  const job = await ctx.em.findOne(ImportJob, { id: importId }, { populate: ['content'] })
  if (!job) throw new DomainError('not_found', 'NOT_FOUND')
  if (job.status === 'done') return toImportDto(job)
  Object.assign(job, { status: 'running', processedRows: 0, okRows: 0, errorRows: 0, errors: [] })
  await ctx.em.flush()
  const ownWarehouses = await ctx.em.find(Warehouse, { organizationId: job.organizationId })
  const warehouses = new Map(ownWarehouses.map((w) => [w.name, w.id]))
  const categories = new Map((await ctx.em.find(Category, {})).map((c) => [c.slug, c.id]))
  const brands = new Map((await ctx.em.find(Brand, { organizationId: job.organizationId })).map((b) => [b.slug, b.id]))
  const priceLists = new Map(job.kind === 'prices' ? (await scoped(ctx).find(PriceList, { organizationId: job.organizationId })).map((l) => [l.name, l.id]) : [])
  // Products by brand and part number, looked up once per file and a batch at a time.
  const productIds = new Map<string, string | null>()
  const productKey = (row: Record<string, string>) => `${row.brand?.trim() ?? ''}\u0000${row.mpn?.trim() ?? ''}`
  const findProducts = async (em: EntityManager, rows: Record<string, string>[]) => {
    const missing = [...new Set(rows.map(productKey))].filter((k) => !productIds.has(k)).map((k) => k.split('\u0000') as [string, string])
    if (!missing.length) return
    const brandIds = new Map((await em.find(Brand, { slug: { $in: [...new Set(missing.map(([b]) => b).filter(Boolean))] } })).map((b) => [b.slug, b.id]))
    const wanted = missing.filter(([b, mpn]) => mpn && (!b || brandIds.has(b)))
    const found = wanted.length
      ? await em.find(Product, { $or: wanted.map(([b, mpn]) => (b ? { brandId: brandIds.get(b)!, mpn } : { organizationId: job.organizationId, brandId: null, mpn })) }, { fields: ['id', 'brandId', 'mpn'] })
      : []
    const brandSlugs = new Map([...brandIds].map(([slug, id]) => [id, slug]))
    for (const key of missing) productIds.set(key.join('\u0000'), null)
    for (const p of found) productIds.set(`${p.brandId ? brandSlugs.get(p.brandId) : ''}\u0000${p.mpn}`, p.id)
  }

  const errors: ImportRowError[] = []
  let processed = 0
  let good = 0
  let bad = 0
  let batch: { line: number; row: Record<string, string> }[] = []
  const keyOf = new Map<number, string>()
  const rowError = (line: number, code: string, extra: Partial<ImportRowError> = {}) => {
    bad++
    const key = keyOf.get(line)
    if (errors.length < KEPT_ERRORS) errors.push({ line, code, ...extra, ...(key ? { key } : {}) })
  }
  const flushBatch = async () => {
    const touched = new Set<string>()
    keyOf.clear()
    for (const { line, row } of batch) {
      const key = (job.kind === 'products' ? row.mpn : row.sku)?.trim().slice(0, 80)
      if (key) keyOf.set(line, key)
    }
    // Each batch in a fresh unit of work: one that kept every row's entities would make each
    // flush slower than the last.
    const work = ctx.em.fork({ clear: true }).transactional(async (em) => {
      const tx = { ...ctx, em }
      if (job.kind === 'prices') {
        // Prices: every row checked here, then the good ones saved together by the price rules.
        const inputs: { line: number; priceListId: string; input: PriceEntryInput }[] = []
        for (const { line, row } of batch) {
          const priceListId = priceLists.get((row.price_list ?? '').trim())
          if (!priceListId) {
            rowError(line, 'PRICE_LIST_UNKNOWN', { field: 'price_list', params: { name: (row.price_list ?? '').trim().slice(0, 120) } })
            continue
          }
          const parsed = parsePriceRow(row)
          if (parsed.ok) inputs.push({ line, priceListId, input: parsed.value })
          else rowError(line, parsed.error.code, { field: priceColumn(parsed.error.field) })
        }
        const results = inputs.length ? await savePriceEntries(tx, inputs, { audit: false }) : []
        results.forEach((saved, k) => {
          if (saved.ok) good++
          else rowError(inputs[k]!.line, saved.error.code, { field: priceColumn(saved.error.field), params: saved.error.params })
        })
      } else if (job.kind === 'products') {
        // Products: every row checked here, then the good ones saved together by the product rules.
        const inputs: { line: number; input: ProductSave }[] = []
        for (const { line, row } of batch) {
          const parsed = parseProductRow(row, brands, categories)
          if (parsed.ok) inputs.push({ line, input: parsed.value })
          else rowError(line, parsed.error.code, { field: parsed.error.field, params: parsed.error.params })
        }
        const results = inputs.length ? await saveProducts(tx, inputs.map((i) => i.input), { byPartNumber: true, audit: false }) : []
        results.forEach((saved, k) => {
          if (saved.ok) good++
          else rowError(inputs[k]!.line, saved.error.code, { field: saved.error.field, params: saved.error.params })
        })
      } else {
        // Offers: every row checked here, then the good ones saved together by the offer rules.
        await findProducts(em, batch.map((b) => b.row))
        const inputs: { line: number; input: OfferInput }[] = []
        for (const { line, row } of batch) {
          const productId = productIds.get(productKey(row))
          if (!productId) {
            rowError(line, 'PRODUCT_NOT_FOUND', { field: 'mpn', params: { mpn: (row.mpn ?? '').trim().slice(0, 80) } })
            continue
          }
          const parsed = parseOfferRow(row, productId, warehouses)
          if (parsed.ok) inputs.push({ line, input: parsed.value })
          else rowError(line, parsed.error.code, { field: parsed.error.field })
        }
        const results = inputs.length ? await saveOffers(tx, inputs.map((i) => i.input), { index: false, audit: false, warehouses: ownWarehouses }) : []
        results.forEach((saved, k) => {
          if (!saved.ok) rowError(inputs[k]!.line, saved.error.code, { field: saved.error.field, params: saved.error.params })
          else {
            good++
            touched.add(saved.value.productId)
          }
        })
      }
      // A check saves nothing: every row went through the same rules, then the batch is undone.
      if (job.checkOnly) throw CHECK_ONLY
      await enqueueIndexing(tx, [...touched])
    })
    await work.catch((error: unknown) => {
      if (error !== CHECK_ONLY) throw error
    })
    processed += batch.length
    batch = []
    await ctx.em.nativeUpdate(ImportJob, { id: job.id }, { processedRows: processed, okRows: good, errorRows: bad })
  }

  try {
    const parser = parse(job.content ?? '', { columns: true, bom: true, skip_empty_lines: true, trim: false, relax_column_count: true, info: true, cast: (value, context) => (context.header ? value : unescapeFormula(value)) })
    for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      batch.push({ line: record.info.lines, row: record.record })
      if (batch.length >= BATCH) await flushBatch()
    }
    if (batch.length) await flushBatch()
    await ctx.em.nativeUpdate(ImportJob, { id: job.id }, { status: 'done', errors: errors.sort((a, b) => a.line - b.line), content: null, finishedAt: new Date(), totalRows: processed })
  } catch (error) {
    // A file the parser cannot read (an unclosed quote…), or a failure of ours: what was saved
    // stays saved. The seller is told which in words of ours, never the raw error (logged here).
    const unreadable = typeof (error as { code?: unknown })?.code === 'string' && String((error as { code: string }).code).startsWith('CSV_')
    if (!unreadable) console.error(`[import ${job.id}]`, error)
    const line = Number((error as { lines?: unknown })?.lines) || undefined
    await ctx.em.nativeUpdate(ImportJob, { id: job.id }, { status: 'failed', errors, failure: unreadable ? `FILE_UNREADABLE${line ? `:${line}` : ''}` : 'IMPORT_INTERRUPTED', finishedAt: new Date() })
  }
  await ctx.em.transactional(async (em) => {
    recordAudit({ ...ctx, em }, { organizationId: job.organizationId, action: 'import.finished', subjectType: 'ImportJob', subjectId: job.id, details: { ok: good, errors: bad } })
  })
  return getImport(ctx, job.id)
}

export async function getImport(ctx: Ctx, importId: string): Promise<ImportDto> {
  const job = await scoped(ctx).findOneOrThrow(ImportJob, { id: importId })
  await ctx.em.refresh(job)
  return toImportDto(job)
}

export async function listImports(ctx: Ctx): Promise<ImportDto[]> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) return []
  const jobs = await scoped(ctx).find(ImportJob, { organizationId: orgId }, { orderBy: { createdAt: 'desc' }, limit: 50 })
  return jobs.map((j) => toImportDto(j, false))
}

/** The rows that failed, with their line numbers and reasons, as CSV. */
export async function importErrorReport(ctx: Ctx, importId: string): Promise<string> {
  const job = await scoped(ctx).findOneOrThrow(ImportJob, { id: importId })
  return stringify(job.errors.map((e) => [e.line, e.key ?? '', e.field ?? '', e.code, JSON.stringify(e.params ?? {})]), { ...CSV_OUT, header: true, columns: ['line', 'key', 'field', 'error', 'details'] })
}

/** The seller's offers in the import format: export, edit, import again. */
/**
 * Cells are written so that a spreadsheet never runs them: one starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return gets a leading `'` (csv-stringify's escape_formulas), which
 * the import takes off again, so an export still round-trips.
 */
const CSV_OUT = { escape_formulas: true } as const
const unescapeFormula = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value)

/** Offers are exported this many at a time: bounded memory, and few bind parameters per query. */
const EXPORT_BATCH = 1000

/**
 * The seller's offers as CSV in the import format, a batch at a time (by SKU): 100,000 offers
 * stream out without being held in memory, and no query carries more than a batch of ids.
 */
export async function* offersCsvChunks(ctx: Ctx): AsyncGenerator<string> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('forbidden', 'FORBIDDEN')
  const warehouses = await ctx.em.find(Warehouse, { organizationId: orgId }, { orderBy: { name: 'asc' } })
  yield stringify([], { ...CSV_OUT, header: true, columns: [...OFFER_COLUMNS, ...warehouses.map((w) => `stock:${w.name}`)] })
  const brands = new Map<string, string>()
  let after: string | null = null
  for (;;) {
    const em = ctx.em.fork({ clear: true })
    const batchCtx = { ...ctx, em }
    const offers: Offer[] = await scoped(batchCtx).find(Offer, after === null ? { organizationId: orgId } : { organizationId: orgId, sku: { $gt: after } }, { orderBy: { sku: 'asc' }, limit: EXPORT_BATCH })
    if (!offers.length) return
    after = offers[offers.length - 1]!.sku
    const products = new Map((await em.find(Product, { id: { $in: [...new Set(offers.map((o) => o.productId))] } })).map((p) => [p.id, p]))
    const missingBrands = [...new Set([...products.values()].map((p) => p.brandId).filter((b): b is string => !!b && !brands.has(b)))]
    if (missingBrands.length) for (const b of await em.find(Brand, { id: { $in: missingBrands } })) brands.set(b.id, b.slug)
    const stock = new Map<string, number>()
    for (const s of await scoped(batchCtx).find(OfferStock, { offerId: { $in: offers.map((o) => o.id) } })) stock.set(`${s.offerId}|${s.warehouseId}`, s.quantity)
    const rows = offers.map((o) => {
      const p = products.get(o.productId)!
      return [
        o.sku,
        p.brandId ? brands.get(p.brandId) : '',
        p.mpn,
        toInputString({ amount: o.priceAmount, currency: o.currency }),
        o.currency,
        o.minOrderQty,
        o.orderMultiple,
        o.leadTimeDays,
        o.condition,
        ...warehouses.map((w) => stock.get(`${o.id}|${w.id}`) ?? 0),
      ]
    })
    yield stringify(rows, CSV_OUT)
    if (offers.length < EXPORT_BATCH) return
  }
}

/** The seller's offers as one CSV string (small exports, tests). */
export async function exportOffersCsv(ctx: Ctx): Promise<string> {
  let csv = ''
  for await (const chunk of offersCsvChunks(ctx)) csv += chunk
  return csv
}

/** The organization's products as CSV, in the import format (one `attr:<key>` column per attribute used). */
export async function exportProductsCsv(ctx: Ctx): Promise<string> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('forbidden', 'FORBIDDEN')
  const products = await scoped(ctx).find(Product, { organizationId: orgId }, { orderBy: { mpn: 'asc' } })
  const brands = new Map((await ctx.em.find(Brand, { id: { $in: products.map((p) => p.brandId).filter((b): b is string => !!b) } })).map((b) => [b.id, b.slug]))
  const categories = new Map((await ctx.em.find(Category, { id: { $in: [...new Set(products.map((p) => p.categoryId))] } })).map((c) => [c.id, c.slug]))
  const keys = [...new Set(products.flatMap((p) => Object.keys(p.attributes)))].sort()
  const rows = products.map((p) => [
    p.mpn,
    p.brandId ? brands.get(p.brandId) : '',
    categories.get(p.categoryId),
    p.nameEn,
    p.nameVi,
    p.descriptionEn,
    p.descriptionVi,
    p.gtin ?? '',
    p.unitOfMeasure,
    p.packSize,
    p.status,
    ...keys.map((k) => p.attributes[k] ?? ''),
  ])
  return stringify(rows, { ...CSV_OUT, header: true, columns: [...PRODUCT_COLUMNS, ...keys.map((k) => `attr:${k}`)] })
}

/** One row of an offers file as what the offer form would submit, or why it cannot be. */
function parseOfferRow(row: Record<string, string>, productId: string, warehouses: Map<string, string>): Result<OfferInput, string> {
  const stock = Object.fromEntries(
    Object.entries(row)
      .filter(([k, v]) => k.startsWith('stock:') && v.trim() !== '')
      .map(([k, v]) => [warehouses.get(k.slice(6))!, v.trim()]),
  )
  const parsed = OfferInputSchema.safeParse({
    productId,
    sku: row.sku,
    price: row.price,
    currency: row.currency,
    minOrderQty: row.min_order_qty || undefined,
    orderMultiple: row.order_multiple || undefined,
    leadTimeDays: row.lead_time_days || undefined,
    condition: row.condition || undefined,
    stock,
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return fail(issue.message, { field: String(issue.path[0] ?? '') })
  }
  return ok(parsed.data)
}

/** One row of a prices file as what the price form would submit, or why it cannot be. */
function parsePriceRow(row: Record<string, string>): Result<PriceEntryInput, string> {
  const percent = row.percent_off?.trim()
  const tiers = [['min_qty', 'price'], ['min_qty_2', 'price_2'], ['min_qty_3', 'price_3'], ['min_qty_4', 'price_4']].map(([q, p]) => ({ minQty: row[q!] ?? '', price: row[p!] ?? '' }))
  const parsed = PriceEntryInputSchema.safeParse(percent ? { sku: row.sku, mode: 'percent', percentOff: percent } : { sku: row.sku, mode: 'tiers', tiers })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return fail(issue.message, { field: issue.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('').replace(/^\./, '') })
  }
  return ok(parsed.data)
}

/** A field of the price form as the column of the prices file it came from (`tiers[1].price` → `price_2`). */
function priceColumn(field: string | undefined): string | undefined {
  const tier = /^tiers(?:\[(\d)\])?(?:\.(minQty|price))?$/.exec(field ?? '')
  if (!tier) return field === 'percentOff' ? 'percent_off' : field
  const n = Number(tier[1] ?? 0)
  const column = tier[2] === 'minQty' ? 'min_qty' : 'price'
  return n === 0 ? column : `${column}_${n + 1}`
}

/** The seller's prices in every list, in the import format: export, edit, import again. */
export async function exportPricesCsv(ctx: Ctx): Promise<string> {
  const orgId = ctx.actor.membership?.organizationId
  if (!orgId) throw new DomainError('forbidden', 'FORBIDDEN')
  const lists = await scoped(ctx).find(PriceList, { organizationId: orgId }, { orderBy: { name: 'asc' } })
  const entries = lists.length ? await scoped(ctx).find(PriceListEntry, { organizationId: orgId, priceListId: { $in: lists.map((l) => l.id) } }) : []
  const offers = new Map((entries.length ? await scoped(ctx).find(Offer, { organizationId: orgId, id: { $in: [...new Set(entries.map((e) => e.offerId))] } }) : []).map((o) => [o.id, o]))
  const listById = new Map(lists.map((l) => [l.id, l]))
  const rows = entries
    .map((e) => {
      const list = listById.get(e.priceListId)!
      const tiers = e.tiers ?? []
      const cell = (i: number, k: 'minQty' | 'amount') => (tiers[i] ? (k === 'minQty' ? tiers[i]!.minQty : toInputString({ amount: tiers[i]!.amount, currency: list.currency })) : '')
      return [list.name, offers.get(e.offerId)?.sku ?? '', cell(0, 'minQty'), cell(0, 'amount'), e.percentOffBp == null ? '' : String(e.percentOffBp / 100), cell(1, 'minQty'), cell(1, 'amount'), cell(2, 'minQty'), cell(2, 'amount'), cell(3, 'minQty'), cell(3, 'amount')]
    })
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])))
  return stringify(rows, { ...CSV_OUT, header: true, columns: [...PRICE_COLUMNS, 'min_qty_2', 'price_2', 'min_qty_3', 'price_3', 'min_qty_4', 'price_4'] })
}

/** One row of a products file as what the product form would submit, or why it cannot be. */
function parseProductRow(row: Record<string, string>, brands: Map<string, string>, categories: Map<string, string>): Result<ProductSave, string> {
  const brandId = row.brand?.trim() ? brands.get(row.brand.trim()) : undefined
  if (row.brand?.trim() && !brandId) return fail('BRAND_UNKNOWN', { field: 'brand' })
  const categoryId = categories.get(row.category?.trim() ?? '')
  if (!categoryId) return fail('CATEGORY_UNKNOWN', { field: 'category' })
  const parsed = ProductInputSchema.safeParse({
    mpn: row.mpn,
    nameEn: row.name_en,
    nameVi: row.name_vi,
    descriptionEn: row.description_en ?? '',
    descriptionVi: row.description_vi ?? '',
    brandId,
    categoryId,
    gtin: row.gtin ?? '',
    unitOfMeasure: row.unit || undefined,
    packSize: row.pack_size || undefined,
    attributes: Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith('attr:')).map(([k, v]) => [k.slice(5), v])),
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    return fail(issue.message, { field: String(issue.path[0] ?? '') })
  }
  const status = row.status?.trim() || 'draft'
  if (status !== 'draft' && status !== 'published') return fail('STATUS_INVALID', { field: 'status' })
  return ok({ ...parsed.data, status })
}
