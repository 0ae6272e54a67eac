import { Migration } from '@mikro-orm/migrations';

export class Migration20261202035919_storefront_contact extends Migration {

  override name = 'Migration20261202035919_storefront_contact';

  override up(): void | Promise<void> {
    this.addSql(`alter table "storefront" add "contact_email" varchar(254) not null default '', add "contact_phone" varchar(40) not null default '';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "storefront" drop column "contact_email", drop column "contact_phone";`);
  }

}
