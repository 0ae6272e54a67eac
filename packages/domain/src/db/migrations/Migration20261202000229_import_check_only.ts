import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000229_import_check_only extends Migration {

  override name = 'Migration20261202000229_import_check_only';

  override up(): void | Promise<void> {
    this.addSql(`alter table "import_job" add "check_only" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "import_job" drop column "check_only";`);
  }

}
