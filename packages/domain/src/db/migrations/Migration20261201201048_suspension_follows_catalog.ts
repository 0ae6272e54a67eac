import { Migration } from '@mikro-orm/migrations';

export class Migration20261201201048_suspension_follows_catalog extends Migration {

  override name = 'Migration20261201201048_suspension_follows_catalog';

  override up(): void | Promise<void> {
    this.addSql(`alter table "product" add "owner_active" boolean not null default true;`);
    // Organizations suspended before this migration: their products leave public reads now.
    this.addSql(`update "product" set "owner_active" = false where "organization_id" in (select "id" from "organization" where "status" <> 'active');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "product" drop column "owner_active";`);
  }

}
