// What a hostile visitor tries first: forged Host headers, huge bodies, scripts the page did
// not ship. Each answer is read from the real apps.
import { request as httpRequest } from 'node:http'
import { db, expect, latestMailTo, sessionCookieFor, signIn, test, uniqueEmail } from './fixtures.ts'
import { APPS, PRODUCTION_APPS } from './urls.ts'

/** A raw request, so that Host and chunked bodies are sent exactly as a script would. */
function raw(base: string, options: { method?: string; path: string; headers?: Record<string, string>; chunks?: Buffer[] }): Promise<{ status: number; body: string }> {
  const url = new URL(base)
  return new Promise((resolve, reject) => {
    // A connection of its own: a request that lied about its length must not poison the next one.
    const req = httpRequest({ host: url.hostname, port: url.port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: false }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (c: Buffer) => parts.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(parts).toString() }))
    })
    // A reset before any answer is an answer too (status 0): the test then fails on it, not on a timeout.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve({ status: 0, body: '' }) : reject(error)))
    void (async () => {
      for (const chunk of options.chunks ?? []) {
        if (req.destroyed) return
        if (!req.write(chunk)) await new Promise((r) => req.once('drain', r))
      }
      req.end()
    })()
  })
}

test('a forged Host is refused with 421 before anything runs, and emailed links come from the configured URL only', async ({ playwright }) => {
  const victim = uniqueEmail('victim')
  const em = (await db()).em.fork()
  const { User } = await import('@tradepost/domain/users')
  await em.persist(em.create(User, { email: victim, name: 'Victim', passwordHash: 'x', locale: 'en' })).flush()

  for (const base of Object.values(APPS)) {
    for (const host of ['evil.example', 'evil.example:3100', `${new URL(base).hostname}.evil.example`]) {
      const page = await raw(base, { path: '/', headers: { Host: host } })
      expect(page.status, `${base} with Host ${host}`).toBe(421)
      const post = await raw(base, {
        method: 'POST',
        path: '/forgot-password',
        headers: { Host: host, Origin: `http://${host}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        chunks: [Buffer.from(`email=${encodeURIComponent(victim)}`)],
      })
      expect(post.status).toBe(421)
    }
  }
  // A host the app does answer outside production (localhost) still gets links to the configured URL.
  const port = new URL(APPS.market).port
  const context = await playwright.request.newContext({ extraHTTPHeaders: { Host: `localhost:${port}`, Origin: `http://localhost:${port}` } })
  const asked = await context.post(`${APPS.market}/forgot-password`, { form: { email: victim }, maxRedirects: 0 })
  expect(asked.status()).toBe(200)
  await context.dispose()
  const text = await latestMailTo(victim)
  expect(text).toContain(`${APPS.market}/reset-password/`)
  expect(text).not.toContain('localhost')
  expect(text).not.toContain('evil.example')
})

test('bodies over the cap answer 413, declared or chunked; an upload gets its own larger cap', async () => {
  const form = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: APPS.market }
  const declared = await raw(APPS.market, { method: 'POST', path: '/login', headers: { ...form, 'Content-Length': String(50 * 1024 * 1024) }, chunks: [Buffer.from('email=a')] })
  expect(declared.status).toBe(413)
  const chunked = await raw(APPS.market, { method: 'POST', path: '/login', headers: { ...form, 'Transfer-Encoding': 'chunked' }, chunks: Array.from({ length: 1024 }, () => Buffer.alloc(1024, 97)) })
  expect(chunked.status).toBe(413)
  expect(chunked.body).not.toMatch(/\n\s+at |Error:|stack/i)
  // A normal sign-in attempt of the same kind is answered by the page.
  const small = await raw(APPS.market, { method: 'POST', path: '/login', headers: form, chunks: [Buffer.from(`email=${encodeURIComponent(uniqueEmail('cap'))}&password=wrong-password`)] })
  expect(small.status).toBe(401)
  // The import page takes files of up to 20 MB: a 1 MB upload is read, and refused by the page
  // for what it is (not a CSV of offers), not by the cap. A form that takes no file caps at 256 KB.
  const cookie = await sessionCookieFor('portal', 'admin@hanoisupply.test')
  const multipart = (name: string, bytes: Buffer) => [
    Buffer.from(`--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\noffers\r\n--x\r\nContent-Disposition: form-data; name="${name}"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    bytes,
    Buffer.from('\r\n--x--\r\n'),
  ]
  const portalForm = { 'Content-Type': 'multipart/form-data; boundary=x', Origin: APPS.portal, Cookie: `${cookie.name}=${cookie.value}` }
  const upload = await raw(APPS.portal, { method: 'POST', path: '/imports', headers: portalForm, chunks: multipart('file', Buffer.alloc(1024 * 1024, 97)) })
  expect(upload.status).toBe(400)
  expect(upload.body).toContain('columns')
  const notUpload = await raw(APPS.portal, { method: 'POST', path: '/brands', headers: portalForm, chunks: multipart('name', Buffer.alloc(1024 * 1024, 97)) })
  expect(notUpload.status).toBe(413)
  // A body that is no form at all is a 400, not a 500.
  const broken = await raw(APPS.portal, { method: 'POST', path: '/brands', headers: portalForm, chunks: [Buffer.from('not a multipart body')] })
  expect(broken.status).toBe(400)
})

test('forgot-password is throttled per email, with a message on the page', async ({ page }) => {
  const email = uniqueEmail('hammered')
  await page.goto(`${APPS.market}/forgot-password`)
  const submit = async () => {
    await page.getByLabel('Email').fill(email)
    await Promise.all([page.waitForResponse((r) => r.url().includes('/forgot-password') && r.request().method() === 'POST'), page.getByRole('button', { name: 'Send the link' }).click()])
  }
  for (let i = 0; i < 5; i++) {
    await submit()
    await expect(page.getByText('If an account exists for that email')).toBeVisible()
    // The form is emptied after each request.
    await expect(page.getByLabel('Email')).toHaveValue('')
  }
  await submit()
  await expect(page.getByRole('alert')).toContainText('Too many attempts')
})

test('every kind of page sends the security headers and runs no script the page did not ship', async ({ browser }) => {
  // Twelve pages, each waited on until it runs: more than the default half minute on a busy machine.
  test.setTimeout(60_000)
  const context = await browser.newContext()
  await signIn(context, 'portal', 'admin@hanoisupply.test')
  const page = await context.newPage()
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to execute (CSP ${e.violatedDirective}) ${e.blockedURI}`))
  })
  // Its storefront has a logo, which the portal's settings page shows from the marketplace.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
  const uploaded = await page.request.post(`${APPS.portal}/storefront`, { headers: { Origin: APPS.portal }, multipart: { intent: 'uploadImage', slot: 'logo', image: { name: 'logo.png', mimeType: 'image/png', buffer: png } }, maxRedirects: 0 })
  expect(uploaded.status()).toBe(302)
  const pages = [
    `${APPS.market}/`,
    `${APPS.market}/search?q=mcb`,
    `${APPS.market}/p/sh-mcb-2p-63?near=VN-HN`,
    `${APPS.market}/s/saigon-parts`,
    `${APPS.market}/b/mekong`,
    `${APPS.market}/c/circuit-breakers`,
    `${APPS.market}/login`,
    `${APPS.market}/no-such-page`,
    `${APPS.portal}/`,
    `${APPS.portal}/offers`,
    `${APPS.portal}/storefront`,
    `${APPS.portal}/imports`,
  ]
  for (const url of pages) {
    const response = await page.goto(url)
    const headers = response!.headers()
    expect(headers['content-security-policy'], url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' })
    // Remix hydrated: its inline scripts ran with the nonce.
    await expect.poll(() => page.evaluate(() => typeof (window as unknown as { __remixContext?: unknown }).__remixContext), { message: url }).toBe('object')
    await page.waitForLoadState('networkidle')
  }
  // The logo on the settings page really loaded (an image blocked by the policy has no size).
  await page.goto(`${APPS.portal}/storefront`)
  await expect.poll(() => page.locator('img.storefront-logo-preview').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  // A client-side navigation works too (the scripts loaded and run).
  await page.goto(`${APPS.market}/`)
  await page.locator('#site-search').fill('pump')
  await page.locator('#site-search').press('Enter')
  await expect(page).toHaveURL(/\/search\?q=pump/)
  expect(violations).toEqual([])
  await context.close()
})

test('the dev mailbox opens only for a person on this machine or an operator admin, and never in production', async ({ playwright }) => {
  const status = async (base: string, who: string | null, from: string | null) => {
    const headers: Record<string, string> = {}
    if (from) headers['X-Forwarded-For'] = from
    if (who) {
      const cookie = await sessionCookieFor('portal', who)
      headers.Cookie = `${cookie.name}=${cookie.value}`
    }
    const request = await playwright.request.newContext({ extraHTTPHeaders: headers })
    const answer = await request.get(`${base}/dev/mailbox`, { maxRedirects: 0 })
    await request.dispose()
    return answer.status()
  }
  // (The test servers trust a proxy on loopback, so a request can say it comes from elsewhere.)
  const elsewhere = '203.0.113.50'
  expect(await status(APPS.portal, null, elsewhere)).toBe(404)
  expect(await status(APPS.portal, 'admin@hanoisupply.test', elsewhere)).toBe(404)
  expect(await status(APPS.portal, 'support@tradepost.test', elsewhere)).toBe(404)
  expect(await status(APPS.portal, 'operator@tradepost.test', elsewhere)).toBe(200)
  expect(await status(APPS.portal, null, null)).toBe(200)
  expect(await status(PRODUCTION_APPS.portal, 'operator@tradepost.test', null)).toBe(404)
})
