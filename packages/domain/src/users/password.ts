import { hash, verify } from '@node-rs/argon2'

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1): about 10 ms a hash here.
export async function hashPassword(password: string): Promise<string> {
  return hash(password)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A real hash of nothing, verified when the account does not exist so timing reveals nothing. */
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('not-a-real-password-0')
  return dummyHash
}
