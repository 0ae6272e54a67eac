import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import { InviteMemberSchema } from '@tradepost/domain/schemas'
import { DataTable, EmptyState, FormattedDate } from '../components/data.tsx'
import { ActionButton, Field, FormErrors, Notice, SelectField, SubmitButton } from '../components/forms.tsx'
import { PageHeader } from '../components/shell.tsx'

interface MembersData {
  members: { membershipId: string; name: string; email: string; role: string; since: string }[]
  invitations: { id: string; email: string; role: string; expiresAt: string }[]
  roles: readonly string[]
}

/** Members of the active organization, its pending invitations and the invite form. */
export function MembersPage() {
  const { t } = useTranslation()
  const { members, invitations, roles } = useLoaderData<MembersData>()
  const actionData = useActionData<{ result?: SubmissionResult<string[]> }>()
  const [params] = useSearchParams()
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteMemberSchema }),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    defaultValue: { role: roles[roles.length - 1] },
  })
  const notice = params.get('notice')
  return (
    <>
      <PageHeader title={t('members.title')} />
      {notice === 'invited' ? <Notice tone="success">{t('members.invited', { email: params.get('email') })}</Notice> : null}
      {notice === 'revoked' ? <Notice tone="success">{t('members.revoked')}</Notice> : null}
      <DataTable head={[t('common.name'), t('common.email'), t('common.role'), t('members.since')]}>
            {members.map((m) => (
              <tr key={m.membershipId}>
                <td>{m.name}</td>
                <td>{m.email}</td>
                <td>{t(`roles.${m.role}`)}</td>
                <td>
                  <FormattedDate iso={m.since} />
                </td>
              </tr>
            ))}
          </DataTable>
      <div className="grid-2">
        <section className="panel">
          <h2>{t('members.invite')}</h2>
          <p className="muted">{t('members.inviteHint')}</p>
          <Form method="post" {...getFormProps(form)}>
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
                      <ActionButton intent="revoke" label={t('members.revoke')} variant="danger" hidden={{ invitationId: i.id }} />
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
