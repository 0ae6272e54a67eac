export { QuoteRequest } from './quote-request.entity.ts'
export { requestQuote, listReceivedQuoteRequests, quoteRequestAccess, type QuoteRequestRow } from './quote-requests.ts'
