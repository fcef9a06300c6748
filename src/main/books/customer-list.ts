import { sql, type ExpressionBuilder } from 'kysely'
import type {
  CustomerFacets,
  CustomerListRow,
  CustomerSort,
  customerListInput
} from '@shared/books/customers'
import { searchFold } from '@shared/search'
import type { z } from 'zod'
import type { Database } from '../store/schema'
import type { Books } from '../store/sync'

type ListOptions = z.output<typeof customerListInput>
type CustomersEb = ExpressionBuilder<Database, 'customers'>

/** What the customer owes on issued invoices in their own currency (credit notes settle through allocations). */
const receivable = sql<number>`coalesce((
  SELECT sum(max(i.amount_due - coalesce((SELECT sum(a.amount) FROM allocations a WHERE a.invoice_id = i.id AND a.reversal_id IS NULL), 0), 0))
  FROM invoices i
  WHERE i.customer_id = customers.id AND i.currency = customers.currency
    AND i.status = 'issued' AND i.kind = 'invoice'
), 0)`

const SORT_COLUMNS: Record<Exclude<CustomerSort, 'receivable'>, ReturnType<typeof sql.raw>> = {
  name: sql.raw('customers.name COLLATE NOCASE'),
  code: sql.raw('customers.code'),
  country: sql.raw('customers.country'),
  created: sql.raw('customers.id')
}

/** FTS5 phrase syntax: the text in double quotes, inner quotes doubled. */
const phrase = (text: string) => `"${text.replace(/"/g, '""')}"`

/**
 * Customers whose name, number, emails or tax id hold every word of `text`; a tax id typed with
 * separators matches its compact form. Words of three letters or more use the trigram index
 * (fast at any size); shorter ones are looked for in the rows the index left.
 */
export function whereSearched(books: Books, text: string) {
  let query = books.q.selectFrom('customers')
  const indexed: string[] = []
  // search text is never a query language: words are split on spaces and control characters
  // (a NUL would end FTS5's quoted phrase), and each word is matched as a literal phrase
  for (const word of searchFold(text)
    .split(/[\s\p{Cc}]+/u)
    .filter(Boolean)) {
    const compact = word.replace(/[.\-/]/g, '')
    if (word.length >= 3 && compact.length >= 3) {
      indexed.push(word === compact ? phrase(word) : `(${phrase(word)} OR ${phrase(compact)})`)
      continue
    }
    query = query.where((eb: CustomersEb) =>
      eb.or([
        eb(eb.fn('instr', ['search_text', eb.val(word)]), '>', 0),
        eb(eb.fn('instr', ['search_text', eb.val(compact)]), '>', 0)
      ])
    )
  }
  if (indexed.length)
    query = query.where(
      sql<boolean>`customers.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ${indexed.join(' AND ')})`
    )
  return query
}

function filtered(books: Books, options: ListOptions) {
  let query = whereSearched(books, options.query)
  if (options.status === 'active') query = query.where('archived_at', 'is', null)
  if (options.status === 'archived') query = query.where('archived_at', 'is not', null)
  if (options.segment) query = query.where('segment', '=', options.segment)
  if (options.country) query = query.where('country', '=', options.country)
  if (options.tag) {
    const tag = options.tag
    query = query.where(
      sql<boolean>`EXISTS (SELECT 1 FROM json_each(customers.tags) WHERE value = ${tag})`
    )
  }
  if (options.balanceDue) query = query.where(sql<boolean>`${receivable} > 0`)
  return query
}

/** The customers screen's window: matching rows in the order asked, and how many match in all. */
export function listCustomers(
  books: Books,
  options: ListOptions
): { rows: CustomerListRow[]; total: number } {
  const query = filtered(books, options)
  const total = Number(books.first(query.select((eb) => eb.fn.countAll().as('n')))?.n ?? 0)
  const direction = sql.raw(options.direction === 'desc' ? 'DESC' : 'ASC')
  const order = options.sort === 'receivable' ? receivable : SORT_COLUMNS[options.sort]
  const rows = books.all(
    query
      .select([
        'id',
        'code',
        'name',
        'emails',
        'tax_id',
        'country',
        'currency',
        'segment',
        'tags',
        'archived_at',
        receivable.as('receivable')
      ])
      .orderBy(sql`${order} ${direction}`)
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
  )
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      email: (JSON.parse(r.emails) as string[])[0] ?? '',
      taxId: r.tax_id,
      country: r.country,
      currency: r.currency,
      segment: r.segment,
      tags: JSON.parse(r.tags) as string[],
      archived: r.archived_at !== null,
      receivable: Number(r.receivable)
    }))
  }
}

/** The segments, tags and countries customers have, for the filter menus. */
export function customerFacets(books: Books): CustomerFacets {
  const column = (name: 'segment' | 'country') =>
    books
      .all(
        books.q.selectFrom('customers').select(name).distinct().where(name, '!=', '').orderBy(name)
      )
      .map((r) => r[name])
  const tags = books
    .prepare('SELECT DISTINCT t.value FROM customers, json_each(customers.tags) t ORDER BY t.value')
    .pluck()
    .all() as string[]
  return { segments: column('segment'), countries: column('country'), tags }
}
