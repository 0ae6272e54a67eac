import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { z } from '@tradepost/domain/zod'
import { guard } from '@tradepost/auth'
import { getOrganizationDetail } from '@tradepost/domain/dashboard'
import { approveStorefrontHost, changeOrganizationStatus, getStorefrontHostForOperator, Organization } from '@tradepost/domain/organizations'
import { AuditDetails, useAuditActionLabel } from '@tradepost/ui/components/audit.tsx'
import { DataTable, EmptyState, FormattedDate, StatusBadge } from '@tradepost/ui/components/data.tsx'
import { ErrorAlert, Notice, SubmitButton } from '@tradepost/ui/components/forms.tsx'
import { Flash } from '@tradepost/ui/components/toast.tsx'
import { LinkTabs, skipRevalidationOnTab } from '@tradepost/ui/components/tabs.tsx'
import { PageHeader } from '@tradepost/ui/components/shell.tsx'
import { fieldsWithForbiddenText, TEXT_INVALID } from '@tradepost/domain/text'
import { subdivisionName } from '@tradepost/domain/schemas'
import { kit } from '../app.server.ts'
import { metaTitle } from '@tradepost/ui/i18n/meta.ts'

export const meta = metaTitle('operator.detailTitle')

const idOf = (params: { id?: string }) => {
  const parsed = z.uuid().safeParse(params.id)
  if (!parsed.success) throw new Response('Not found', { status: 404 })
  return parsed.data
}

export const loader = guard(async ({ request, params }: LoaderFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const detail = await getOrganizationDetail(rc.ctx, idOf(params))
  const host = await getStorefrontHostForOperator(rc.ctx, detail.organization.id)
  return data(
    // can() only hides buttons; the use case checks again.
    { ...detail, host, canDecide: rc.ctx.ability.can('approve', Organization) },
    { headers: rc.headers },
  )
})

const TransitionSchema = z.object({ transition: z.enum(['approve', 'reject', 'suspend', 'reactivate']), reason: z.string().trim().max(500).optional() })

export const action = guard(async ({ request, params }: ActionFunctionArgs) => {
  const rc = await kit.requireMember(request)
  const formData = await request.formData()
  if (fieldsWithForbiddenText(formData.entries()).length) return data({ error: { code: TEXT_INVALID } }, { status: 400 })
  if (formData.get('intent') === 'approveHost') {
    const approved = await approveStorefrontHost(rc.ctx, idOf(params))
    if (!approved.ok) return data({ error: approved.error }, { status: 409 })
    throw redirect(`/organizations/${idOf(params)}?notice=hostApproved`)
  }
  const parsed = TransitionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) return data({ error: { code: 'FIELD_REQUIRED' } }, { status: 400 })
  const result = await changeOrganizationStatus(rc.ctx, { organizationId: idOf(params), ...parsed.data, origin: kit.publicUrl() })
  if (!result.ok) return data({ error: result.error }, { status: 409 })
  throw redirect(`/organizations/${result.value.id}?notice=${parsed.data.transition}`)
})

const NOTICE: Record<string, string> = { approve: 'operator.approved', reject: 'operator.rejected', suspend: 'operator.suspended', reactivate: 'operator.reactivated', hostApproved: 'operator.hostApproved' }

export const shouldRevalidate = skipRevalidationOnTab()

export default function OrganizationDetail() {
  const { t } = useTranslation()
  const { organization: o, members, offers, authorizations, host, activity, canDecide } = useLoaderData<typeof loader>()
  const actionLabel = useAuditActionLabel()
  const seller = o.kind === 'manufacturer' || o.kind === 'distributor'
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const notice = params.get('notice')
  return (
    <>
      <PageHeader title={o.name}>
        <StatusBadge status={o.status} />
      </PageHeader>
      {notice && NOTICE[notice] ? <Flash>{t(NOTICE[notice], { name: o.name })}</Flash> : null}
      <ErrorAlert error={actionData?.error} />
      <div className="grid-2">
        <section className="panel">
          <dl className="facts">
            <dt>{t('common.kind')}</dt>
            <dd>{t(`kinds.${o.kind}`)}</dd>
            <dt>{t('operator.slug')}</dt>
            <dd>{o.slug}</dd>
            <dt>{t('common.country')}</dt>
            <dd>{o.country}</dd>
            <dt>{t('operator.currency')}</dt>
            <dd>{o.defaultCurrency}</dd>
            <dt>{t('common.created')}</dt>
            <dd>
              <FormattedDate iso={o.createdAt} withTime />
            </dd>
          </dl>
        </section>
        <section className="panel" hidden={!canDecide}>
          {o.status === 'pending' ? (
            <>
              <Form method="post">
                <SubmitButton name="transition" value="approve">
                  {t('operator.approve')}
                </SubmitButton>
              </Form>
              <Form method="post">
                <div className="field">
                  <label htmlFor="reason">{t('operator.reason')}</label>
                  <textarea id="reason" name="reason" rows={2} required />
                </div>
                <SubmitButton name="transition" value="reject" variant="danger">
                  {t('operator.reject')}
                </SubmitButton>
              </Form>
            </>
          ) : null}
          {o.status === 'active' && o.kind !== 'operator' ? (
            <Form method="post">
              <SubmitButton name="transition" value="suspend" variant="danger">
                {t('operator.suspend')}
              </SubmitButton>
            </Form>
          ) : null}
          {o.status === 'active' && o.kind === 'buyer' ? (
            <p>
              <Link to={`/impersonate?company=${o.id}`} className="button secondary">
                {t('impersonation.actAs')}
              </Link>
            </p>
          ) : null}
          {o.status === 'suspended' ? (
            <Form method="post">
              <SubmitButton name="transition" value="reactivate">
                {t('operator.reactivate')}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      </div>
      {host ? (
        <section className="panel" aria-labelledby="storefront-host">
          <h2 id="storefront-host">{t('operator.storefrontHost')}</h2>
          <p>
            <code>{host.hostname}</code> · {host.verifiedAt ? t('operator.hostVerified') : t('operator.hostPending')}
          </p>
          {!host.verifiedAt && canDecide ? (
            <Form method="post">
              <SubmitButton name="intent" value="approveHost">
                {t('operator.approveHost')}
              </SubmitButton>
            </Form>
          ) : null}
        </section>
      ) : null}
      <LinkTabs
        label={o.name}
        tabs={[
          {
            value: 'members',
            label: t('operator.members', { count: members.length }),
            content: (
              <section className="panel" aria-labelledby="members">
                <h2 id="members">{t('operator.members', { count: members.length })}</h2>
                {members.length ? (
                  <DataTable head={[t('common.name'), t('common.email'), t('common.role'), t('operator.since')]}>
                    {members.map((mb) => (
                      <tr key={mb.membershipId}>
                        <td>{mb.name}</td>
                        <td>{mb.email}</td>
                        <td>{t(`roles.${mb.role}`)}</td>
                        <td>
                          <FormattedDate iso={mb.since} />
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                ) : (
                  <EmptyState title={t('operator.noMembers')} />
                )}
              </section>
            ),
          },
          ...(seller
            ? [
                {
                  value: 'selling',
                  label: t('operator.selling'),
                  content: (
                    <div className="grid-2">
                      <section className="panel" aria-labelledby="org-offers">
                        <h2 id="org-offers">{t('catalog.offers')}</h2>
                        <p>{t('catalog.offerCounts', { active: offers.active, paused: offers.paused })}</p>
                      </section>
                      <section className="panel" aria-labelledby="org-authorizations">
                        <h2 id="org-authorizations">{t('catalog.authorizations')}</h2>
                        {authorizations.length ? (
                          <ul className="plain-list">
                            {authorizations.map((a) => (
                              <li key={a.id}>
                                <strong>{a.brandName}</strong> → {a.distributorName}
                                {a.subdivisions.length ? <span className="muted"> · {a.subdivisions.map(subdivisionName).join(', ')}</span> : null}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <p className="muted">{t('dashboard.noAuthorizations')}</p>
                        )}
                      </section>
                    </div>
                  ),
                },
              ]
            : []),
          {
            value: 'activity',
            label: t('operator.recentActivity'),
            content: (
              <section className="panel" aria-labelledby="activity">
                <h2 id="activity">{t('operator.recentActivity')}</h2>
                {activity.length ? (
                  <DataTable head={[t('common.when'), t('audit.action'), t('audit.actor'), t('common.details')]}>
                    {activity.map((e) => (
                      <tr key={e.id}>
                        <td>
                          <FormattedDate iso={e.createdAt} withTime />
                        </td>
                        <td>{actionLabel(e.action)}</td>
                        <td>{e.actorName ?? t('audit.system')}</td>
                        <td>
                          <AuditDetails details={e.details} />
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                ) : (
                  <EmptyState title={t('audit.none')} />
                )}
                <p>
                  <Link to={`/audit?organizationId=${o.id}`}>{t('dashboard.viewAll')}</Link>
                </p>
              </section>
            ),
          },
        ]}
      />
    </>
  )
}
