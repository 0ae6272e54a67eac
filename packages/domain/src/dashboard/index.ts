export { getSellerDashboard, VIEW_DAYS, type SellerDashboardDto } from './seller-dashboard.ts'
