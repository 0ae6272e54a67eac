// The one zod every schema of Tradepost is built with. Our Content-Security-Policy allows no
// eval, so zod must not compile parsers with `new Function` (nor probe whether it may): the
// setting has to be made before the first schema is created, hence this module.
import { z } from 'zod'

z.config({ jitless: true })

export { z }
