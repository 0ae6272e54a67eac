// The one zod every schema of Tradepost is built with. Our Content-Security-Policy allows no
// eval, so zod must not compile parsers with `new Function` (nor probe whether it may): the
// setting has to be made before the first schema is created, hence this module.
import { z } from 'zod'

z.config({ jitless: true })

export { z }

/** A field a form may leave blank: an empty select or text field means "none" (undefined). */
export const blankAsNone = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional())
