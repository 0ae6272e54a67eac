import { Migration } from '@mikro-orm/migrations';

export class Migration20261201204351_storefront_host_verification extends Migration {

  override name = 'Migration20261201204351_storefront_host_verification';

  override up(): void | Promise<void> {
    this.addSql(`alter table "storefront" add "hostname_token" varchar(64) null, add "hostname_verified_at" timestamptz null;`);
    // Host names claimed before verification existed stop serving until they are proved.
    this.addSql(`update "storefront" set "hostname_token" = md5(random()::text || "id"::text) where "hostname" is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "storefront" drop column "hostname_token", drop column "hostname_verified_at";`);
  }

}
