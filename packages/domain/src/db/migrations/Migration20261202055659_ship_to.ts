import { Migration } from '@mikro-orm/migrations';

export class Migration20261202055659_ship_to extends Migration {

  override name = 'Migration20261202055659_ship_to';

  override up(): void | Promise<void> {
    this.addSql(`create table "ship_to" ("id" uuid not null, "organization_id" uuid not null, "name" varchar(200) not null, "address_line" varchar(300) not null, "city" varchar(120) not null, "subdivision_code" varchar(10) not null, "country" varchar(2) not null, "latitude" double precision not null, "longitude" double precision not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "ship_to_organization_id_index" on "ship_to" ("organization_id");`);
    this.addSql(`create index "ship_to_subdivision_code_index" on "ship_to" ("subdivision_code");`);

    this.addSql(`alter table "membership" add "ship_to_id" uuid null;`);
    this.addSql(`alter table "membership" add constraint "membership_ship_to_id_foreign" foreign key ("ship_to_id") references "ship_to" ("id") on delete set null;`);

    this.addSql(`alter table "ship_to" add constraint "ship_to_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "membership" drop constraint "membership_ship_to_id_foreign";`);

    this.addSql(`drop table if exists "ship_to" cascade;`);

    this.addSql(`alter table "membership" drop column "ship_to_id";`);
  }

}
