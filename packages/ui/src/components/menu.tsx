import * as DropdownMenu from '@radix-ui/react-dropdown-menu'
import { Form, useSubmit } from '@remix-run/react'
import { Check, ChevronDown, LogOut, UserRound } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { useHydrated } from './hydrated.ts'

export interface AccountMenuProps {
  user: { name: string; email: string }
  organizations: { organizationId: string; name: string }[]
  activeOrganizationId: string | null
}

const itemClass = 'flex min-h-11 cursor-pointer select-none items-center gap-2 rounded-md px-3 text-sm outline-none data-[highlighted]:bg-blue-50 data-[highlighted]:text-brand-dark'

/**
 * The signed-in person's menu: which organization they act for, and signing out. A Radix dropdown
 * menu (arrow keys, typeahead, Escape) once JavaScript runs; a disclosure with plain forms before.
 */
export function AccountMenu({ user, organizations, activeOrganizationId }: AccountMenuProps) {
  const hydrated = useHydrated()
  const submit = useSubmit()
  const { t } = useTranslation()
  const trigger = (
    <>
      <UserRound aria-hidden="true" size={18} />
      <span className="hidden max-w-48 truncate sm:inline">{user.name}</span>
      <ChevronDown aria-hidden="true" size={16} />
    </>
  )
  const triggerClass = 'inline-flex min-h-11 items-center gap-1.5 rounded-md px-2 font-medium hover:bg-slate-100'
  if (!hydrated) {
    return (
      <details className="usermenu">
        <summary className={triggerClass}>{trigger}</summary>
        <div className="menu">
          <p className="muted">{user.email}</p>
          {organizations.length > 1 ? (
            <Form method="post" action="/switch-org" className="switcher">
              <input type="hidden" name="redirectTo" value="/" />
              <label htmlFor="org-switcher" className="visually-hidden">
                {t('common.organization')}
              </label>
              <select id="org-switcher" name="organizationId" defaultValue={activeOrganizationId ?? undefined}>
                {organizations.map((o) => (
                  <option key={o.organizationId} value={o.organizationId}>
                    {o.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="button secondary small">
                {t('common.switch')}
              </button>
            </Form>
          ) : null}
          <Form method="post" action="/logout">
            <button type="submit" name="scope" value="this" className="button secondary small">
              {t('common.signOut')}
            </button>
            <button type="submit" name="scope" value="all" className="button secondary small">
              {t('common.signOutEverywhere')}
            </button>
          </Form>
        </div>
      </details>
    )
  }
  const signOut = (scope: 'this' | 'all') => submit({ scope }, { method: 'post', action: '/logout' })
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger className={triggerClass} aria-label={`${t('common.account')}: ${user.name}`}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-64 max-w-[calc(100vw-1rem)] rounded-lg border border-line bg-white p-1.5 shadow-lg">
          <DropdownMenu.Label className="px-3 py-2 text-sm">
            <span className="block font-semibold">{user.name}</span>
            <span className="block truncate text-muted">{user.email}</span>
          </DropdownMenu.Label>
          {organizations.length > 1 ? (
            <>
              <DropdownMenu.Separator className="my-1 h-px bg-line" />
              <DropdownMenu.Label className="px-3 pt-1 text-xs font-semibold uppercase tracking-wide text-muted">{t('common.organization')}</DropdownMenu.Label>
              <DropdownMenu.RadioGroup
                value={activeOrganizationId ?? undefined}
                onValueChange={(organizationId) => submit({ organizationId, redirectTo: '/' }, { method: 'post', action: '/switch-org' })}
              >
                {organizations.map((o) => (
                  <DropdownMenu.RadioItem key={o.organizationId} value={o.organizationId} className={itemClass}>
                    <span className="grid size-4 place-items-center">
                      <DropdownMenu.ItemIndicator>
                        <Check aria-hidden="true" size={16} />
                      </DropdownMenu.ItemIndicator>
                    </span>
                    {o.name}
                  </DropdownMenu.RadioItem>
                ))}
              </DropdownMenu.RadioGroup>
            </>
          ) : null}
          <DropdownMenu.Separator className="my-1 h-px bg-line" />
          <DropdownMenu.Item className={itemClass} onSelect={() => signOut('this')}>
            <LogOut aria-hidden="true" size={16} />
            {t('common.signOut')}
          </DropdownMenu.Item>
          <DropdownMenu.Item className={itemClass} onSelect={() => signOut('all')}>
            <span className="size-4" />
            {t('common.signOutEverywhere')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
