import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn } from '../db/columns.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'

export const IMPORT_KINDS = ['offers', 'products', 'prices'] as const
export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const

export interface ImportRowError {
  line: number
  code: string
  field?: string
  params?: Record<string, string | number>
  /** The row's SKU (offers) or part number (products), so a seller finds it in their sheet. */
  key?: string
}

/** One uploaded CSV and how its processing went, row by row. */
const ImportJobSchema = defineEntity({
  name: 'ImportJob',
  tableName: 'import_job',
  properties: {
    id: idColumn(),
    organizationId: () => p.manyToOne(Organization).mapToPk().fieldName('organization_id').index().deleteRule('cascade'),
    createdByUserId: () => p.manyToOne(User).mapToPk().fieldName('created_by_user_id').deleteRule('cascade'),
    kind: p.enum(IMPORT_KINDS),
    filename: p.string().length(255),
    status: p.enum(IMPORT_STATUSES).default('queued'),
    /** A check: every row is validated as an import would, and nothing is saved. */
    checkOnly: p.boolean().default(false),
    totalRows: p.integer().default(0),
    processedRows: p.integer().default(0),
    okRows: p.integer().default(0),
    errorRows: p.integer().default(0),
    /** The first errors, with their line numbers (the full report is rebuilt from these). */
    errors: p.json<ImportRowError[]>(),
    failure: p.string().length(200).nullable(),
    /** The file itself, kept until processed (UTF-8 text). */
    content: p.text().lazy().nullable(),
    createdAt: createdAtColumn(),
    finishedAt: p.datetime().nullable(),
  },
})
export class ImportJob extends ImportJobSchema.class {}
ImportJobSchema.setClass(ImportJob)
