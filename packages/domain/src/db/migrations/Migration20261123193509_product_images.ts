import { Migration } from '@mikro-orm/migrations';

export class Migration20261123193509_product_images extends Migration {

  override name = 'Migration20261123193509_product_images';

  override up(): void | Promise<void> {
    this.addSql(`create table "product_image" ("id" uuid not null, "organization_id" uuid not null, "product_id" uuid not null, "storage_key" varchar(300) not null, "content_type" varchar(40) not null, "bytes" int not null, "position" int not null default 0, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "product_image_organization_id_index" on "product_image" ("organization_id");`);
    this.addSql(`create index "product_image_product_id_index" on "product_image" ("product_id");`);

    this.addSql(`alter table "product_image" add constraint "product_image_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "product_image" add constraint "product_image_product_id_foreign" foreign key ("product_id") references "product" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "product_image" cascade;`);
  }

}
