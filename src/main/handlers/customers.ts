import { customerActivity } from '../books/audit'
import { customerFacets, listCustomers } from '../books/customer-list'
import {
  createCustomer,
  getCustomer,
  searchCustomers,
  setCustomerArchived,
  updateCustomer
} from '../books/customers'
import { dashboardSummary } from '../books/dashboard'
import { customerBalances, statement } from '../books/payments'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

export function registerCustomerHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  registry
    .register('customers/search', (input) => searchCustomers(books(), input))
    .register('customers/list', (input) => listCustomers(books(), input))
    .register('customers/facets', () => customerFacets(books()))
    .register('dashboard/summary', () => dashboardSummary(books()))
    .register('customers/get', ({ customerId }) => getCustomer(books(), customerId))
    .register('customers/create', (fields) => createCustomer(books(), fields))
    .register('customers/update', ({ customerId, fields }) =>
      updateCustomer(books(), customerId, fields)
    )
    .register('customers/archive', ({ customerId, archived }) =>
      setCustomerArchived(books(), customerId, archived)
    )
    .register('customers/balance', ({ customerId }) => {
      const balances = customerBalances(books(), customerId)
      const main = balances[0]?.currency ?? getCustomer(books(), customerId).currency
      return { balances, statement: statement(books(), customerId, main) }
    })
    .register('customers/activity', ({ customerId }) => customerActivity(books(), customerId))
}
