import { localDiskStorage, type FileStorage } from './local-disk.ts'
import { s3Storage } from './s3.ts'

export { localDiskStorage, s3Storage, type FileStorage }
export type { S3Options } from './s3.ts'

/**
 * The file storage the environment asks for: an S3-compatible bucket when S3_BUCKET is set
 * (with S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY), else local disk under
 * UPLOAD_DIR.
 */
export function createFileStorage(env: Record<string, string | undefined> = process.env): FileStorage {
  if (env.S3_BUCKET) {
    const missing = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !env[name])
    if (missing.length) throw new Error(`S3_BUCKET is set, so file storage needs ${missing.join(' and ')} too`)
    const region = env.S3_REGION ?? 'us-east-1'
    return s3Storage({
      endpoint: env.S3_ENDPOINT ?? `https://s3.${region}.amazonaws.com`,
      bucket: env.S3_BUCKET,
      region,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    })
  }
  return localDiskStorage(env.UPLOAD_DIR ?? '.tradepost/uploads')
}
