import type { Selectable } from 'kysely'
import type { Customer, CustomerFields } from '@shared/books/customers'
import type { Language } from '@shared/languages'
import { searchFold } from '@shared/search'
import { AppError, problem } from '../errors'
import type { CustomerTable } from '../store/schema'
import type { Books } from '../store/sync'
import { audit, diff } from './audit'
import { whereSearched } from './customer-list'

export function customerFromRow(row: Selectable<CustomerTable>): Customer {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    taxId: row.tax_id,
    emails: JSON.parse(row.emails) as string[],
    address: {
      line1: row.address_line1,
      line2: row.address_line2,
      postalCode: row.postal_code,
      city: row.city,
      region: row.region
    },
    country: row.country,
    language: row.language as Language,
    currency: row.currency,
    paymentTermsDays: row.payment_terms_days,
    taxTreatment: row.tax_treatment as Customer['taxTreatment'],
    exemptionReason: row.exemption_reason,
    peppolId: row.peppol_id,
    einvoiceFormat: row.einvoice_format as Customer['einvoiceFormat'],
    segment: row.segment,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    archived: row.archived_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

function columns(fields: CustomerFields) {
  return {
    name: fields.name,
    tax_id: fields.taxId,
    emails: JSON.stringify(fields.emails),
    address_line1: fields.address.line1,
    address_line2: fields.address.line2,
    postal_code: fields.address.postalCode,
    city: fields.address.city,
    region: fields.address.region,
    country: fields.country,
    language: fields.language,
    currency: fields.currency,
    payment_terms_days: fields.paymentTermsDays,
    tax_treatment: fields.taxTreatment,
    exemption_reason: fields.exemptionReason,
    peppol_id: fields.peppolId,
    einvoice_format: fields.einvoiceFormat,
    segment: fields.segment,
    tags: JSON.stringify(fields.tags),
    notes: fields.notes
  }
}

/** What search matches against: name, number, emails and tax id, folded. */
const searchText = (fields: CustomerFields, code: string) =>
  searchFold([fields.name, code, ...fields.emails, fields.taxId].join(' '))

/** The next free customer number: C00001, C00002, … */
function nextCode(books: Books): string {
  const row = books.first(books.q.selectFrom('customers').select((eb) => eb.fn.max('id').as('max')))
  let n = Number(row?.max ?? 0) + 1
  let code = `C${String(n).padStart(5, '0')}`
  while (books.first(books.q.selectFrom('customers').select('id').where('code', '=', code)))
    code = `C${String(++n).padStart(5, '0')}`
  return code
}

export function getCustomer(books: Books, id: number): Customer {
  const row = books.first(books.q.selectFrom('customers').selectAll().where('id', '=', id))
  if (!row) throw problem('NOT_FOUND', 'customer_not_found', `There is no customer ${id}.`, { id })
  return customerFromRow(row)
}

export function customerByCode(books: Books, code: string): Customer | undefined {
  const row = books.first(books.q.selectFrom('customers').selectAll().where('code', '=', code))
  return row ? customerFromRow(row) : undefined
}

function checkCodeFree(books: Books, code: string, exceptId?: number): void {
  const taken = books.first(books.q.selectFrom('customers').select('id').where('code', '=', code))
  if (taken && taken.id !== exceptId) {
    throw new AppError('VALIDATION', `Customer number ${code} is already used.`, {
      code: {
        code: 'code_taken',
        message: `Customer number ${code} is already used`,
        params: { code }
      }
    })
  }
}

export function createCustomer(books: Books, fields: CustomerFields): Customer {
  return books.tx(() => {
    const code = fields.code ?? nextCode(books)
    checkCodeFree(books, code)
    const stamp = books.stamp()
    const id = books.insert(
      books.q.insertInto('customers').values({
        ...columns(fields),
        code,
        search_text: searchText(fields, code),
        created_at: stamp,
        updated_at: stamp
      })
    )
    const customer = getCustomer(books, id)
    audit(books, 'customer', id, 'create', diff({}, { ...fields, code }))
    return customer
  })
}

export function updateCustomer(books: Books, id: number, fields: CustomerFields): Customer {
  return books.tx(() => {
    const before = getCustomer(books, id)
    const code = fields.code ?? before.code
    checkCodeFree(books, code, id)
    books.run(
      books.q
        .updateTable('customers')
        .set({
          ...columns(fields),
          code,
          search_text: searchText(fields, code),
          updated_at: books.stamp()
        })
        .where('id', '=', id)
    )
    const after = getCustomer(books, id)
    const { createdAt: _a, updatedAt: _b, ...was } = before
    const { createdAt: _c, updatedAt: _d, ...now } = after
    audit(books, 'customer', id, 'update', diff(was, now))
    return after
  })
}

/** Customers are archived, never deleted: invoices and subscriptions keep pointing at them. */
export function setCustomerArchived(books: Books, id: number, archived: boolean): Customer {
  return books.tx(() => {
    const before = getCustomer(books, id)
    if (before.archived === archived) return before
    if (archived) {
      const live = books.first(
        books.q
          .selectFrom('subscriptions')
          .select('id')
          .where('customer_id', '=', id)
          .where((eb) => eb.or([eb('cancel_at', 'is', null), eb('cancel_at', '>=', books.today())]))
      )
      if (live)
        throw problem(
          'CONFLICT',
          'customer_has_running_subscription',
          `${before.name} has a subscription that is still running; cancel it before archiving.`,
          { customer: before.name }
        )
    }
    books.run(
      books.q
        .updateTable('customers')
        .set({ archived_at: archived ? books.stamp() : null, updated_at: books.stamp() })
        .where('id', '=', id)
    )
    audit(books, 'customer', id, archived ? 'archive' : 'unarchive', {
      archived: [before.archived, archived]
    })
    return getCustomer(books, id)
  })
}

/** Search by any part of the name, number, email or tax id, case-insensitively. */
export function searchCustomers(
  books: Books,
  options: { query: string; includeArchived: boolean; limit: number; offset: number }
): { customers: Customer[]; total: number } {
  let query = whereSearched(books, options.query)
  if (!options.includeArchived) query = query.where('archived_at', 'is', null)
  const total = Number(books.first(query.select((eb) => eb.fn.countAll().as('n')))?.n ?? 0)
  const rows = books.all(
    query.selectAll().orderBy('name').limit(options.limit).offset(options.offset)
  )
  return { customers: rows.map(customerFromRow), total }
}
