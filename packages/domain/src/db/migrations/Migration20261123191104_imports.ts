import { Migration } from '@mikro-orm/migrations';

export class Migration20261123191104_imports extends Migration {

  override name = 'Migration20261123191104_imports';

  override up(): void | Promise<void> {
    this.addSql(`create table "import_job" ("id" uuid not null, "organization_id" uuid not null, "created_by_user_id" uuid not null, "kind" text not null, "filename" varchar(255) not null, "status" text not null default 'queued', "total_rows" int not null default 0, "processed_rows" int not null default 0, "ok_rows" int not null default 0, "error_rows" int not null default 0, "errors" jsonb not null, "failure" varchar(200) null, "content" text null, "created_at" timestamptz not null, "finished_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "import_job_organization_id_index" on "import_job" ("organization_id");`);

    this.addSql(`alter table "import_job" add constraint "import_job_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "import_job" add constraint "import_job_created_by_user_id_foreign" foreign key ("created_by_user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "import_job" add constraint "import_job_kind_check" check ("kind" in ('offers'));`);
    this.addSql(`alter table "import_job" add constraint "import_job_status_check" check ("status" in ('queued', 'running', 'done', 'failed'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "import_job" cascade;`);
  }

}
