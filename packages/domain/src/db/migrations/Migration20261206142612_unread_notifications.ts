import { Migration } from '@mikro-orm/migrations';

export class Migration20261206142612_unread_notifications extends Migration {

  override name = 'Migration20261206142612_unread_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create index "notification_unread_index" on "notification" ("user_id", "organization_id") where "read_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "notification_unread_index";`);
  }

}
