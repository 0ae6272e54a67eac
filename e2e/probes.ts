// The cross-tenant probe table: every route and action of both apps, with how to reach it
// against another organization's data. cross-tenant.spec.ts runs each row as anonymous and as a
// member of another organization; the answer must be a refusal (or the prober's own data) and
// never contain the target's secret. Every new route adds its rows here.
import type { AppName } from './urls.ts'

export interface World {
  /** Ids of the demo organizations, by slug. */
  org: Record<string, string>
  /** A draft product of Sông Hồng Electric: its id, slug and name (the secret). */
  draft: { id: string; slug: string; name: string }
  draftCategory: string
  /** Sông Hồng's brand id. */
  brand: string
  /** An image of the draft product. */
  draftImage: string
  /** An import of Hà Nội Industrial Supply: its id and file name (the secret). */
  importJob: { id: string; filename: string }
  /** A pending invitation of each target organization (its id), and the invited email (a secret). */
  invitation: { buyer: { id: string; email: string }; seller: { id: string; email: string } }
}

export interface Probe {
  /** The route module, as its file is named under apps/<app>/app/routes (without extension). */
  route: string
  name: string
  app: AppName
  method: 'GET' | 'POST'
  path: (w: World) => string
  form?: (w: World) => Record<string, string>
  /**
   * `denied`: 403/404/410 (anonymous may also be sent to the login page).
   * `own`: the route serves the prober's own data; anything but a 5xx, without the secret.
   */
  expect: 'denied' | 'own'
  /** Text of the target tenant that must never appear in the answer. */
  secret: (w: World) => string
  /** Who probes, in addition to anonymous: a member of another organization, by email. */
  outsider: string
}

const SELLER_OUTSIDER = 'admin@danangtrading.test' // a distributor admin, not of Hà Nội Industrial Supply
const BUYER_OUTSIDER = 'admin@haiphongshipyard.test' // a buyer admin, not of Bến Thành
const sellerSecret = (w: World) => w.invitation.seller.email
const buyerSecret = (w: World) => w.invitation.buyer.email

export const PROBES: Probe[] = [
  // Seller portal
  { route: '_index', name: 'dashboard', app: 'portal', method: 'GET', path: () => '/', expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER },
  { route: 'members', name: 'members list', app: 'portal', method: 'GET', path: () => '/members', expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER },
  { route: 'members', name: 'revoke another organization\'s invitation', app: 'portal', method: 'POST', path: () => '/members', form: (w) => ({ intent: 'revoke', invitationId: w.invitation.seller.id }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER },
  { route: 'organizations._index', name: 'operator: organization list', app: 'portal', method: 'GET', path: () => '/organizations', expect: 'denied', secret: (w) => w.org['hanoi-industrial-supply']!, outsider: SELLER_OUTSIDER },
  { route: 'organizations.$id', name: 'operator: organization detail', app: 'portal', method: 'GET', path: (w) => `/organizations/${w.org['hanoi-industrial-supply']}`, expect: 'denied', secret: () => 'Kho Long Biên', outsider: SELLER_OUTSIDER },
  { route: 'organizations.$id', name: 'operator: suspend an organization', app: 'portal', method: 'POST', path: (w) => `/organizations/${w.org['hanoi-industrial-supply']}`, form: () => ({ transition: 'suspend' }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER },
  { route: 'audit', name: 'audit log filtered to another organization', app: 'portal', method: 'GET', path: (w) => `/audit?organizationId=${w.org['hanoi-industrial-supply']}`, expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER },
  { route: 'switch-org', name: 'switch to an organization one is not a member of', app: 'portal', method: 'POST', path: () => '/switch-org', form: (w) => ({ organizationId: w.org['hanoi-industrial-supply']!, redirectTo: '/' }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER },
  { route: 'switch-org', name: 'switch to a buyer organization from the portal', app: 'portal', method: 'POST', path: () => '/switch-org', form: (w) => ({ organizationId: w.org['ben-thanh-construction']!, redirectTo: '/' }), expect: 'denied', secret: buyerSecret, outsider: SELLER_OUTSIDER },
  { route: 'products._index', name: 'product list', app: 'portal', method: 'GET', path: () => '/products', expect: 'own', secret: (w) => w.draft.name, outsider: 'admin@mekongpumps.test' },
  { route: 'products.$id', name: 'another manufacturer\'s draft product', app: 'portal', method: 'GET', path: (w) => `/products/${w.draft.id}`, expect: 'denied', secret: (w) => w.draft.name, outsider: 'admin@mekongpumps.test' },
  { route: 'products.$id', name: 'publish another manufacturer\'s product', app: 'portal', method: 'POST', path: (w) => `/products/${w.draft.id}`, form: () => ({ intent: 'publish' }), expect: 'denied', secret: (w) => w.draft.name, outsider: 'admin@mekongpumps.test' },
  { route: 'products.$id', name: 'edit another manufacturer\'s product', app: 'portal', method: 'POST', path: (w) => `/products/${w.draft.id}`, form: (w) => ({ mpn: 'HIJACK-1', nameEn: 'x', nameVi: 'x', categoryId: w.draftCategory }), expect: 'denied', secret: (w) => w.draft.name, outsider: 'admin@mekongpumps.test' },
  { route: 'offers', name: 'offer list', app: 'portal', method: 'GET', path: () => '/offers', expect: 'own', secret: (w) => w.draft.name, outsider: SELLER_OUTSIDER },
  { route: 'offers', name: 'offer on another manufacturer\'s draft', app: 'portal', method: 'POST', path: () => '/offers', form: (w) => ({ productId: w.draft.id, sku: 'X-1', price: '100', currency: 'VND' }), expect: 'own', secret: (w) => w.draft.name, outsider: SELLER_OUTSIDER },
  { route: 'storefront', name: 'storefront settings', app: 'portal', method: 'GET', path: () => '/storefront', expect: 'own', secret: (w) => w.draft.name, outsider: SELLER_OUTSIDER },
  { route: 'storefront', name: 'save storefront settings', app: 'portal', method: 'POST', path: () => '/storefront', form: () => ({ primaryColor: '#000000', accentColor: '#ffffff' }), expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER },
  { route: 'brands', name: 'brand list', app: 'portal', method: 'GET', path: () => '/brands', expect: 'own', secret: (w) => w.draft.name, outsider: 'admin@mekongpumps.test' },
  { route: 'brands', name: 'create a brand as a distributor', app: 'portal', method: 'POST', path: () => '/brands', form: () => ({ name: 'Hijack brand' }), expect: 'denied', secret: sellerSecret, outsider: SELLER_OUTSIDER },
  { route: 'authorizations', name: 'authorizations list', app: 'portal', method: 'GET', path: () => '/authorizations', expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER },
  { route: 'authorizations', name: 'authorize oneself for another manufacturer\'s brand', app: 'portal', method: 'POST', path: () => '/authorizations', form: (w) => ({ brandId: w.brand, distributorId: w.org['da-nang-trading']!, subdivisions: 'VN-DN' }), expect: 'own', secret: sellerSecret, outsider: 'admin@mekongpumps.test' },
  { route: 'imports._index', name: 'import history', app: 'portal', method: 'GET', path: () => '/imports', expect: 'own', secret: (w) => w.importJob.filename, outsider: SELLER_OUTSIDER },
  { route: 'imports._index', name: 'upload without a file', app: 'portal', method: 'POST', path: () => '/imports', form: () => ({}), expect: 'own', secret: (w) => w.importJob.filename, outsider: SELLER_OUTSIDER },
  { route: 'imports.$id', name: 'another seller\'s import', app: 'portal', method: 'GET', path: (w) => `/imports/${w.importJob.id}`, expect: 'denied', secret: (w) => w.importJob.filename, outsider: SELLER_OUTSIDER },
  { route: 'imports.$id.errors[.csv]', name: 'another seller\'s import errors', app: 'portal', method: 'GET', path: (w) => `/imports/${w.importJob.id}/errors.csv`, expect: 'denied', secret: () => 'SECRET-LINE', outsider: SELLER_OUTSIDER },
  { route: 'offers[.csv]', name: 'offer export', app: 'portal', method: 'GET', path: () => '/offers.csv', expect: 'own', secret: () => 'HNIS-MCB2P63', outsider: SELLER_OUTSIDER },
  { route: 'products[.csv]', name: 'product export', app: 'portal', method: 'GET', path: () => '/products.csv', expect: 'own', secret: (w) => w.draft.name, outsider: 'admin@mekongpumps.test' },
  { route: 'media.$id', name: 'image of another manufacturer\'s draft', app: 'portal', method: 'GET', path: (w) => `/media/${w.draftImage}`, expect: 'denied', secret: (w) => w.draft.name, outsider: 'admin@mekongpumps.test' },
  { route: 'media.$id', name: 'image of a draft product', app: 'market', method: 'GET', path: (w) => `/media/${w.draftImage}`, expect: 'denied', secret: (w) => w.draft.name, outsider: BUYER_OUTSIDER },
  // Marketplace
  { route: 's.$slug', name: 'storefront of a buyer company (none)', app: 'market', method: 'GET', path: () => '/s/ben-thanh-construction', expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER },
  { route: 's.$slug', name: 'storefront never shows drafts', app: 'market', method: 'GET', path: () => '/s/song-hong-electric', expect: 'own', secret: (w) => w.draft.name, outsider: BUYER_OUTSIDER },
  { route: 's.$slug_.images.$slot', name: 'storefront logo of a buyer company (none)', app: 'market', method: 'GET', path: () => '/s/ben-thanh-construction/images/logo', expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER },
  { route: 'b.$slug', name: 'brand page never shows drafts', app: 'market', method: 'GET', path: () => '/b/song-hong', expect: 'own', secret: (w) => w.draft.name, outsider: BUYER_OUTSIDER },
  { route: 'c.$slug', name: 'category page never shows drafts', app: 'market', method: 'GET', path: () => '/c/circuit-breakers', expect: 'own', secret: (w) => w.draft.name, outsider: BUYER_OUTSIDER },
  { route: 'search', name: 'search never shows drafts', app: 'market', method: 'GET', path: (w) => `/search?q=${encodeURIComponent(w.draft.name)}`, expect: 'own', secret: (w) => w.draft.slug, outsider: BUYER_OUTSIDER },
  { route: 'p.$slug', name: 'product page of a draft', app: 'market', method: 'GET', path: (w) => `/p/${w.draft.slug}`, expect: 'denied', secret: (w) => w.draft.name, outsider: BUYER_OUTSIDER },
  { route: 'account.members', name: 'buyer members list', app: 'market', method: 'GET', path: () => '/account/members', expect: 'own', secret: buyerSecret, outsider: BUYER_OUTSIDER },
  { route: 'account.members', name: 'buyer members list as a seller', app: 'market', method: 'GET', path: () => '/account/members', expect: 'denied', secret: buyerSecret, outsider: SELLER_OUTSIDER },
  { route: 'account.members', name: 'revoke another buyer\'s invitation', app: 'market', method: 'POST', path: () => '/account/members', form: (w) => ({ intent: 'revoke', invitationId: w.invitation.buyer.id }), expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER },
  { route: 'switch-org', name: 'switch to another buyer organization', app: 'market', method: 'POST', path: () => '/switch-org', form: (w) => ({ organizationId: w.org['ben-thanh-construction']!, redirectTo: '/' }), expect: 'denied', secret: buyerSecret, outsider: BUYER_OUTSIDER },
  { route: '_index', name: 'home page', app: 'market', method: 'GET', path: () => '/', expect: 'own', secret: buyerSecret, outsider: BUYER_OUTSIDER },
  // Public pages and endpoints of both apps: whoever asks gets the same, never a tenant's data.
  ...(['market', 'portal'] as const).flatMap((app): Probe[] => {
    const secret = app === 'market' ? buyerSecret : sellerSecret
    const outsider = app === 'market' ? BUYER_OUTSIDER : SELLER_OUTSIDER
    const open = (route: string, path: string, method: 'GET' | 'POST' = 'GET', form?: Record<string, string>): Probe => ({
      route, name: `${route} (public)`, app, method, path: () => path, form: form ? () => form : undefined, expect: 'own', secret, outsider,
    })
    return [
      open('login', '/login'),
      open('signup', '/signup'),
      open('forgot-password', '/forgot-password'),
      open('healthz', '/healthz'),
      open('readyz', '/readyz'),
      open('set-language', '/set-language', 'POST', { lng: 'vi', redirectTo: '/' }),
      open('logout', '/logout', 'POST', { scope: 'this' }),
      { route: 'invitations.$token', name: 'invitation with a forged token', app, method: 'GET', path: () => '/invitations/forged-token', expect: 'denied', secret, outsider },
      { route: 'invitations.$token', name: 'accept with a forged token', app, method: 'POST', path: () => '/invitations/forged-token', form: () => ({ name: 'x', password: 'long-enough-1' }), expect: 'denied', secret, outsider },
      { route: 'reset-password.$token', name: 'reset with a forged token', app, method: 'POST', path: () => '/reset-password/forged-token', form: () => ({ password: 'long-enough-1', confirm: 'long-enough-1' }), expect: 'denied', secret, outsider },
    ]
  }),
  // Development only (absent when APP_ENV=production or SMTP_URL is set); it lists stored emails.
  { route: 'dev.mailbox', name: 'dev mailbox', app: 'portal', method: 'GET', path: () => '/dev/mailbox', expect: 'own', secret: sellerSecret, outsider: SELLER_OUTSIDER },
]
