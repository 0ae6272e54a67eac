import { Migration } from '@mikro-orm/migrations';

export class Migration20261206131123_shipments extends Migration {

  override name = 'Migration20261206131123_shipments';

  override up(): void | Promise<void> {
    this.addSql(`create table "shipment" ("id" uuid not null, "order_id" uuid not null, "buyer_org_id" uuid not null, "seller_org_id" uuid not null, "carrier" varchar(100) not null, "tracking_number" varchar(100) null, "lines" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "shipment_order_id_index" on "shipment" ("order_id");`);

    this.addSql(`alter table "orders" drop constraint "orders_status_check";`);
    this.addSql(`alter table "orders" add constraint "orders_status_check" check ("status" in ('pending_approval', 'placed', 'confirmed', 'partially_shipped', 'shipped', 'delivered', 'completed', 'rejected', 'cancelled'));`);

    this.addSql(`alter table "order_line" add "shipped_quantity" int not null default 0;`);
    this.addSql(`alter table "order_line" add constraint "order_line_shipped_check" check (shipped_quantity >= 0 and shipped_quantity <= quantity);`);

    this.addSql(`alter table "shipment" add constraint "shipment_order_id_foreign" foreign key ("order_id") references "orders" ("id") on delete cascade;`);
    this.addSql(`alter table "shipment" add constraint "shipment_buyer_org_id_foreign" foreign key ("buyer_org_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "shipment" add constraint "shipment_seller_org_id_foreign" foreign key ("seller_org_id") references "organization" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "shipment" cascade;`);

    this.addSql(`alter table "order_line" drop constraint "order_line_shipped_check";`);
    this.addSql(`alter table "order_line" drop column "shipped_quantity";`);

    this.addSql(`alter table "orders" drop constraint "orders_status_check";`);
    this.addSql(`alter table "orders" add constraint "orders_status_check" check ("status" in ('pending_approval', 'placed', 'confirmed', 'shipped', 'delivered', 'completed', 'rejected', 'cancelled'));`);
  }

}
