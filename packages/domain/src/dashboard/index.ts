export { getSellerDashboard, VIEW_DAYS, type SellerDashboardDto } from './seller-dashboard.ts'
export { getOrganizationDetail, type OrganizationDetailDto } from './organization-detail.ts'
