import { describe, expect, it } from 'vitest'
import { AuditEvent } from '../audit/audit-event.entity.ts'
import { createOrganization } from '../testing/factories.ts'
import { useTestDatabase } from '../testing/test-database.ts'

const db = useTestDatabase()

describe('the committed migrations', () => {
  it('produce exactly the schema the entities describe', async () => {
    const diff = await db().orm.schema.getUpdateSchemaSQL({ wrap: false })
    expect(diff.trim()).toBe('')
  })

  it('keep the audit log append-only', async () => {
    const { org } = await createOrganization(db().orm.em.fork(), { kind: 'buyer' })
    const em = db().orm.em.fork()
    await em.persist(em.create(AuditEvent, { organizationId: org.id, action: 'test', subjectType: 'Organization', subjectId: org.id, details: {} })).flush()
    await expect(em.getConnection().execute(`update audit_event set action = 'tampered'`)).rejects.toThrow(/append-only/)
    await expect(em.getConnection().execute(`delete from audit_event`)).rejects.toThrow(/append-only/)
  })
})
