import { Migration } from '@mikro-orm/migrations';

export class Migration20261202024452_storefront_vat extends Migration {

  override name = 'Migration20261202024452_storefront_vat';

  override up(): void | Promise<void> {
    this.addSql(`alter table "storefront" add "prices_include_vat" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "storefront" drop column "prices_include_vat";`);
  }

}
