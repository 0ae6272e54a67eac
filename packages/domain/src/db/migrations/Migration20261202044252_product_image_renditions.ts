import { Migration } from '@mikro-orm/migrations';

export class Migration20261202044252_product_image_renditions extends Migration {

  override name = 'Migration20261202044252_product_image_renditions';

  override up(): void | Promise<void> {
    this.addSql(`alter table "product_image" add "width" int null, add "height" int null, add "widths" jsonb not null default '[]';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "product_image" drop column "width", drop column "height", drop column "widths";`);
  }

}
