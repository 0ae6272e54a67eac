import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { useHydrated } from '@tradepost/ui/components/hydrated.ts'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { guard, idOrNew } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { deletePriceEntry, deletePriceList, getMyPriceList, listMyCustomerGroups, listMyCustomers, myPriceCurrencies, savePriceEntry, savePriceList } from '@tradepost/domain/pricing'
import { PRICE_LIST_SCOPES, type Currency, PriceEntryInputSchema, PriceListInputSchema, type PriceListScope } from '@tradepost/domain/schemas'
import { DataTable, EmptyState, formatNumber } from '@tradepost/ui/components/data.tsx'
import { ConfirmButton, ConfirmPanel } from '@tradepost/ui/components/confirm.tsx'
import { CheckboxField, CheckboxGroup, ErrorAlert, FieldErrors, Field, FormErrors, SelectField, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { toInputString } from '@tradepost/domain/money'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { SuggestField } from '@tradepost/ui/components/suggest.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('priceLists.title')

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = idOrNew(params.id)
  const [list, currencies, groups, customers] = await Promise.all([id ? getMyPriceList(rc.ctx, id) : null, myPriceCurrencies(rc.ctx), listMyCustomerGroups(rc.ctx), listMyCustomers(rc.ctx)])
  // `?entry=<id>` fills the price form with one of this list's entries.
  const editing = list?.entries.find((e) => e.id === new URL(request.url).searchParams.get('entry')) ?? null
  const role = rc.ctx.actor.membership?.role
  return data(
    { list, currencies, editing, groups: groups.map((g) => ({ id: g.id, name: g.name })), customers: customers.map((c) => ({ id: c.id, name: c.buyer.name })), canManage: role === 'admin' || role === 'sales' },
    { headers: rc.headers },
  )
})

const uuid = z.uuid()

export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const id = idOrNew(params.id)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (id && intent === 'delete') {
    await getMyPriceList(rc.ctx, id)
    return data({ confirm: 'delete' as const }, { headers: rc.headers })
  }
  if (id && intent === 'deleteConfirmed') {
    await deletePriceList(rc.ctx, id)
    throw redirect('/price-lists?notice=deleted', { headers: rc.headers })
  }
  if (id && intent === 'removeEntry') {
    const entry = uuid.safeParse(formData.get('entryId'))
    if (!entry.success) throw new Response('Not found', { status: 404 })
    const { priceListId } = await deletePriceEntry(rc.ctx, entry.data)
    throw redirect(`/price-lists/${priceListId}?notice=entryRemoved#entries`, { headers: rc.headers })
  }
  if (id && intent === 'entry') {
    return submitForm(formData, PriceEntryInputSchema, (value) => savePriceEntry(rc.ctx, id, value), { field: 'sku', redirectTo: () => `/price-lists/${id}?notice=entrySaved#entries` })
  }
  return submitForm(formData, PriceListInputSchema, (value) => savePriceList(rc.ctx, { ...value, id: id ?? undefined }), { field: 'name', redirectTo: (saved) => `/price-lists/${saved.id}?notice=saved` })
})

const NOTICES = ['saved', 'entrySaved', 'entryRemoved'] as const
const TIER_ROWS = 4

export default function PriceListEditor() {
  const { t, i18n } = useTranslation()
  const { list, currencies, groups, customers, editing, canManage } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const submitted = answer && 'result' in answer ? answer : null
  const submittedIntent = (submitted?.result.initialValue as { intent?: string } | undefined)?.intent
  const notice = useSearchParams()[0].get('notice')
  const vi = i18n.language === 'vi'
  return (
    <>
      <p className="breadcrumb">
        <Link to="/price-lists">{t('priceLists.back')}</Link>
      </p>
      <PageHeader title={list ? list.name : t('priceLists.new')}>
        {list ? list.active ? <span className="badge active">{t('priceLists.active')}</span> : <span className="badge paused">{t('priceLists.inactive')}</span> : null}
      </PageHeader>
      {NOTICES.find((n) => n === notice) ? <Flash>{t(`priceLists.${notice as (typeof NOTICES)[number]}`)}</Flash> : null}
      {list && answer && 'confirm' in answer ? <ConfirmPanel intent="delete" title={t('priceLists.deleteQuestion', { name: list.name })} description={t('priceLists.deleteHint')} confirmLabel={t('priceLists.delete')} cancelTo={`/price-lists/${list.id}`} /> : null}
      {canManage ? <SettingsForm key={list ? `${list.id}-${list.name}-${list.priority}` : 'new'} list={list} currencies={currencies} groups={groups} customers={customers} answer={submittedIntent === 'entry' ? null : submitted} /> : null}

      {list ? (
        <section className="panel" id="entries">
          <h2>{t('priceLists.entriesTitle')}</h2>
          {list.entries.length === 0 ? (
            <EmptyState title={t('priceLists.noEntries')} />
          ) : (
            <DataTable head={[t('priceLists.sku'), t('priceLists.product'), t('priceLists.base'), t('priceLists.inList'), '']}>
              {list.entries.map((e) => (
                <tr key={e.id}>
                  <td>{e.sku}</td>
                  <td>{vi ? e.productName.vi : e.productName.en}</td>
                  <td>
                    <Price money={e.base} />
                  </td>
                  <td>
                    {e.percentOffBp !== null
                      ? t('priceLists.percentOff', { percent: formatNumber(e.percentOffBp / 100, i18n.language) })
                      : (e.tiers ?? []).map((tier) => (
                          <span key={tier.minQty} className="block">
                            {t('priceLists.tier', { count: tier.minQty, price: '' })}
                            <Price money={{ amount: tier.amount, currency: list.currency }} />
                          </span>
                        ))}
                  </td>
                  <td>
                    {canManage ? (
                      <span className="flex flex-wrap gap-3">
                        <Link to={`/price-lists/${list.id}?entry=${e.id}#entry-form`} aria-label={`${t('priceLists.edit')} ${e.sku}`}>
                          {t('priceLists.edit')}
                        </Link>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="entryId" value={e.id} />
                          <SubmitButton name="intent" value="removeEntry" variant="secondary" aria-label={t('priceLists.removeEntryNamed', { sku: e.sku })}>
                            {t('priceLists.removeEntry')}
                          </SubmitButton>
                        </Form>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {canManage ? <EntryForm key={editing?.id ?? 'new'} currency={list.currency} editing={editing} answer={submittedIntent === 'entry' ? submitted : null} /> : null}
        </section>
      ) : null}
      {list && canManage ? (
        <div className="mt-6">
          <ConfirmButton intent="delete" label={t('priceLists.delete')} title={t('priceLists.deleteQuestion', { name: list.name })} description={t('priceLists.deleteHint')} confirmLabel={t('priceLists.delete')} />
        </div>
      ) : null}
    </>
  )
}

type Submitted = { result: SubmissionResult<string[]>; error: { code: string; field?: string; params?: Record<string, string | number> } | null } | null
type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

function SettingsForm({ list, currencies, groups, customers, answer }: { list: Loaded['list']; currencies: string[]; groups: Loaded['groups']; customers: Loaded['customers']; answer: Submitted }) {
  const { t } = useTranslation()
  const targetIds = new Set(list?.targets.map((x) => x.id))
  const [form, fields] = useForm({
    id: list ? `price-list-${list.id}` : 'price-list-new',
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PriceListInputSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: list
      ? { name: list.name, currency: list.currency, scope: list.scope, priority: String(list.priority), validFrom: list.validFrom ?? '', validTo: list.validTo ?? '', active: list.active ? 'on' : undefined }
      : { currency: currencies[0], scope: 'contract', priority: '0', active: 'on' },
  })
  // Which targets to show: with JavaScript, those of the chosen scope; without, both (the server uses the scope's own).
  const [scope, setScope] = useState<PriceListScope>((list?.scope ?? 'contract') as PriceListScope)
  const hydrated = useHydrated()
  const error = answer?.error
  return (
    <section className="panel">
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <ErrorAlert error={error && !error.field ? error : null} />
        <div className="grid-2">
          <Field label={t('priceLists.name')} errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: 'text' }), maxLength: 120 }} />
          <SelectField label={t('priceLists.currency')} errors={fields.currency.errors} selectProps={getSelectProps(fields.currency)} options={currencies.map((c) => ({ value: c, label: c }))} />
        </div>
        <fieldset className="field">
          <legend>{t('priceLists.scope')}</legend>
          {PRICE_LIST_SCOPES.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name={fields.scope.name} value={s} defaultChecked={(list?.scope ?? 'contract') === s} onChange={() => setScope(s)} /> <strong>{t(`pricing.scopes.${s}`)}</strong> <span className="muted">{t(`priceLists.scopeHints.${s}`)}</span>
            </label>
          ))}
          <FieldErrors id="scope-error" errors={fields.scope.errors} />
        </fieldset>
        <div className="grid-2" hidden={hydrated && scope === 'everyone'}>
          <CheckboxGroup legend={t('priceLists.groups')} name={fields.groups.name} options={groups} checked={targetIds} empty={t('priceLists.noGroups')} errors={fields.groups.errors} hidden={hydrated && scope !== 'group'} />
          <CheckboxGroup legend={t('priceLists.customers')} name={fields.customers.name} options={customers} checked={targetIds} empty={t('priceLists.noCustomers')} errors={fields.customers.errors} hidden={hydrated && scope !== 'company' && scope !== 'contract'} />
        </div>
        {hydrated ? null : <p className="hint">{t('priceLists.targetsHint')}</p>}
        <div className="grid-2">
          <Field label={t('priceLists.priority')} hint={t('priceLists.priorityHint')} errors={fields.priority.errors} inputProps={{ ...getInputProps(fields.priority, { type: 'number' }), min: -1000, max: 1000, step: 1 }} />
          <CheckboxField label={t('priceLists.active')} hint={t('priceLists.activeHint')} inputProps={getInputProps(fields.active, { type: 'checkbox' })} />
        </div>
        <div className="grid-2">
          <Field label={t('priceLists.validFrom')} hint={t('priceLists.windowHint')} errors={fields.validFrom.errors} inputProps={getInputProps(fields.validFrom, { type: 'date' })} />
          <Field label={t('priceLists.validTo')} errors={fields.validTo.errors} inputProps={getInputProps(fields.validTo, { type: 'date' })} />
        </div>
        <SubmitButton name="intent" value="save">
          {t('priceLists.save')}
        </SubmitButton>
      </Form>
    </section>
  )
}

function EntryForm({ currency, editing, answer }: { currency: string; editing: Loaded['editing']; answer: Submitted }) {
  const { t } = useTranslation()
  const tiers = editing?.tiers ?? []
  const [form, fields] = useForm<{ sku: string; mode: string; percentOff: string; tiers: { minQty: string; price: string }[] }>({
    id: editing ? `entry-${editing.id}` : 'entry-new',
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: PriceEntryInputSchema }) as never,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: {
      sku: editing?.sku ?? '',
      mode: editing?.percentOffBp != null ? 'percent' : 'tiers',
      percentOff: editing?.percentOffBp != null ? String(editing.percentOffBp / 100) : '',
      tiers: Array.from({ length: TIER_ROWS }, (_, i) => (tiers[i] ? { minQty: String(tiers[i]!.minQty), price: toInputString({ amount: tiers[i]!.amount, currency: currency as Currency }) } : { minQty: '', price: '' })),
    },
  })
  const rows = fields.tiers.getFieldList()
  const [mode, setMode] = useState(editing?.percentOffBp != null ? 'percent' : 'tiers')
  const hydrated = useHydrated()
  const error = answer?.error
  return (
    <Form method="post" {...getFormProps(form)} className="mt-6">
      <h3 id="entry-form">{t('priceLists.setPrice')}</h3>
      <FormErrors errors={form.errors} />
      <ErrorAlert error={error && !error.field ? error : null} />
      <SuggestField source="/offer-skus.json" label={t('priceLists.sku')} hint={t('priceLists.skuHint', { currency })} errors={fields.sku.errors} inputProps={{ ...getInputProps(fields.sku, { type: 'text' }), maxLength: 80 }} />
      <fieldset className="field">
        <legend>{t('priceLists.mode')}</legend>
        {(['tiers', 'percent'] as const).map((m) => (
          <label key={m} className="choice">
            <input type="radio" name={fields.mode.name} value={m} defaultChecked={mode === m} onChange={() => setMode(m)} /> {t(m === 'tiers' ? 'priceLists.modeTiers' : 'priceLists.modePercent')}
          </label>
        ))}
      </fieldset>
      <fieldset className="field" hidden={hydrated && mode !== 'tiers'}>
        <legend>{t('priceLists.modeTiers')}</legend>
        <p className="hint">{t('priceLists.tiersHint')}</p>
        <FieldErrors id="tiers-error" errors={fields.tiers.errors} />
        {rows.map((row, i) => {
          const tier = row.getFieldset()
          return (
            <div key={row.key} className="grid-2">
              <Field label={`${t('priceLists.tierQty')} (${i + 1})`} errors={tier.minQty.errors} inputProps={{ ...getInputProps(tier.minQty, { type: 'text' }), inputMode: 'numeric' }} />
              <Field label={`${t('priceLists.tierPrice', { currency })} (${i + 1})`} errors={tier.price.errors} inputProps={{ ...getInputProps(tier.price, { type: 'text' }), inputMode: 'decimal' }} />
            </div>
          )
        })}
      </fieldset>
      <div hidden={hydrated && mode !== 'percent'}>
        <Field label={t('priceLists.percent')} errors={fields.percentOff.errors} inputProps={{ ...getInputProps(fields.percentOff, { type: 'text' }), inputMode: 'decimal' }} />
      </div>
      <SubmitButton name="intent" value="entry">
        {t('priceLists.saveEntry')}
      </SubmitButton>
    </Form>
  )
}
