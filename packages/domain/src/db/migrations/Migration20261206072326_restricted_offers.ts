import { Migration } from '@mikro-orm/migrations';

export class Migration20261206072326_restricted_offers extends Migration {

  override name = 'Migration20261206072326_restricted_offers';

  override up(): void | Promise<void> {
    this.addSql(`alter table "offer" add "visible_to" text[] not null default '{public}', add "seller_active" boolean not null default true, add "price_on_request" boolean not null default false;`);

    this.addSql(`alter table "storefront" add "prices_signed_in_only" boolean not null default false;`);
    // Offers of sellers that are not active leave public reads, as their products do.
    this.addSql(`update "offer" set "seller_active" = false where "organization_id" in (select "id" from "organization" where "status" <> 'active');`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "offer" drop column "visible_to", drop column "seller_active", drop column "price_on_request";`);

    this.addSql(`alter table "storefront" drop column "prices_signed_in_only";`);
  }

}
