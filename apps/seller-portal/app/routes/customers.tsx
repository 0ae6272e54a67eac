import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { deleteCustomerGroup, explainCustomerPrice, findBuyerCompanies, listMyCustomerGroups, listMyCustomers, removeCustomer, saveCustomer, saveCustomerGroup, type CustomerDto } from '@tradepost/domain/pricing'
import { toInputString } from '@tradepost/domain/money'
import { CustomerGroupInputSchema, CustomerInputSchema, CustomerPriceQuerySchema, PAYMENT_TERMS } from '@tradepost/domain/schemas'
import { DataTable, EmptyState, Num } from '@tradepost/ui/components/data.tsx'
import { ConfirmButton, ConfirmPanel } from '@tradepost/ui/components/confirm.tsx'
import { CheckboxField, ErrorAlert, Field, FormErrors, Notice, SelectField, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { PriceWhy } from '@tradepost/ui/components/price-why.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'

export const meta = metaTitle('customers.title')

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const params = new URL(request.url).searchParams
  const q = (params.get('q') ?? '').slice(0, 100)
  const [customers, groups, matches] = await Promise.all([listMyCustomers(rc.ctx), listMyCustomerGroups(rc.ctx), findBuyerCompanies(rc.ctx, q)])
  // `?edit=<id>` opens one customer's form; another seller's id finds nothing.
  const editing = customers.find((c) => c.id === params.get('edit')) ?? null
  const role = rc.ctx.actor.membership?.role
  // `?customer=<id>&sku=…&quantity=…`: what that customer pays for that offer, and why (a GET form).
  const pays = await customerPays(rc.ctx, params)
  return data({ customers, groups, matches, q, editing, canManage: role === 'admin' || role === 'sales', pays }, { headers: rc.headers })
})

async function customerPays(ctx: Parameters<typeof explainCustomerPrice>[0], params: URLSearchParams) {
  if (!params.has('sku')) return null
  const input = { customer: params.get('customer') ?? '', sku: params.get('sku') ?? '', ...(params.get('quantity') ? { quantity: params.get('quantity') } : {}) }
  const parsed = CustomerPriceQuerySchema.safeParse(input)
  if (!parsed.success) return { input, error: { code: parsed.error.issues[0]!.message, field: String(parsed.error.issues[0]!.path[0]) }, result: null }
  const explained = await explainCustomerPrice(ctx, { customerId: parsed.data.customer, sku: parsed.data.sku, quantity: parsed.data.quantity })
  return explained.ok ? { input, error: null, result: explained.value } : { input, error: explained.error, result: null }
}

const id = z.uuid()
const rowId = (formData: FormData, name: string) => {
  const parsed = id.safeParse(formData.get(name))
  if (!parsed.success) throw new Response('Not found', { status: 404 })
  return parsed.data
}

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (intent === 'add') {
    // A company found by name: added approved, in no group; its form opens next.
    const result = await saveCustomer(rc.ctx, { buyerId: rowId(formData, 'buyerId'), approved: true })
    if (!result.ok) throw new Response('Not found', { status: 404 })
    throw redirect(`/customers?edit=${result.value.id}&notice=added#customer-form`, { headers: rc.headers })
  }
  // Removing asks first: a dialog with JavaScript, this answer (the question on the page) without.
  if (intent === 'remove' || intent === 'deleteGroup') {
    const target = rowId(formData, intent === 'remove' ? 'customerId' : 'groupId')
    const rows = intent === 'remove' ? await listMyCustomers(rc.ctx) : await listMyCustomerGroups(rc.ctx)
    if (!rows.some((r) => r.id === target)) throw new Response('Not found', { status: 404 })
    return data({ confirm: intent, id: target } as const, { headers: rc.headers })
  }
  if (intent === 'removeConfirmed') {
    await removeCustomer(rc.ctx, rowId(formData, 'customerId'))
    throw redirect('/customers?notice=removed', { headers: rc.headers })
  }
  if (intent === 'deleteGroupConfirmed') {
    await deleteCustomerGroup(rc.ctx, rowId(formData, 'groupId'))
    throw redirect('/customers?notice=groupDeleted', { headers: rc.headers })
  }
  if (intent === 'group') return submitForm(formData, CustomerGroupInputSchema, (value) => saveCustomerGroup(rc.ctx, value), { field: 'name', redirectTo: () => '/customers?notice=groupSaved' })
  return submitForm(formData, CustomerInputSchema, (value) => saveCustomer(rc.ctx, value), { field: 'buyerId', redirectTo: () => '/customers?notice=saved' })
})

const NOTICES = ['saved', 'added', 'removed', 'groupSaved', 'groupDeleted'] as const

export default function Customers() {
  const { t } = useTranslation()
  const { customers, groups, matches, q, editing, canManage, pays } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const confirm = answer && 'confirm' in answer ? answer : null
  const submitted = answer && 'result' in answer ? answer : null
  // Two forms post here: each shows only its own submission's errors.
  const submittedIntent = (submitted?.result.initialValue as { intent?: string } | undefined)?.intent
  const notice = useSearchParams()[0].get('notice')
  const confirmCustomer = confirm?.confirm === 'remove' ? customers.find((c) => c.id === confirm.id) : undefined
  const confirmGroup = confirm?.confirm === 'deleteGroup' ? groups.find((g) => g.id === confirm.id) : undefined
  return (
    <>
      <PageHeader title={t('customers.title')} />
      <p className="muted">{t('customers.intro')}</p>
      {NOTICES.find((n) => n === notice) ? <Flash>{t(`customers.${notice as (typeof NOTICES)[number]}`)}</Flash> : null}
      {confirmCustomer ? (
        <ConfirmPanel intent="remove" hidden={{ customerId: confirmCustomer.id }} title={t('customers.removeQuestion', { name: confirmCustomer.buyer.name })} description={t('customers.removeHint')} confirmLabel={t('customers.remove')} cancelTo="/customers" />
      ) : null}
      {confirmGroup ? (
        <ConfirmPanel intent="deleteGroup" hidden={{ groupId: confirmGroup.id }} title={t('customers.deleteGroupQuestion', { name: confirmGroup.name })} description={t('customers.deleteGroupHint')} confirmLabel={t('customers.deleteGroup')} cancelTo="/customers" />
      ) : null}
      {editing && canManage ? <CustomerForm key={editing.id} customer={editing} groups={groups} answer={submittedIntent === 'group' ? null : submitted} /> : null}

      {customers.length === 0 ? (
        <EmptyState title={t('customers.none')} />
      ) : (
        <DataTable head={[t('customers.company'), t('customers.accountNumber'), t('customers.group'), t('customers.approved'), t('customers.paymentTerms'), '']}>
          {customers.map((c) => (
            <tr key={c.id}>
              <td>{c.buyer.name}</td>
              <td>{c.accountNumber ?? '—'}</td>
              <td>{c.groupName ?? <span className="muted">{t('customers.noGroup')}</span>}</td>
              <td>{c.approved ? <span className="badge active">{t('customers.approved')}</span> : <span className="badge pending">{t('customers.notApproved')}</span>}</td>
              <td>
                {t(`terms.${c.paymentTerms}`)}
                {c.creditLimit ? (
                  <small className="block muted">
                    {t('customers.creditUpTo')} <Price money={c.creditLimit} />
                  </small>
                ) : null}
              </td>
              <td>
                {canManage ? (
                  <span className="flex flex-wrap gap-3">
                    <Link to={`/customers?edit=${c.id}#customer-form`} aria-label={t('customers.editNamed', { name: c.buyer.name })}>
                      {t('customers.edit')}
                    </Link>
                    <Link to={`/impersonate?company=${c.buyer.id}`} aria-label={t('impersonation.actAsIn', { name: c.buyer.name })}>
                      {t('impersonation.actAs')}
                    </Link>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}

      {customers.length ? <CustomerPays customers={customers} pays={pays} /> : null}

      {canManage ? (
        <section className="panel" id="add-customer">
          <h2>{t('customers.add')}</h2>
          {/* Searched on the server as a plain GET: it scales to any number of companies and needs no JavaScript. */}
          <Form method="get" action="/customers#add-customer" className="inline-form">
            <Field label={t('customers.findLabel')} hint={t('customers.findHint')} inputProps={{ id: 'find-company', name: 'q', type: 'search', defaultValue: q, minLength: 2, maxLength: 100, autoComplete: 'off' }} />
            <SubmitButton variant="secondary">{t('customers.find')}</SubmitButton>
          </Form>
          {q.trim().length >= 2 ? (
            matches.length === 0 ? (
              <p className="muted">{t('customers.noMatches', { q })}</p>
            ) : (
              <ul className="plain-list">
                {matches.map((m) => (
                  <li key={m.id} className="flex flex-wrap items-center gap-3 py-1">
                    <span>
                      <strong>{m.name}</strong> <span className="muted">({m.country})</span>
                    </span>
                    {m.customer ? (
                      <span className="muted">{t('customers.already')}</span>
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="buyerId" value={m.id} />
                        <SubmitButton name="intent" value="add" variant="secondary" aria-label={`${t('customers.addThis')}: ${m.name}`}>
                          {t('customers.addThis')}
                        </SubmitButton>
                      </Form>
                    )}
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </section>
      ) : null}

      <section className="panel" id="groups">
        <h2>{t('customers.groups')}</h2>
        <p className="muted">{t('customers.groupsIntro')}</p>
        {groups.length === 0 ? (
          <p className="muted">{t('customers.noGroups')}</p>
        ) : (
          <DataTable head={[t('customers.groupName'), t('customers.title'), '']}>
            {groups.map((g) => (
              <tr key={g.id}>
                <td>{g.name}</td>
                <td>{t('customers.customerCount', { count: g.customerCount })}</td>
                <td>{canManage ? <ConfirmButton intent="deleteGroup" hidden={{ groupId: g.id }} label={t('customers.deleteGroup')} title={t('customers.deleteGroupQuestion', { name: g.name })} description={t('customers.deleteGroupHint')} confirmLabel={t('customers.deleteGroup')} /> : null}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {canManage ? <GroupForm answer={submittedIntent === 'group' ? submitted : null} /> : null}
      </section>
    </>
  )
}

type Submitted = { result: SubmissionResult<string[]>; error: { code: string; field?: string; params?: Record<string, string | number> } | null } | null

function CustomerForm({ customer, groups, answer }: { customer: CustomerDto; groups: { id: string; name: string }[]; answer: Submitted }) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: `customer-${customer.id}`,
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CustomerInputSchema }),
    shouldValidate: 'onSubmit',
    defaultValue: { buyerId: customer.buyer.id, groupId: customer.groupId ?? '', accountNumber: customer.accountNumber ?? '', approved: customer.approved ? 'on' : undefined, paymentTerms: customer.paymentTerms, creditLimit: customer.creditLimit ? toInputString(customer.creditLimit) : '' },
  })
  return (
    <section className="panel" id="customer-form">
      <h2>{t('customers.editNamed', { name: customer.buyer.name })}</h2>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <ErrorAlert error={answer?.error && !answer.error.field ? answer.error : null} />
        <input type="hidden" name={fields.buyerId.name} value={customer.buyer.id} />
        <div className="grid-2">
          <Field label={t('customers.accountNumber')} errors={fields.accountNumber.errors} inputProps={getInputProps(fields.accountNumber, { type: 'text' })} />
          <SelectField label={t('customers.group')} errors={fields.groupId.errors} selectProps={getSelectProps(fields.groupId)} options={[{ value: '', label: t('customers.noGroup') }, ...groups.map((g) => ({ value: g.id, label: g.name }))]} />
        </div>
        <CheckboxField label={t('customers.approved')} hint={t('customers.approvedHint')} inputProps={getInputProps(fields.approved, { type: 'checkbox' })} />
        <div className="grid-2">
          <SelectField label={t('customers.paymentTerms')} errors={fields.paymentTerms.errors} selectProps={getSelectProps(fields.paymentTerms)} options={PAYMENT_TERMS.map((p) => ({ value: p, label: t(`terms.${p}`) }))} />
          <Field label={t('customers.creditLimit')} hint={t('customers.creditLimitHint')} errors={fields.creditLimit.errors} inputProps={{ ...getInputProps(fields.creditLimit, { type: 'text' }), inputMode: 'decimal' }} />
        </div>
        <SubmitButton name="intent" value="save">
          {t('customers.save')}
        </SubmitButton>{' '}
        <Link to="/customers">{t('common.cancel')}</Link>
      </Form>
      <div className="mt-4">
        <ConfirmButton intent="remove" hidden={{ customerId: customer.id }} label={t('customers.remove')} title={t('customers.removeQuestion', { name: customer.buyer.name })} description={t('customers.removeHint')} confirmLabel={t('customers.remove')} />
      </div>
    </section>
  )
}

function GroupForm({ answer }: { answer: Submitted }) {
  const { t } = useTranslation()
  const [form, fields] = useForm({
    id: 'group-new',
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CustomerGroupInputSchema }),
    shouldValidate: 'onSubmit',
  })
  return (
    <Form method="post" {...getFormProps(form)} className="inline-form mt-4">
      <FormErrors errors={form.errors} />
      <Field label={t('customers.groupName')} errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: 'text' }), maxLength: 120 }} />
      <SubmitButton name="intent" value="group" variant="secondary">
        {t('customers.addGroup')}
      </SubmitButton>
    </Form>
  )
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

/** "What a customer pays": a GET form (its answer has its own address), answered with "why this price". */
function CustomerPays({ customers, pays }: { customers: Loaded['customers']; pays: Loaded['pays'] }) {
  const { t } = useTranslation()
  const errorsOf = (field: string) => (pays?.error && pays.error.field === field ? [pays.error.code] : undefined)
  const customer = pays?.result ? customers.find((c) => c.id === pays.input.customer) : undefined
  return (
    <section className="panel" id="customer-pays" aria-labelledby="customer-pays-title">
      <h2 id="customer-pays-title">{t('customers.pays')}</h2>
      <p className="muted">{t('customers.paysHint')}</p>
      <Form method="get" action="/customers#customer-pays">
        <div className="grid-2">
          <SelectField label={t('customers.paysCustomer')} errors={errorsOf('customer')} selectProps={{ id: 'pays-customer', name: 'customer', defaultValue: pays?.input.customer ?? customers[0]?.id }} options={customers.map((c) => ({ value: c.id, label: c.accountNumber ? `${c.buyer.name} (${c.accountNumber})` : c.buyer.name }))} />
          <Field label={t('customers.paysSku')} errors={errorsOf('sku')} inputProps={{ id: 'pays-sku', name: 'sku', type: 'text', defaultValue: pays?.input.sku ?? '', maxLength: 80, required: true }} />
          <Field label={t('customers.paysQuantity')} errors={errorsOf('quantity')} inputProps={{ id: 'pays-quantity', name: 'quantity', type: 'number', min: 1, defaultValue: pays?.input.quantity ?? '' }} />
        </div>
        <SubmitButton variant="secondary">{t('customers.paysCheck')}</SubmitButton>
      </Form>
      {pays?.error && !pays.error.field ? <ErrorAlert error={pays.error} /> : null}
      {pays?.result && customer ? (
        <div className="mt-3" role="status">
          <p>{t('customers.paysResult', { customer: customer.buyer.name, sku: pays.result.sku })}</p>
          <PriceWhy price={pays.result.price.unit} listPrice={pays.result.price.unit.amount !== pays.result.price.base.amount ? pays.result.price.base : null} pricing={pays.result.price} />
          {!pays.result.visible ? <Notice tone="warning">{t('customers.paysHidden', { customer: customer.buyer.name })}</Notice> : null}
          {pays.result.priceOnRequest ? <Notice tone="info">{t('customers.paysOnRequest', { customer: customer.buyer.name })}</Notice> : null}
        </div>
      ) : null}
    </section>
  )
}
