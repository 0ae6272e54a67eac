// The file storage port's behaviour, for local disk and for the S3 adapter against a real
// S3-compatible server on loopback (s3rver: it speaks the S3 REST protocol and checks access
// keys, but does not recompute Signature V4 itself).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver'
import { createFileStorage, localDiskStorage, s3Storage, type FileStorage } from './index.ts'

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])

function storageContract(name: string, create: () => FileStorage) {
  describe(`file storage: ${name}`, () => {
    it('stores, reads back, replaces and deletes bytes by key', async () => {
      const storage = create()
      const key = `products/${crypto.randomUUID()}/image one.png`
      expect(await storage.get(key)).toBeNull()
      await storage.put(key, png, 'image/png')
      expect(await storage.get(key)).toEqual(png)
      await storage.put(key, png.slice(0, 4), 'image/png')
      expect(await storage.get(key)).toEqual(png.slice(0, 4))
      await storage.delete(key)
      expect(await storage.get(key)).toBeNull()
      await storage.delete(key)
    })

    it('refuses keys that climb out of their folder', async () => {
      await expect(create().put('../outside.png', png, 'image/png')).rejects.toThrow()
    })
  })
}

const workDir = mkdtempSync(join(tmpdir(), 'tradepost-storage-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

storageContract('local disk', () => localDiskStorage(join(workDir, 'disk')))

let server: { close(): Promise<void> } | undefined
let endpoint = ''
const bucket = 'tradepost-test'
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: join(workDir, 's3'), configureBuckets: [{ name: bucket, configs: [] }] })
  const { port } = (await (server as unknown as { run(): Promise<{ port: number }> }).run())
  endpoint = `http://127.0.0.1:${port}`
})
afterAll(async () => {
  await server?.close()
})

storageContract('S3-compatible', () => s3Storage({ endpoint, bucket, region: 'us-east-1', ...credentials }))

describe('the S3 adapter', () => {
  it('signs its requests, and reports the server\'s refusal with its reason', async () => {
    const unknownKey = s3Storage({ endpoint, bucket, region: 'us-east-1', accessKeyId: 'NOBODY', secretAccessKey: 'x' })
    await expect(unknownKey.put('products/x.png', png, 'image/png')).rejects.toThrow(/403.*InvalidAccessKeyId/s)
    const noBucket = s3Storage({ endpoint, bucket: 'no-such-bucket', region: 'us-east-1', ...credentials })
    await expect(noBucket.put('products/x.png', png, 'image/png')).rejects.toThrow(/404.*NoSuchBucket/s)
  })

  it('is chosen by S3_BUCKET, and refuses to start half-configured', async () => {
    const storage = createFileStorage({ S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' })
    await storage.put('storefronts/logo.png', png, 'image/png')
    expect(await s3Storage({ endpoint, bucket, region: 'us-east-1', ...credentials }).get('storefronts/logo.png')).toEqual(png)
    expect(() => createFileStorage({ S3_BUCKET: bucket })).toThrow(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/)
  })
})
