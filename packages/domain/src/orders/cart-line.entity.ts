import { defineEntity, p } from '@mikro-orm/core'
import { createdAtColumn, idColumn, updatedAtColumn } from '../db/columns.ts'
import { CURRENCIES } from '../money.ts'
import { Offer } from '../offers/offer.entity.ts'
import { Organization } from '../organizations/organization.entity.ts'
import { User } from '../users/user.entity.ts'

/**
 * One line of a buyer's cart: one cart per person and company. `seenUnit` is the unit price the
 * buyer last saw for it; checkout refuses to charge another one without asking again.
 */
const CartLineSchema = defineEntity({
  name: 'CartLine',
  tableName: 'cart_line',
  uniques: [{ properties: ['userId', 'buyerOrgId', 'offerId'] }],
  checks: [{ name: 'cart_line_quantity_check', expression: 'quantity > 0' }],
  properties: {
    id: idColumn(),
    buyerOrgId: () => p.manyToOne(Organization).mapToPk().fieldName('buyer_org_id').index().deleteRule('cascade'),
    userId: () => p.manyToOne(User).mapToPk().fieldName('user_id').deleteRule('cascade'),
    offerId: () => p.manyToOne(Offer).mapToPk().fieldName('offer_id').index().deleteRule('cascade'),
    quantity: p.integer(),
    seenUnitAmount: p.bigint('number').fieldName('seen_unit_amount'),
    seenCurrency: p.enum(CURRENCIES).fieldName('seen_currency'),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
})
export class CartLine extends CartLineSchema.class {}
CartLineSchema.setClass(CartLine)
