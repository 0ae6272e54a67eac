export { ImportJob, type ImportRowError } from './import-job.entity.ts'
export { startOfferImport, runOfferImport, getImport, listImports, importErrorReport, exportOffersCsv, decodeUpload, checkOfferHeader, OFFER_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportDto } from './offer-import.ts'
