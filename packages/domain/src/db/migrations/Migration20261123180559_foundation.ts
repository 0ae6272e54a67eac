import { Migration } from '@mikro-orm/migrations';

export class Migration20261123180559_foundation extends Migration {

  override name = 'Migration20261123180559_foundation';

  override up(): void | Promise<void> {
    this.addSql(`create table "email_message" ("id" uuid not null, "to" varchar(320) not null, "subject" varchar(300) not null, "text" text not null, "html" text not null, "template" varchar(60) not null, "status" text not null default 'queued', "attempts" int not null default 0, "sent_at" timestamptz null, "last_error" text null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "email_message_to_index" on "email_message" ("to");`);

    this.addSql(`create table "login_throttle" ("key" varchar(400) not null, "failures" int not null default 0, "last_failure_at" timestamptz not null, "locked_until" timestamptz null, primary key ("key"));`);

    this.addSql(`create table "organization" ("id" uuid not null, "kind" text not null, "name" varchar(200) not null, "slug" varchar(80) not null, "country" varchar(2) not null, "default_currency" varchar(3) not null, "locale" text not null default 'en', "status" text not null, "parent_id" uuid null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "organization_kind_index" on "organization" ("kind");`);
    this.addSql(`alter table "organization" add constraint "organization_slug_unique" unique ("slug");`);
    this.addSql(`create index "organization_status_index" on "organization" ("status");`);
    this.addSql(`create index "organization_parent_id_index" on "organization" ("parent_id");`);

    this.addSql(`create table "app_user" ("id" uuid not null, "email" varchar(320) not null, "name" varchar(200) not null, "password_hash" varchar(200) not null, "locale" text not null default 'en', "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "session" ("id_hash" varchar(64) not null, "user_id" uuid not null, "active_organization_id" uuid null, "impersonator_user_id" uuid null, "expires_at" timestamptz not null, "created_at" timestamptz not null, primary key ("id_hash"));`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);
    this.addSql(`create index "session_expires_at_index" on "session" ("expires_at");`);

    this.addSql(`create table "password_reset" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "password_reset_user_id_index" on "password_reset" ("user_id");`);
    this.addSql(`alter table "password_reset" add constraint "password_reset_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "membership" ("id" uuid not null, "user_id" uuid not null, "organization_id" uuid not null, "role" text not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "membership_user_id_index" on "membership" ("user_id");`);
    this.addSql(`create index "membership_organization_id_index" on "membership" ("organization_id");`);
    this.addSql(`alter table "membership" add constraint "membership_user_id_organization_id_unique" unique ("user_id", "organization_id");`);

    this.addSql(`create table "invitation" ("id" uuid not null, "organization_id" uuid not null, "email" varchar(320) not null, "role" text not null, "token_hash" varchar(64) not null, "invited_by_user_id" uuid not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "invitation_organization_id_index" on "invitation" ("organization_id");`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "audit_event" ("id" uuid not null, "actor_user_id" uuid null, "impersonator_user_id" uuid null, "organization_id" uuid not null, "action" varchar(100) not null, "subject_type" varchar(60) not null, "subject_id" varchar(100) not null, "details" jsonb not null, "created_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "audit_event_action_index" on "audit_event" ("action");`);
    this.addSql(`create index "audit_event_organization_id_created_at_index" on "audit_event" ("organization_id", "created_at");`);

    this.addSql(`create table "warehouse" ("id" uuid not null, "organization_id" uuid not null, "name" varchar(200) not null, "address_line" varchar(300) not null, "city" varchar(120) not null, "subdivision_code" varchar(10) not null, "country" varchar(2) not null, "latitude" double precision not null, "longitude" double precision not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "warehouse_organization_id_index" on "warehouse" ("organization_id");`);
    this.addSql(`create index "warehouse_subdivision_code_index" on "warehouse" ("subdivision_code");`);

    this.addSql(`alter table "email_message" add constraint "email_message_status_check" check ("status" in ('queued', 'sent', 'failed'));`);

    this.addSql(`alter table "organization" add constraint "organization_parent_id_foreign" foreign key ("parent_id") references "organization" ("id") on delete set null;`);
    this.addSql(`alter table "organization" add constraint "organization_kind_check" check ("kind" in ('operator', 'manufacturer', 'distributor', 'buyer'));`);
    this.addSql(`alter table "organization" add constraint "organization_locale_check" check ("locale" in ('en', 'vi'));`);
    this.addSql(`alter table "organization" add constraint "organization_status_check" check ("status" in ('pending', 'active', 'suspended', 'rejected'));`);

    this.addSql(`alter table "app_user" add constraint "app_user_locale_check" check ("locale" in ('en', 'vi'));`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "session" add constraint "session_active_organization_id_foreign" foreign key ("active_organization_id") references "organization" ("id") on delete set null;`);
    this.addSql(`alter table "session" add constraint "session_impersonator_user_id_foreign" foreign key ("impersonator_user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "password_reset" add constraint "password_reset_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);

    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_role_check" check ("role" in ('admin', 'support', 'catalog_manager', 'sales', 'fulfillment', 'approver', 'buyer', 'viewer'));`);

    this.addSql(`alter table "invitation" add constraint "invitation_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_invited_by_user_id_foreign" foreign key ("invited_by_user_id") references "app_user" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_role_check" check ("role" in ('admin', 'support', 'catalog_manager', 'sales', 'fulfillment', 'approver', 'buyer', 'viewer'));`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_actor_user_id_foreign" foreign key ("actor_user_id") references "app_user" ("id") on delete no action;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_impersonator_user_id_foreign" foreign key ("impersonator_user_id") references "app_user" ("id") on delete no action;`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete no action;`);
    this.addSql(`create or replace function "audit_event_audit_event_no_update_or_delete_fn"() returns trigger as \$\$ begin raise exception 'audit_event is append-only'; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "audit_event_no_update_or_delete" BEFORE UPDATE OR DELETE on "audit_event" for each ROW execute function "audit_event_audit_event_no_update_or_delete_fn"();`);

    this.addSql(`alter table "warehouse" add constraint "warehouse_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "organization" drop constraint "organization_parent_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_active_organization_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_organization_id_foreign";`);
    this.addSql(`alter table "invitation" drop constraint "invitation_organization_id_foreign";`);
    this.addSql(`alter table "audit_event" drop constraint "audit_event_organization_id_foreign";`);
    this.addSql(`alter table "warehouse" drop constraint "warehouse_organization_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_user_id_foreign";`);
    this.addSql(`alter table "session" drop constraint "session_impersonator_user_id_foreign";`);
    this.addSql(`alter table "password_reset" drop constraint "password_reset_user_id_foreign";`);
    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);
    this.addSql(`alter table "invitation" drop constraint "invitation_invited_by_user_id_foreign";`);
    this.addSql(`alter table "audit_event" drop constraint "audit_event_actor_user_id_foreign";`);
    this.addSql(`alter table "audit_event" drop constraint "audit_event_impersonator_user_id_foreign";`);

    this.addSql(`drop table if exists "email_message" cascade;`);
    this.addSql(`drop table if exists "login_throttle" cascade;`);
    this.addSql(`drop table if exists "organization" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "session" cascade;`);
    this.addSql(`drop table if exists "password_reset" cascade;`);
    this.addSql(`drop table if exists "membership" cascade;`);
    this.addSql(`drop table if exists "invitation" cascade;`);
    this.addSql(`drop trigger if exists "audit_event_no_update_or_delete" on "audit_event";`);
    this.addSql(`drop function if exists "audit_event_audit_event_no_update_or_delete_fn"();`);
    this.addSql(`drop table if exists "audit_event" cascade;`);
    this.addSql(`drop table if exists "warehouse" cascade;`);
  }

}
