import { Migration } from '@mikro-orm/migrations';

export class Migration20261202184607_import_prices extends Migration {

  override name = 'Migration20261202184607_import_prices';

  override up(): void | Promise<void> {
    this.addSql(`alter table "import_job" drop constraint "import_job_kind_check";`);
    this.addSql(`alter table "import_job" add constraint "import_job_kind_check" check ("kind" in ('offers', 'products', 'prices'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "import_job" drop constraint "import_job_kind_check";`);
    this.addSql(`alter table "import_job" add constraint "import_job_kind_check" check ("kind" in ('offers', 'products'));`);
  }

}
