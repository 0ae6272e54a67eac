export { ImportJob, IMPORT_KINDS, type ImportRowError } from './import-job.entity.ts'
export { startImport, runImport, getImport, listImports, importErrorReport, exportOffersCsv, offersCsvChunks, exportProductsCsv, decodeUpload, checkHeader, OFFER_COLUMNS, PRODUCT_COLUMNS, IMPORT_COLUMNS, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type ImportDto, type ImportKind } from './csv-import.ts'
