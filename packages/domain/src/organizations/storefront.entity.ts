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
    /** Served at the root of this host when set (e.g. shop.hanoisupply.vn). */
    hostname: p.string().length(253).nullable().unique(),
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
