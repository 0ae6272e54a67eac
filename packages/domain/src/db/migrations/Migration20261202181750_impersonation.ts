import { Migration } from '@mikro-orm/migrations';

export class Migration20261202181750_impersonation extends Migration {

  override name = 'Migration20261202181750_impersonation';

  override up(): void | Promise<void> {
    this.addSql(`create table "impersonation" ("id" uuid not null, "impersonator_user_id" uuid not null, "impersonator_organization_id" uuid not null, "user_id" uuid not null, "organization_id" uuid not null, "reason" varchar(500) not null, "token_hash" varchar(64) not null, "token_expires_at" timestamptz not null, "started_at" timestamptz null, "ends_at" timestamptz not null, "ended_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "impersonation_impersonator_user_id_index" on "impersonation" ("impersonator_user_id");`);
    this.addSql(`create index "impersonation_user_id_index" on "impersonation" ("user_id");`);
    this.addSql(`create index "impersonation_organization_id_index" on "impersonation" ("organization_id");`);
    this.addSql(`alter table "impersonation" add constraint "impersonation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "impersonation" add constraint "impersonation_impersonator_user_id_foreign" foreign key ("impersonator_user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "impersonation" add constraint "impersonation_impersonator_organization_id_foreign" foreign key ("impersonator_organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "impersonation" add constraint "impersonation_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "impersonation" add constraint "impersonation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "impersonation" cascade;`);
  }

}
