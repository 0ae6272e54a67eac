export { AuditEvent } from './audit-event.entity.ts'
export { recordAudit, type AuditInput } from './record-audit.ts'
export { listAuditEvents, listAuditActions, auditCsvChunks, AuditFilterSchema, type AuditFilter, type AuditEventDto } from './list-audit-events.ts'
