import { Migration } from '@mikro-orm/migrations';

export class Migration20261202020011_storefront_views extends Migration {

  override name = 'Migration20261202020011_storefront_views';

  override up(): void | Promise<void> {
    this.addSql(`create table "storefront_view" ("organization_id" uuid not null, "day" date not null, "views" int not null default 0, primary key ("organization_id", "day"));`);

    this.addSql(`alter table "storefront_view" add constraint "storefront_view_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "storefront_view" cascade;`);
  }

}
