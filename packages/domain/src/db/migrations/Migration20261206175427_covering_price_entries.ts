import { Migration } from '@mikro-orm/migrations';

export class Migration20261206175427_covering_price_entries extends Migration {

  override name = 'Migration20261206175427_covering_price_entries';

  override up(): void | Promise<void> {
    this.addSql(`drop index "price_list_entry_offer_id_index";`);
    this.addSql(`create index "price_list_entry_offer_covering_index" on "price_list_entry" ("offer_id") include ("price_list_id", "percent_off_bp", "tiers");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "price_list_entry_offer_covering_index";`);
    this.addSql(`create index "price_list_entry_offer_id_index" on "price_list_entry" ("offer_id");`);
  }

}
