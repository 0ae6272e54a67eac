import { Migration } from '@mikro-orm/migrations';

export class Migration20261123185400_storefronts extends Migration {

  override name = 'Migration20261123185400_storefronts';

  override up(): void | Promise<void> {
    this.addSql(`create table "storefront" ("id" uuid not null, "organization_id" uuid not null, "primary_color" varchar(7) not null default '#1d4ed8', "accent_color" varchar(7) not null default '#0f766e', "tagline_en" varchar(200) not null default '', "tagline_vi" varchar(200) not null default '', "about_en" text not null default '', "about_vi" text not null default '', "hostname" varchar(253) null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "storefront" add constraint "storefront_organization_id_unique" unique ("organization_id");`);
    this.addSql(`alter table "storefront" add constraint "storefront_hostname_unique" unique ("hostname");`);

    this.addSql(`alter table "storefront" add constraint "storefront_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "storefront" cascade;`);
  }

}
