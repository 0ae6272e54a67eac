import * as Tabs from '@radix-ui/react-tabs'
import { Link, useSearchParams, type ShouldRevalidateFunctionArgs } from '@remix-run/react'
import type { ReactNode } from 'react'

export interface TabItem {
  value: string
  label: ReactNode
  content: ReactNode
}

/**
 * Tabs whose choice lives in the address (`?tab=…`): Radix tabs (roles, arrow keys between tabs)
 * whose triggers are links, so a tab can be shared, the back button works, and it works without
 * JavaScript too (the server renders the chosen tab). Only the chosen tab's content is rendered.
 */
export function LinkTabs({ label, tabs, param = 'tab' }: { label: string; tabs: TabItem[]; param?: string }) {
  const [params] = useSearchParams()
  const active = tabs.find((tab) => tab.value === params.get(param))?.value ?? tabs[0]!.value
  const href = (value: string) => {
    const next = new URLSearchParams(params)
    next.delete('notice')
    if (value === tabs[0]!.value) next.delete(param)
    else next.set(param, value)
    const query = next.toString()
    return query ? `?${query}` : '.'
  }
  return (
    <Tabs.Root value={active} activationMode="manual">
      <Tabs.List aria-label={label} className="tabs-list">
        {tabs.map((tab) => (
          <Tabs.Trigger key={tab.value} value={tab.value} asChild>
            <Link to={href(tab.value)} replace preventScrollReset className="tab">
              {tab.label}
            </Link>
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Content key={tab.value} value={tab.value} className="tab-panel">
          {tab.content}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  )
}

/** For a route with LinkTabs: switching tabs alone does not reload the page's data. */
export function skipRevalidationOnTab(param = 'tab') {
  return ({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) => {
    if (formMethod || currentUrl.pathname !== nextUrl.pathname) return defaultShouldRevalidate
    const strip = (url: URL) => {
      const p = new URLSearchParams(url.search)
      p.delete(param)
      p.delete('notice')
      return p.toString()
    }
    return strip(currentUrl) === strip(nextUrl) ? false : defaultShouldRevalidate
  }
}
