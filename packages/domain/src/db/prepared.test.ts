import { describe, expect, it } from 'vitest'
import { numberPlaceholders } from './prepared.ts'

describe('prepared reads', () => {
  it("numbers the ORM's placeholders as PostgreSQL's, leaving question marks in quoted text alone", () => {
    expect(numberPlaceholders(`select ?::uuid, 'why?' as q, x from t where a = ? and b = any(?::text[]) and c = 'it''s ?'`)).toBe(
      `select $1::uuid, 'why?' as q, x from t where a = $2 and b = any($3::text[]) and c = 'it''s ?'`,
    )
  })
})
