// Every page of both apps through axe-core, on a desktop and on a phone: no serious or critical
// violation, headings that do not skip a level, and touch targets large enough and apart.
import AxeBuilder from '@axe-core/playwright'
import { expect, signIn, test } from './fixtures.ts'
import { loadIds, PAGES, type Ids } from './pages.ts'
import { APPS } from './urls.ts'

/** Rules that fail whatever axe's impact for them (it calls both "moderate"). */
const ALWAYS = new Set(['heading-order', 'target-size'])
const SCREENS = [
  { name: 'desktop', viewport: { width: 1280, height: 900 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
]

// The checks are independent: spread them over the workers.
test.describe.configure({ mode: 'parallel' })

let ids: Ids

test.beforeAll(async () => {
  ids = await loadIds()
})

// One test per screen and person, so they run side by side (each page is checked in turn).
for (const screen of SCREENS) {
  for (const as of [...new Set(PAGES.map((p) => p.as))]) {
    test(`every page passes an accessibility check (${screen.name}, as ${as ?? 'a visitor'})`, async ({ browser }) => {
      test.setTimeout(180_000)
      const found: string[] = []
      const context = await browser.newContext({ viewport: screen.viewport, isMobile: screen.isMobile, hasTouch: screen.isMobile })
      if (as) for (const app of ['market', 'portal'] as const) await signIn(context, app, as)
      const page = await context.newPage()
      for (const row of PAGES.filter((p) => p.as === as)) {
        await page.goto(`${APPS[row.app]}${row.path(ids)}`)
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
        for (const v of result.violations) {
          if (v.impact !== 'serious' && v.impact !== 'critical' && !ALWAYS.has(v.id)) continue
          found.push(`${row.app} ${row.path(ids)}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
        }
      }
      await context.close()
      expect(found).toEqual([])
    })
  }
}
