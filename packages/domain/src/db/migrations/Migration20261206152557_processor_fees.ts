import { Migration } from '@mikro-orm/migrations';

export class Migration20261206152557_processor_fees extends Migration {

  override name = 'Migration20261206152557_processor_fees';

  override up(): void | Promise<void> {
    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_account_check";`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_account_check" check ("account" in ('buyer_charge', 'seller_share', 'commission', 'territory_share', 'processor_fee', 'processor'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_account_check";`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_account_check" check ("account" in ('buyer_charge', 'seller_share', 'commission', 'territory_share'));`);
  }

}
