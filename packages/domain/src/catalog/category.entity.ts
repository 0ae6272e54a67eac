import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import type { AttributeDefinition } from './catalog.constants.ts'

/** The marketplace's category tree (kept by the operator), with typed attributes per category. */
const CategorySchema = defineEntity({
  name: 'Category',
  tableName: 'category',
  properties: {
    id: idColumn(),
    parentId: () => p.manyToOne(Category).mapToPk().fieldName('parent_id').nullable().index().deleteRule('restrict'),
    slug: p.string().length(80).unique(),
    nameEn: p.string().length(120),
    nameVi: p.string().length(120),
    attributes: p.json<AttributeDefinition[]>(),
    createdAt: createdAtColumn(),
  },
})
export class Category extends CategorySchema.class {}
CategorySchema.setClass(Category)
