import { useEffect, useState } from 'react'

let hydrating = true

/**
 * False on the server and during hydration, true once React runs in the browser. Widgets that need
 * JavaScript (menus, dialogs, toasts) render their no-JavaScript form until then, so the page works
 * before and without scripts and hydration never mismatches.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(() => !hydrating)
  useEffect(() => {
    hydrating = false
    setHydrated(true)
  }, [])
  return hydrated
}
