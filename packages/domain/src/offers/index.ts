export { Offer } from './offer.entity.ts'
export { OfferStock } from './offer-stock.entity.ts'
export { saveOffer, setOfferExposure, listMyOffers, getMyOffer, setOffersStatus, deleteOffer, OFFERS_PAGE_SIZE, type OfferDto, type MyOfferRow, type OfferList, type OfferListFilter } from './offers.ts'
export { getProductPage, NEAR_KM, type ProductPageDto, type OfferComparisonRow } from './product-page.ts'
