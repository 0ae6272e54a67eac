import { Migration } from '@mikro-orm/migrations';

export class Migration20261201195019_throttle_windows extends Migration {

  override name = 'Migration20261201195019_throttle_windows';

  override up(): void | Promise<void> {
    // Counters of the old throttle (other keys, other rules) are dropped: they are transient.
    this.addSql(`delete from "login_throttle";`);
    this.addSql(`alter table "login_throttle" add "window_started_at" timestamptz null, add "refused" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "login_throttle" drop column "window_started_at", drop column "refused";`);
  }

}
