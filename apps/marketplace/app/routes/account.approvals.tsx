import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { guard } from '@tradepost/auth'
import { submitForm } from '@tradepost/auth/forms'
import { listCategories } from '@tradepost/domain/catalog'
import { approvalChainFor, deleteApprovalRule, listApprovalRules, saveApprovalRule, type ApprovalChain, type ApprovalRuleDto, type ConditionMet } from '@tradepost/domain/companies'
import { parseMoney, toInputString } from '@tradepost/domain/money'
import { sellerNamed } from '@tradepost/domain/organizations'
import { ApprovalRuleInputSchema, BUYER_ROLES, MAX_APPROVAL_STEPS, type ApprovalStep } from '@tradepost/domain/schemas'
import { SuggestField } from '@tradepost/ui/components/suggest.tsx'
import { ConfirmButton, ConfirmPanel } from '@tradepost/ui/components/confirm.tsx'
import { DataTable, EmptyState } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Field, FieldErrors, FormErrors, SelectField, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Price } from '@tradepost/ui/components/money.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'
import { kit } from '../app.server.ts'
import { CompanyTabs } from '../components/company-tabs.tsx'

export const meta = metaTitle('approvals.title')

const uuid = z.uuid()
const param = (url: URL, name: string) => url.searchParams.get(name)?.trim() || undefined

export const loader = guard(async ({ request }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  if (rc.ctx.actor.membership?.organizationKind !== 'buyer') throw new Response('Not found', { status: 404 })
  const url = new URL(request.url)
  // `?company=<id>`: a company below the actor's, for its admins; anyone else's is not found.
  const asked = param(url, 'company')
  if (asked && !uuid.safeParse(asked).success) throw new Response('Not found', { status: 404 })
  const [approvals, categories] = await Promise.all([listApprovalRules(rc.ctx, asked), listCategories(rc.ctx)])
  const editing = approvals.rules.find((r) => r.id === param(url, 'edit')) ?? null
  // "Which approvals would this order need?": a GET form, so the answer has its own address.
  const members = approvals.members
  // Whose order it is: the person asked for, else the actor when one of the company's people.
  const person = members.find((m) => m.userId === param(url, 'person'))?.userId ?? (members.find((m) => m.userId === rc.ctx.actor.userId) ?? members[0])?.userId ?? null
  let check: { chain: ApprovalChain; totalError: string | null; sellerError: string | null; seller: { id: string; name: string } | null } | null = null
  if (url.searchParams.has('check') && person) {
    const total = parseMoney(param(url, 'total') ?? '0', approvals.company.currency)
    const sellerName = param(url, 'seller')?.slice(0, 200)
    const seller = sellerName ? await sellerNamed(rc.ctx, sellerName) : null
    const category = param(url, 'category')
    const chain = await approvalChainFor(rc.ctx, {
      organizationId: approvals.company.id,
      buyerUserId: person,
      lines: total.ok ? [{ sellerId: seller?.id ?? '', categoryId: categories.find((c) => c.id === category)?.id ?? null, total: total.value }] : [],
      spentThisMonth: { user: 0, company: 0 },
    })
    check = { chain, totalError: total.ok ? null : total.code, sellerError: sellerName && !seller ? 'SELLER_UNKNOWN' : null, seller }
  }
  return data(
    {
      ...approvals,
      editing,
      check,
      person,
      categories: categories.map((c) => ({ id: c.id, nameEn: c.nameEn, nameVi: c.nameVi })),
    },
    { headers: rc.headers },
  )
})

export const action = guard(async ({ request }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  const back = (organizationId: string, notice: string) => `/account/approvals?${new URLSearchParams({ ...(organizationId === rc.ctx.actor.membership?.organizationId ? {} : { company: organizationId }), notice })}`
  if (intent === 'delete' || intent === 'deleteConfirmed') {
    const target = uuid.safeParse(formData.get('ruleId'))
    const company = uuid.safeParse(formData.get('organizationId'))
    if (!target.success || !company.success) throw new Response('Not found', { status: 404 })
    const { rules } = await listApprovalRules(rc.ctx, company.data)
    if (!rules.some((r) => r.id === target.data)) throw new Response('Not found', { status: 404 })
    if (intent === 'delete') return data({ confirm: target.data }, { headers: rc.headers })
    await deleteApprovalRule(rc.ctx, target.data)
    throw redirect(back(company.data, 'deleted'), { headers: rc.headers })
  }
  return submitForm(formData, ApprovalRuleInputSchema, (value) => saveApprovalRule(rc.ctx, value), { field: 'name', redirectTo: (saved) => back(saved.organizationId, 'saved') })
})

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>

export default function ApprovalRules() {
  const { t } = useTranslation()
  const loaded = useLoaderData<typeof loader>()
  const { company, companies, rules, canManage, editing, check } = loaded
  const answer = useActionData<typeof action>()
  const [params] = useSearchParams()
  const notice = params.get('notice')
  const confirming = answer && 'confirm' in answer ? rules.find((r) => r.id === answer.confirm) : undefined
  const here = companies[0]!.id === company.id ? '/account/approvals' : `/account/approvals?company=${company.id}`
  return (
    <>
      <CompanyTabs />
      <PageHeader title={t('approvals.title')} />
      <p className="muted">{t('approvals.intro')}</p>
      {notice === 'saved' || notice === 'deleted' ? <Flash>{t(`approvals.${notice}`)}</Flash> : null}
      {companies.length > 1 ? (
        <nav className="toolbar" aria-label={t('approvals.companies')}>
          {companies.map((c) => (
            <Link key={c.id} to={c.id === companies[0]!.id ? '/account/approvals' : `/account/approvals?company=${c.id}`} aria-current={c.id === company.id ? 'page' : undefined} className={c.id === company.id ? 'button primary small' : 'button secondary small'}>
              {c.name}
            </Link>
          ))}
        </nav>
      ) : null}
      {confirming ? (
        <ConfirmPanel intent="delete" hidden={{ ruleId: confirming.id, organizationId: company.id }} title={t('approvals.deleteQuestion', { name: confirming.name })} description={t('approvals.deleteHint')} confirmLabel={t('approvals.delete')} cancelTo={here} />
      ) : null}
      <section className="panel">
        <h2>{t('approvals.rulesOf', { name: company.name })}</h2>
        {rules.length === 0 ? (
          <EmptyState title={t('approvals.none')}>
            <p>{t('approvals.noneHint')}</p>
          </EmptyState>
        ) : (
          <DataTable head={[t('approvals.name'), t('approvals.when'), t('approvals.chain'), '']}>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>
                  <span className="block font-semibold">{r.name}</span>
                  {r.active ? null : <span className="badge paused">{t('approvals.inactive')}</span>}
                </td>
                <td>
                  <Conditions rule={r} />
                </td>
                <td>
                  <Chain steps={r.steps} />
                </td>
                <td>
                  {canManage ? (
                    <span className="flex flex-wrap items-center gap-3">
                      <Link to={`${here}${here.includes('?') ? '&' : '?'}edit=${r.id}#rule-form`} aria-label={t('approvals.editNamed', { name: r.name })}>
                        {t('warehouses.edit')}
                      </Link>
                      <ConfirmButton intent="delete" hidden={{ ruleId: r.id, organizationId: company.id }} label={t('approvals.delete')} title={t('approvals.deleteQuestion', { name: r.name })} description={t('approvals.deleteHint')} confirmLabel={t('approvals.delete')} />
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        <p className="hint">{t('approvals.howChains')}</p>
      </section>
      {canManage ? <RuleForm key={editing?.id ?? `new-${company.id}`} loaded={loaded} answer={answer && 'result' in answer ? answer : null} cancelTo={here} /> : null}
      <CheckOrder loaded={loaded} check={check} />
    </>
  )
}

function useCategoryName(categories: Loaded['categories']) {
  const { i18n } = useTranslation()
  return (id: string) => {
    const c = categories.find((x) => x.id === id)
    return c ? (i18n.language === 'vi' ? c.nameVi : c.nameEn) : ''
  }
}

function Conditions({ rule }: { rule: ApprovalRuleDto }) {
  const { t, i18n } = useTranslation()
  const category = rule.category ? (i18n.language === 'vi' ? rule.category.nameVi : rule.category.nameEn) : null
  const parts = [
    rule.minTotal ? (
      <>
        {t('approvals.conditions.totalAbove')} <Price money={rule.minTotal} />
      </>
    ) : null,
    rule.seller ? t('approvals.conditions.seller', { name: rule.seller.name }) : null,
    category ? t('approvals.conditions.category', { name: category }) : null,
    rule.buyerRole ? t('approvals.conditions.role', { role: t(`roles.${rule.buyerRole}`) }) : null,
    rule.whenLimitExceeded ? t('approvals.conditions.limit') : null,
  ].filter(Boolean)
  if (!parts.length) return <span>{t('approvals.conditions.every')}</span>
  return (
    <ul className="plain-list">
      {parts.map((p, i) => (
        <li key={i}>{p}</li>
      ))}
    </ul>
  )
}

type StepView = ApprovalStep | { userId: string; name: string }

function stepLabel(t: (key: string) => string, step: StepView, names?: Map<string, string>) {
  if ('role' in step) return t(`approvals.stepRoles.${step.role}`)
  return ('name' in step ? step.name : names?.get(step.userId)) || t('approvals.formerMember')
}

function Chain({ steps, names }: { steps: StepView[]; names?: Map<string, string> }) {
  const { t } = useTranslation()
  return (
    <ol className="chain">
      {steps.map((s, i) => (
        <li key={i}>{stepLabel(t, s, names)}</li>
      ))}
    </ol>
  )
}

type Submitted = { result: SubmissionResult<string[]>; error: { code: string; field?: string; params?: Record<string, string | number> } | null } | null

function RuleForm({ loaded, answer, cancelTo }: { loaded: Loaded; answer: Submitted; cancelTo: string }) {
  const { t, i18n } = useTranslation()
  const { company, editing, approvers, categories } = loaded
  const [form, fields] = useForm<{ name: string; minTotal: string; seller: string; categoryId: string; buyerRole: string; whenLimitExceeded: string; steps: string[]; active: string }>({
    id: editing ? `rule-${editing.id}` : `rule-new-${company.id}`,
    lastResult: answer?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ApprovalRuleInputSchema }) as never,
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: {
      name: editing?.name ?? '',
      minTotal: editing?.minTotal ? toInputString(editing.minTotal) : '',
      seller: editing?.seller?.name ?? '',
      categoryId: editing?.category?.id ?? '',
      buyerRole: editing?.buyerRole ?? '',
      whenLimitExceeded: editing?.whenLimitExceeded ? 'on' : undefined,
      steps: Array.from({ length: MAX_APPROVAL_STEPS }, (_, i) => {
        const s = editing?.steps[i]
        return s ? ('role' in s ? s.role : s.userId) : i === 0 && !editing ? 'approver' : ''
      }),
      active: editing ? (editing.active ? 'on' : undefined) : 'on',
    },
  })
  const steps = fields.steps.getFieldList()
  const stepOptions = [
    { value: '', label: t('approvals.noStep') },
    { value: 'approver', label: t('approvals.stepRoles.approver') },
    { value: 'admin', label: t('approvals.stepRoles.admin') },
    ...approvers.map((m) => ({ value: m.userId, label: `${m.name} (${t(`roles.${m.role}`)})` })),
  ]
  const error = answer?.error
  return (
    <section className="panel" aria-labelledby="rule-form">
      <h2 id="rule-form">{editing ? t('approvals.editNamed', { name: editing.name }) : t('approvals.add')}</h2>
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="organizationId" value={company.id} />
        <input type="hidden" name="currency" value={company.currency} />
        {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
        <FormErrors errors={form.errors} />
        <ErrorAlert error={error && !error.field ? error : null} />
        <Field label={t('approvals.name')} errors={fields.name.errors} inputProps={{ ...getInputProps(fields.name, { type: 'text' }), maxLength: 120 }} />
        <fieldset className="field">
          <legend>{t('approvals.when')}</legend>
          <p className="hint">{t('approvals.whenHint')}</p>
          <div className="grid-2">
            <Field label={t('approvals.minTotal', { currency: company.currency })} hint={t('approvals.minTotalHint', { currency: company.currency })} errors={fields.minTotal.errors} inputProps={{ ...getInputProps(fields.minTotal, { type: 'text' }), inputMode: 'decimal', autoComplete: 'off' }} />
            <SuggestField source="/sellers.json" label={t('approvals.seller')} hint={t('approvals.sellerHint')} errors={fields.seller.errors} inputProps={{ ...getInputProps(fields.seller, { type: 'text' }), maxLength: 200, placeholder: t('approvals.anySeller') }} />
            <SelectField label={t('approvals.category')} errors={fields.categoryId.errors} selectProps={getSelectProps(fields.categoryId)} options={[{ value: '', label: t('approvals.anyCategory') }, ...categories.map((c) => ({ value: c.id, label: i18n.language === 'vi' ? c.nameVi : c.nameEn })).sort((a, b) => a.label.localeCompare(b.label))]} />
            <SelectField label={t('approvals.buyerRole')} errors={fields.buyerRole.errors} selectProps={getSelectProps(fields.buyerRole)} options={[{ value: '', label: t('approvals.anyRole') }, ...BUYER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]} />
          </div>
          <label className="choice">
            <input {...getInputProps(fields.whenLimitExceeded, { type: 'checkbox' })} /> {t('approvals.whenLimitExceeded')}
          </label>
          <p className="hint">{t('approvals.whenLimitExceededHint')}</p>
        </fieldset>
        <fieldset className="field">
          <legend>{t('approvals.chain')}</legend>
          <p className="hint">{t('approvals.chainHint')}</p>
          <FieldErrors id="steps-error" errors={fields.steps.errors} />
          <div className="grid-2">
            {steps.map((s, i) => (
              <SelectField key={s.key} label={t('approvals.step', { n: i + 1 })} errors={s.errors} selectProps={getSelectProps(s)} options={stepOptions} />
            ))}
          </div>
        </fieldset>
        <label className="choice">
          <input {...getInputProps(fields.active, { type: 'checkbox' })} /> {t('approvals.active')}
        </label>
        <div className="toolbar">
          <SubmitButton name="intent" value="save">
            {t('approvals.save')}
          </SubmitButton>
          {editing ? <Link to={cancelTo}>{t('common.cancel')}</Link> : null}
        </div>
      </Form>
    </section>
  )
}

function CheckOrder({ loaded, check }: { loaded: Loaded; check: Loaded['check'] }) {
  const { t, i18n } = useTranslation()
  const [params] = useSearchParams()
  const { company, members, categories, person } = loaded
  const names = new Map(members.map((m) => [m.userId, m.name]))
  const categoryName = useCategoryName(categories)
  return (
    <section className="panel" aria-labelledby="check-title">
      <h2 id="check-title">{t('approvals.checkTitle')}</h2>
      <p className="hint">{t('approvals.checkHint')}</p>
      <Form method="get" action="/account/approvals#check-title" preventScrollReset>
        {belowOwn(loaded) ? <input type="hidden" name="company" value={company.id} /> : null}
        <input type="hidden" name="check" value="1" />
        <div className="grid-2">
          <Field label={t('approvals.checkTotal', { currency: company.currency })} errors={check?.totalError ? [check.totalError] : undefined} inputProps={{ id: 'check-total', name: 'total', defaultValue: params.get('total') ?? '', inputMode: 'decimal', autoComplete: 'off' }} />
          <SelectField label={t('approvals.checkPerson')} selectProps={{ id: 'check-person', name: 'person', defaultValue: person ?? '' }} options={members.map((m) => ({ value: m.userId, label: `${m.name} (${t(`roles.${m.role}`)})` }))} />
          <SuggestField source="/sellers.json" label={t('approvals.seller')} errors={check?.sellerError ? [check.sellerError] : undefined} inputProps={{ id: 'check-seller', name: 'seller', defaultValue: params.get('seller') ?? '', maxLength: 200, placeholder: t('approvals.anySeller') }} />
          <SelectField label={t('approvals.category')} selectProps={{ id: 'check-category', name: 'category', defaultValue: params.get('category') ?? '' }} options={[{ value: '', label: t('approvals.anyCategory') }, ...categories.map((c) => ({ value: c.id, label: i18n.language === 'vi' ? c.nameVi : c.nameEn }))]} />
        </div>
        <SubmitButton variant="secondary">{t('approvals.check')}</SubmitButton>
      </Form>
      {check && !check.totalError && !check.sellerError ? (
        <div className="check-result" role="status">
          <p className={`badge ${check.chain.outcome === 'blocked' ? 'status-rejected' : check.chain.outcome === 'approval' ? 'status-pending' : 'status-active'}`}>{t(`approvals.outcome.${check.chain.outcome}`)}</p>
          {check.chain.steps.length ? <Chain steps={check.chain.steps.map((s) => s.step)} names={names} /> : null}
          {check.chain.rules.length ? (
            <ul className="plain-list">
              {check.chain.rules.map((r) => (
                <li key={r.id}>
                  <strong>{r.name}</strong>: {r.met.map((m, i) => <Reason key={i} met={m} sellerName={check.seller?.name ?? ''} categoryName={categoryName} />)}
                </li>
              ))}
            </ul>
          ) : null}
          {check.chain.limits.length ? (
            <DataTable head={[t('approvals.limit'), t('approvals.limitAmount'), t('approvals.limitWouldBe'), '']}>
              {check.chain.limits.map((l, i) => (
                <tr key={i}>
                  <td>{t(`approvals.limits.${l.scope}_${l.period}`)}</td>
                  <td>
                    <Price money={l.limit} />
                  </td>
                  <td>{l.otherCurrency ? t('approvals.otherCurrency') : <Price money={l.wouldBe} />}</td>
                  <td>{l.exceeded ? <span className="badge status-rejected">{t('approvals.exceeded')}</span> : <span className="badge status-active">{t('approvals.within')}</span>}</td>
                </tr>
              ))}
            </DataTable>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

/** A company below the actor's is open (its id goes with the check). */
const belowOwn = (loaded: Loaded) => loaded.companies.length > 1 && loaded.company.id !== loaded.companies[0]!.id

function Reason({ met, sellerName, categoryName }: { met: ConditionMet; sellerName: string; categoryName: (id: string) => string }) {
  const { t } = useTranslation()
  switch (met.code) {
    case 'TOTAL_ABOVE':
      return (
        <span className="block">
          {t('approvals.reasons.totalAbove')} <Price money={met.total} /> &gt; <Price money={met.minTotal} />
        </span>
      )
    case 'TOTAL_OTHER_CURRENCY':
      return <span className="block">{t('approvals.reasons.otherCurrency', { currencies: met.currencies.join(', '), currency: met.minTotal.currency })}</span>
    case 'SELLER':
      return <span className="block">{t('approvals.conditions.seller', { name: sellerName })}</span>
    case 'CATEGORY':
      return <span className="block">{t('approvals.conditions.category', { name: categoryName(met.categoryId) })}</span>
    case 'ROLE':
      return <span className="block">{t('approvals.conditions.role', { role: t(`roles.${met.role}`) })}</span>
    case 'LIMIT_EXCEEDED':
      return <span className="block">{t('approvals.conditions.limit')}</span>
    case 'EVERY_ORDER':
      return <span className="block">{t('approvals.conditions.every')}</span>
  }
}
