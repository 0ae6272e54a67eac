import { Migration } from '@mikro-orm/migrations';

export class Migration20261202183639_buying_organization extends Migration {

  override name = 'Migration20261202183639_buying_organization';

  override up(): void | Promise<void> {
    this.addSql(`alter table "organization" add "buys_for_id" uuid null;`);
    this.addSql(`alter table "organization" add constraint "organization_buys_for_id_foreign" foreign key ("buys_for_id") references "organization" ("id") on delete set null;`);
    this.addSql(`alter table "organization" add constraint "organization_buys_for_id_unique" unique ("buys_for_id");`);
    this.addSql(`alter table "organization" add constraint "organization_buys_for_check" check (buys_for_id is null or kind = 'buyer');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organization" drop constraint "organization_buys_for_id_foreign";`);

    this.addSql(`alter table "organization" drop constraint "organization_buys_for_id_unique";`);
    this.addSql(`alter table "organization" drop constraint "organization_buys_for_check";`);
    this.addSql(`alter table "organization" drop column "buys_for_id";`);
  }

}
