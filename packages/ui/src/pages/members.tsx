import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InviteMemberSchema } from '@tradepost/domain/schemas'
import { ConfirmButton, ConfirmPanel } from '../components/confirm.tsx'
import { DataTable, EmptyState, FormattedDate } from '../components/data.tsx'
import { ActionButton, ErrorAlert, Field, FormErrors, Notice, SelectField, SubmitButton } from '../components/forms.tsx'
import { PageHeader } from '../components/shell.tsx'

interface PeopleData {
  organization: { id: string; name: string }
  organizations: { id: string; name: string }[]
  members: { membershipId: string; name: string; email: string; role: string; since: string }[]
  invitations: { id: string; email: string; role: string; expiresAt: string }[]
  roles: readonly string[]
  canManage: boolean
}

type Answer = { result?: SubmissionResult<string[]> } | { memberError: string } | { confirm: 'remove'; membershipId: string; name: string }

/**
 * An organization's people: its members (their roles, changed here; removed after a question),
 * its pending invitations and the invite form. A parent company's admins switch to a company
 * below it and keep its people the same way.
 */
export function MembersPage() {
  const { t } = useTranslation()
  const { organization, organizations, members, invitations, roles, canManage } = useLoaderData<PeopleData>()
  const answer = useActionData<Answer>()
  const [params] = useSearchParams()
  const { pathname } = useLocation()
  const own = organizations[0]?.id === organization.id
  const here = own ? pathname : `${pathname}?company=${organization.id}`
  const [form, fields] = useForm({
    id: `invite-${organization.id}`,
    lastResult: answer && 'result' in answer ? answer.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteMemberSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: { role: roles[roles.length - 1] },
  })
  const notice = params.get('notice')
  const removeQuestion = (name: string) => ({ title: t('members.removeQuestion', { name, organization: organization.name }), description: t('members.removeHint'), confirmLabel: t('members.removeConfirm') })
  return (
    <>
      <PageHeader title={own ? t('members.title') : t('members.titleOf', { organization: organization.name })} />
      {organizations.length > 1 ? (
        <nav className="toolbar" aria-label={t('members.companies')}>
          {organizations.map((o, i) => (
            <Link key={o.id} to={i === 0 ? pathname : `${pathname}?company=${o.id}`} aria-current={o.id === organization.id ? 'page' : undefined} className={o.id === organization.id ? 'button primary small' : 'button secondary small'}>
              {o.name}
            </Link>
          ))}
        </nav>
      ) : null}
      {notice === 'invited' ? <Notice tone="success">{t('members.invited', { email: params.get('email') })}</Notice> : null}
      {notice === 'revoked' || notice === 'roleChanged' || notice === 'removed' ? <Notice tone="success">{t(`members.${notice}`)}</Notice> : null}
      {answer && 'memberError' in answer ? <ErrorAlert error={{ code: answer.memberError }} /> : null}
      {answer && 'confirm' in answer ? <ConfirmPanel intent="remove" hidden={{ membershipId: answer.membershipId }} {...removeQuestion(answer.name)} cancelTo={here} /> : null}
      <DataTable head={[t('common.name'), t('common.email'), t('common.role'), t('members.since'), ...(canManage ? [''] : [])]}>
        {members.map((m) => (
          <tr key={m.membershipId}>
            <td>{m.name}</td>
            <td>{m.email}</td>
            <td>
              {canManage ? (
              <Form method="post" action={here} className="inline-role">
                <input type="hidden" name="intent" value="role" />
                <input type="hidden" name="membershipId" value={m.membershipId} />
                <label className="visually-hidden" htmlFor={`role-${m.membershipId}`}>
                  {t('members.roleOf', { name: m.name })}
                </label>
                <select id={`role-${m.membershipId}`} name="role" defaultValue={m.role}>
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`roles.${r}`)}
                    </option>
                  ))}
                </select>
                <SubmitButton variant="secondary">
                  {t('members.changeRole')}
                  <span className="visually-hidden"> {t('members.forName', { name: m.name })}</span>
                </SubmitButton>
              </Form>
              ) : (
                t(`roles.${m.role}`)
              )}
            </td>
            <td>
              <FormattedDate iso={m.since} />
            </td>
            {canManage ? (
              <td>
                <ConfirmButton intent="remove" label={t('members.remove')} hidden={{ membershipId: m.membershipId }} {...removeQuestion(m.name)} />
              </td>
            ) : null}
          </tr>
        ))}
      </DataTable>
      <div className="grid-2">
        <section className="panel">
          <h2>{t('members.invite')}</h2>
          <p className="muted">{t('members.inviteHint')}</p>
          <Form method="post" action={here} {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <Field label={t('common.email')} errors={fields.email.errors} inputProps={{ ...getInputProps(fields.email, { type: 'email' }) }} />
            <SelectField label={t('common.role')} errors={fields.role.errors} selectProps={getSelectProps(fields.role)} options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            <SubmitButton name="intent" value="invite">
              {t('members.sendInvite')}
            </SubmitButton>
          </Form>
        </section>
        <section className="panel">
          <h2>{t('members.pending')}</h2>
          {invitations.length === 0 ? (
            <EmptyState title={t('members.none')} />
          ) : (
            <table>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {i.email}
                      <br />
                      <small className="muted">
                        {t(`roles.${i.role}`)} · {t('members.expires')} <FormattedDate iso={i.expiresAt} />
                      </small>
                    </td>
                    <td>
                      <ActionButton action={here} intent="revoke" label={t('members.revoke')} variant="danger" hidden={{ invitationId: i.id }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
    </>
  )
}
