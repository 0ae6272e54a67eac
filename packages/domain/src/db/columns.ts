import { p } from '@mikro-orm/core'
import { randomUUID } from 'node:crypto'

/** Columns every table has: a UUID primary key and creation/update timestamps. */
export const idColumn = () => p.uuid().primary().onCreate(() => randomUUID())
export const createdAtColumn = () => p.datetime().onCreate(() => new Date())
export const updatedAtColumn = () =>
  p.datetime().onCreate(() => new Date()).onUpdate(() => new Date())
