import { Migration } from '@mikro-orm/migrations';

export class Migration20261123211704_product_brand_mpn extends Migration {

  override name = 'Migration20261123211704_product_brand_mpn';

  override up(): void | Promise<void> {
    this.addSql(`create index "product_brand_id_mpn_index" on "product" ("brand_id", "mpn");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "product_brand_id_mpn_index";`);
  }

}
