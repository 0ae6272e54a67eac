import { Migration } from '@mikro-orm/migrations';

export class Migration20261202051752_brand_logo extends Migration {

  override name = 'Migration20261202051752_brand_logo';

  override up(): void | Promise<void> {
    this.addSql(`alter table "brand" add "logo_key" varchar(300) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "brand" drop column "logo_key";`);
  }

}
