import { AuditEvent } from '../audit/audit-event.entity.ts'
import { DistributorAuthorization } from '../catalog/authorization.entity.ts'
import { Brand } from '../catalog/brand.entity.ts'
import { Category } from '../catalog/category.entity.ts'
import { Product } from '../catalog/product.entity.ts'
import { ProductImage } from '../catalog/product-image.entity.ts'
import { OfferStock } from '../offers/offer-stock.entity.ts'
import { Offer } from '../offers/offer.entity.ts'
import { ImportJob } from '../imports/import-job.entity.ts'
import { EmailMessage } from '../email/email-message.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { Warehouse } from '../organizations/warehouse.entity.ts'
import { ApprovalRule } from '../companies/approval-rule.entity.ts'
import { ShipTo } from '../companies/ship-to.entity.ts'
import { SpendingLimit } from '../companies/spending-limit.entity.ts'
import { CustomerGroup } from '../pricing/customer-group.entity.ts'
import { Customer } from '../pricing/customer.entity.ts'
import { PriceList, PriceListEntry, PriceListTarget } from '../pricing/price-list.entity.ts'
import { Storefront } from '../organizations/storefront.entity.ts'
import { QuoteRequest } from '../quotes/quote-request.entity.ts'
import { Invoice, InvoiceCounter } from '../invoices/invoice.entity.ts'
import { CommissionRate, LedgerEntry } from '../ledger/ledger.entity.ts'
import { CartLine } from '../orders/cart-line.entity.ts'
import { Notification } from '../notifications/notification.entity.ts'
import { Payment, PaymentAccount, PaymentPayout, PaymentRefund, PaymentTransfer, WebhookEvent } from '../payments/payment.entity.ts'
import { Checkout, CheckoutApproval, Order, OrderLine, Shipment } from '../orders/order.entity.ts'
import { StorefrontView } from '../organizations/storefront-view.entity.ts'
import { Invitation } from '../users/invitation.entity.ts'
import { LoginThrottle } from '../users/login-throttle.entity.ts'
import { Membership } from '../users/membership.entity.ts'
import { Impersonation } from '../users/impersonation.entity.ts'
import { PasswordReset } from '../users/password-reset.entity.ts'
import { Session } from '../users/session.entity.ts'
import { User } from '../users/user.entity.ts'

/** Listed explicitly: no file globbing, so bundles, tests and scripts see the same set. */
export const entities = [
  Organization,
  Warehouse,
  ShipTo,
  SpendingLimit,
  ApprovalRule,
  User,
  Membership,
  Session,
  Invitation,
  PasswordReset,
  Impersonation,
  LoginThrottle,
  AuditEvent,
  EmailMessage,
  Notification,
  Brand,
  Category,
  Product,
  DistributorAuthorization,
  Offer,
  OfferStock,
  QuoteRequest,
  CartLine,
  Checkout,
  CheckoutApproval,
  Order,
  OrderLine,
  Shipment,
  Invoice,
  InvoiceCounter,
  LedgerEntry,
  CommissionRate,
  PaymentAccount,
  Payment,
  PaymentTransfer,
  PaymentPayout,
  PaymentRefund,
  WebhookEvent,
  Storefront,
  StorefrontView,
  ImportJob,
  ProductImage,
  CustomerGroup,
  Customer,
  PriceList,
  PriceListTarget,
  PriceListEntry,
]
