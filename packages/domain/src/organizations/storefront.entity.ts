import { defineEntity, p } from '@mikro-orm/core'
import { idColumn, updatedAtColumn } from '../db/columns.ts'
import { Organization } from './organization.entity.ts'

/** A seller's branded storefront: colours, words, and optionally a host name of its own. */
const StorefrontSchema = defineEntity({
  name: 'Storefront',
  tableName: 'storefront',
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').unique().deleteRule('cascade'),
    primaryColor: p.string().length(7).default('#1d4ed8'),
    accentColor: p.string().length(7).default('#0f766e'),
    taglineEn: p.string().length(200).default(''),
    taglineVi: p.string().length(200).default(''),
    aboutEn: p.text().default(''),
    aboutVi: p.text().default(''),
    /** Whether the seller's prices include VAT; every price it shows says which. */
    pricesIncludeVat: p.boolean().default(false),
    /** Login-gated prices: visitors see "sign in to see prices" instead of this seller's prices. */
    pricesSignedInOnly: p.boolean().default(false),
    /** How buyers reach the seller: shown on its storefront. */
    contactEmail: p.string().length(254).default(''),
    contactPhone: p.string().length(40).default(''),
    /**
     * A host name of its own (e.g. shop.hanoisupply.vn), served at its root once its owner has
     * proved control of it (a DNS TXT record with `hostnameToken`) or the operator approved it.
     */
    hostname: p.string().length(253).nullable().unique(),
    hostnameToken: p.string().length(64).nullable(),
    hostnameVerifiedAt: p.datetime().nullable(),
    /** Storage keys of the uploaded logo and banner, and their content types. */
    logoKey: p.string().length(300).nullable(),
    logoType: p.string().length(40).nullable(),
    bannerKey: p.string().length(300).nullable(),
    bannerType: p.string().length(40).nullable(),
    updatedAt: updatedAtColumn(),
  },
})
export class Storefront extends StorefrontSchema.class {}
StorefrontSchema.setClass(Storefront)
