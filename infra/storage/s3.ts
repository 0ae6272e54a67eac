import { AwsClient } from 'aws4fetch'
import type { FileStorage } from './local-disk.ts'

export interface S3Options {
  /** The service's address: https://s3.<region>.amazonaws.com, or any S3-compatible server's. */
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
}

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, …), addressed path-style
 * (endpoint/bucket/key) with Signature V4. Keys are relative paths we generate ourselves.
 */
export function s3Storage(options: S3Options): FileStorage {
  const client = new AwsClient({ accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, service: 's3', region: options.region })
  const base = `${options.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(options.bucket)}`
  const urlOf = (key: string) => {
    if (!key || key.split('/').some((part) => part === '' || part === '.' || part === '..')) throw new Error('invalid storage key')
    return `${base}/${key.split('/').map(encodeURIComponent).join('/')}`
  }
  const failure = async (what: string, key: string, response: Response) =>
    new Error(`S3 ${what} ${key} failed: ${response.status} ${(await response.text()).slice(0, 300)}`)

  return {
    async put(key, bytes, contentType) {
      const response = await client.fetch(urlOf(key), { method: 'PUT', body: bytes as Uint8Array<ArrayBuffer>, headers: { 'Content-Type': contentType } })
      if (!response.ok) throw await failure('PUT', key, response)
      await response.body?.cancel()
    },
    async get(key) {
      const response = await client.fetch(urlOf(key), { method: 'GET' })
      if (response.status === 404) {
        await response.body?.cancel()
        return null
      }
      if (!response.ok) throw await failure('GET', key, response)
      return new Uint8Array(await response.arrayBuffer())
    },
    async delete(key) {
      const response = await client.fetch(urlOf(key), { method: 'DELETE' })
      // Deleting what is not there is not an error (S3 answers 204 either way).
      if (!response.ok && response.status !== 404) throw await failure('DELETE', key, response)
      await response.body?.cancel()
    },
  }
}
