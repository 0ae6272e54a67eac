import { authorize, scoped } from '../authz/scoped.ts'
import type { SubjectClass } from '../authz/ability.ts'
import type { Ctx } from '../ctx.ts'
import { recordAudit, type AuditInput } from './record-audit.ts'

type Row = InstanceType<SubjectClass> & { id: string; organizationId: string }

/**
 * Deletes one tenant row in a transaction: read through the ability (another tenant's id is
 * "not found"), then the delete guard (a member who may see it but not remove it is refused),
 * then the audit event with the deletion. Returns the removed row.
 */
export async function deleteAudited<C extends SubjectClass>(ctx: Ctx, entity: C, id: string, audit: (row: InstanceType<C> & Row) => Omit<AuditInput, 'organizationId' | 'subjectId'> & { subjectId?: string }): Promise<InstanceType<C> & Row> {
  return ctx.em.transactional(async (em) => {
    const tx = { ...ctx, em }
    const row = (await scoped(tx).findOneOrThrow(entity, { id } as never)) as InstanceType<C> & Row
    authorize(tx, 'delete', row)
    const event = audit(row)
    recordAudit(tx, { ...event, organizationId: row.organizationId, subjectId: event.subjectId ?? row.id })
    em.remove(row)
    await em.flush()
    return row
  })
}
