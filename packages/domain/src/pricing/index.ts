// Pricing: a seller's customers and groups, its price lists, and the one function that resolves
// what a buyer pays.
export { Customer } from './customer.entity.ts'
export { CustomerGroup } from './customer-group.entity.ts'
export { PriceList, PriceListEntry, PriceListTarget } from './price-list.entity.ts'
export { deleteCustomerGroup, findBuyerCompanies, listMyCustomerGroups, listMyCustomers, removeCustomer, saveCustomer, saveCustomerGroup, type CustomerDto, type CustomerGroupDto } from './customers.ts'
export { deletePriceEntry, deletePriceList, getMyPriceList, listMyPriceLists, myPriceCurrencies, savePriceEntry, savePriceList, type PriceEntryDto, type PriceListDetail, type PriceListSummary } from './price-lists.ts'
export { pickPrice, priceViewer, resolvePrices, withViewerPrices, type PriceCandidate, type PriceLine, type PriceViewer, type ResolvedPrice } from './resolve.ts'
export { explainCustomerPrice, explainOfferPrice, type CustomerPriceDto, type OfferPriceDto } from './explain.ts'
