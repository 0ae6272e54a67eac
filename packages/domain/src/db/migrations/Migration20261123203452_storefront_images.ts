import { Migration } from '@mikro-orm/migrations';

export class Migration20261123203452_storefront_images extends Migration {

  override name = 'Migration20261123203452_storefront_images';

  override up(): void | Promise<void> {
    this.addSql(`alter table "storefront" add "logo_key" varchar(300) null, add "logo_type" varchar(40) null, add "banner_key" varchar(300) null, add "banner_type" varchar(40) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "storefront" drop column "logo_key", drop column "logo_type", drop column "banner_key", drop column "banner_type";`);
  }

}
