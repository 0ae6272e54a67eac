// Input schemas shared by forms (in the browser) and actions: no server imports here.
import { z } from '../zod.ts'

export const QuoteRequestInputSchema = z.object({
  offerId: z.uuid({ error: 'NOT_FOUND' }),
  quantity: z.coerce.number({ error: 'NUMBER_INVALID' }).int({ error: 'NUMBER_INVALID' }).min(1, { error: 'NUMBER_TOO_SMALL' }).max(1_000_000, { error: 'NUMBER_TOO_LARGE' }),
  message: z.string().trim().max(2000).default(''),
})
export type QuoteRequestInput = z.infer<typeof QuoteRequestInputSchema>
