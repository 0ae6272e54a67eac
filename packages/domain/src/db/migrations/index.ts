import type { MigrationObject } from '@mikro-orm/core'
import { Migration20261123180559_foundation } from './Migration20261123180559_foundation.ts'
import { Migration20261123183401_catalog } from './Migration20261123183401_catalog.ts'
import { Migration20261123185400_storefronts } from './Migration20261123185400_storefronts.ts'
import { Migration20261123191104_imports } from './Migration20261123191104_imports.ts'
import { Migration20261123191640_offer_sku_identity } from './Migration20261123191640_offer_sku_identity.ts'
import { Migration20261123193509_product_images } from './Migration20261123193509_product_images.ts'
import { Migration20261123195344_import_kinds } from './Migration20261123195344_import_kinds.ts'
import { Migration20261123203452_storefront_images } from './Migration20261123203452_storefront_images.ts'
import { Migration20261123211704_product_brand_mpn } from './Migration20261123211704_product_brand_mpn.ts'
import { Migration20261201195019_throttle_windows } from './Migration20261201195019_throttle_windows.ts'
import { Migration20261201201048_suspension_follows_catalog } from './Migration20261201201048_suspension_follows_catalog.ts'
import { Migration20261201204351_storefront_host_verification } from './Migration20261201204351_storefront_host_verification.ts'
import { Migration20261202000229_import_check_only } from './Migration20261202000229_import_check_only.ts'
import { Migration20261202020011_storefront_views } from './Migration20261202020011_storefront_views.ts'
import { Migration20261202024452_storefront_vat } from './Migration20261202024452_storefront_vat.ts'
import { Migration20261202035919_storefront_contact } from './Migration20261202035919_storefront_contact.ts'
import { Migration20261202044252_product_image_renditions } from './Migration20261202044252_product_image_renditions.ts'
import { Migration20261202051752_brand_logo } from './Migration20261202051752_brand_logo.ts'
import { Migration20261202055659_ship_to } from './Migration20261202055659_ship_to.ts'
import { Migration20261202074736_pricing } from './Migration20261202074736_pricing.ts'
import { Migration20261202174303_approvals } from './Migration20261202174303_approvals.ts'

/** Every migration, in order. Write a new one with `npx pnpm@10.34.9 migration:create <name>`. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261123180559_foundation', class: Migration20261123180559_foundation },
  { name: 'Migration20261123183401_catalog', class: Migration20261123183401_catalog },
  { name: 'Migration20261123185400_storefronts', class: Migration20261123185400_storefronts },
  { name: 'Migration20261123191104_imports', class: Migration20261123191104_imports },
  { name: 'Migration20261123191640_offer_sku_identity', class: Migration20261123191640_offer_sku_identity },
  { name: 'Migration20261123193509_product_images', class: Migration20261123193509_product_images },
  { name: 'Migration20261123195344_import_kinds', class: Migration20261123195344_import_kinds },
  { name: 'Migration20261123203452_storefront_images', class: Migration20261123203452_storefront_images },
  { name: 'Migration20261123211704_product_brand_mpn', class: Migration20261123211704_product_brand_mpn },
  { name: 'Migration20261201195019_throttle_windows', class: Migration20261201195019_throttle_windows },
  { name: 'Migration20261201201048_suspension_follows_catalog', class: Migration20261201201048_suspension_follows_catalog },
  { name: 'Migration20261201204351_storefront_host_verification', class: Migration20261201204351_storefront_host_verification },
  { name: 'Migration20261202000229_import_check_only', class: Migration20261202000229_import_check_only },
  { name: 'Migration20261202020011_storefront_views', class: Migration20261202020011_storefront_views },
  { name: 'Migration20261202024452_storefront_vat', class: Migration20261202024452_storefront_vat },
  { name: 'Migration20261202035919_storefront_contact', class: Migration20261202035919_storefront_contact },
  { name: 'Migration20261202044252_product_image_renditions', class: Migration20261202044252_product_image_renditions },
  { name: 'Migration20261202051752_brand_logo', class: Migration20261202051752_brand_logo },
  { name: 'Migration20261202055659_ship_to', class: Migration20261202055659_ship_to },
  { name: 'Migration20261202074736_pricing', class: Migration20261202074736_pricing },
  { name: 'Migration20261202174303_approvals', class: Migration20261202174303_approvals },
]
