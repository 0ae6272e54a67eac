import { Migration } from '@mikro-orm/migrations';

export class Migration20261123191640_offer_sku_identity extends Migration {

  override name = 'Migration20261123191640_offer_sku_identity';

  override up(): void | Promise<void> {
    this.addSql(`alter table "offer" drop constraint "offer_organization_id_product_id_unique";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "offer" add constraint "offer_organization_id_product_id_unique" unique ("organization_id", "product_id");`);
  }

}
