import {
  archivePlan,
  listCoupons,
  listPlans,
  metricDefinitions,
  planSummary,
  planVersion,
  saveCoupon,
  savePlanVersion,
  saveTaxRate,
  taxRates
} from '../books/catalog'
import { planForSegment } from '@shared/billing/plan'
import { priceQuantity } from '../billing'
import { listSeries, updateSeriesFormat } from '../books/numbering'
import { getBillingPreferences, setBillingPreferences } from '../books/settings'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

export function registerCatalogHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  registry
    .register('plans/list', () => listPlans(books(), books().today()))
    .register('plans/save', ({ plan, effectiveFrom }) => {
      savePlanVersion(books(), plan, effectiveFrom)
      return planSummary(books(), plan.id, books().today())
    })
    .register('plans/quote', ({ plan, segment, ...amounts }) =>
      priceQuantity(planForSegment(plan, segment), amounts, getBillingPreferences(books()).rounding)
    )
    .register('plans/version', ({ versionId }) => planVersion(books(), versionId).plan)
    .register('plans/archive', ({ planCode, archived }) => {
      archivePlan(books(), planCode, archived)
      return null
    })
    .register('metrics/list', () => [...metricDefinitions(books()).values()])
    .register('taxRates/list', () => taxRates(books()))
    .register('taxRates/save', ({ rate }) => saveTaxRate(books(), rate))
    .register('coupons/list', () => listCoupons(books()))
    .register('coupons/create', ({ coupon }) => saveCoupon(books(), coupon).coupon)
    .register('series/list', () => listSeries(books()))
    .register('series/update', ({ id, format }) => updateSeriesFormat(books(), id, format))
    .register('billingSettings/get', () => getBillingPreferences(books()))
    .register('billingSettings/update', (preferences) =>
      setBillingPreferences(books(), preferences)
    )
}
