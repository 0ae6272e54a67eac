import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { LOCALES } from '../organizations/organization.entity.ts'

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: idColumn(),
    /** Stored lower-cased: uniqueness is case-insensitive. */
    email: p.string().length(320).unique(),
    name: p.string().length(200),
    passwordHash: p.string().length(200).hidden().lazy(),
    locale: p.enum(LOCALES).default('en'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})

export class User extends UserSchema.class {}
UserSchema.setClass(User)
