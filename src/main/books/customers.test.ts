import { describe, expect, it } from 'vitest'
import { customerInput, type CustomerInput } from '@shared/books/customers'
import {
  createCustomer,
  getCustomer,
  searchCustomers,
  setCustomerArchived,
  updateCustomer
} from './customers'
import { openTestBooks } from './test-support'

const ana: CustomerInput = {
  name: 'Biuro Rachunkowe Łódź Sp. z o.o.',
  taxId: '774-000-14-54',
  emails: ['faktury@br-lodz.pl'],
  address: { line1: 'ul. Zielona 5', postalCode: '90-601', city: 'Łódź' },
  country: 'PL',
  language: 'pl',
  currency: 'PLN',
  tags: ['vip', 'vip', 'monthly'],
  segment: 'SMB'
}
const fields = (input: CustomerInput) => customerInput.parse(input)

describe('customers', () => {
  it('are created with a number, compacted tax id and an audit entry', async () => {
    const { books } = await openTestBooks()
    const c = createCustomer(books, fields(ana))
    expect(c).toMatchObject({
      code: 'C00001',
      taxId: '7740001454',
      tags: ['vip', 'monthly'],
      archived: false
    })
    expect(createCustomer(books, fields({ ...ana, name: 'Other' })).code).toBe('C00002')
    const log = books.sqlite
      .prepare("SELECT action, changes FROM audit_log WHERE entity = 'customer' AND entity_id = ?")
      .all(String(c.id)) as { action: string; changes: string }[]
    expect(log[0]!.action).toBe('create')
    expect(JSON.parse(log[0]!.changes).name).toEqual([null, ana.name])
  })

  it('record what changed, old → new', async () => {
    const { books } = await openTestBooks()
    const c = createCustomer(books, fields(ana))
    updateCustomer(
      books,
      c.id,
      fields({ ...ana, paymentTermsDays: 30, emails: ['ksiegowosc@br-lodz.pl'] })
    )
    const row = books.sqlite
      .prepare("SELECT changes FROM audit_log WHERE action = 'update'")
      .get() as { changes: string }
    expect(JSON.parse(row.changes)).toEqual({
      emails: [['faktury@br-lodz.pl'], ['ksiegowosc@br-lodz.pl']],
      paymentTermsDays: [14, 30]
    })
  })

  it('refuse a number that is already used', async () => {
    const { books } = await openTestBooks()
    createCustomer(books, fields({ ...ana, code: 'K-1' }))
    expect(() => createCustomer(books, fields({ ...ana, code: 'K-1' }))).toThrow(
      /Customer number K-1 is already used/
    )
  })

  it('are found by any part of name, number, email or tax id, accents and case aside', async () => {
    const { books } = await openTestBooks()
    createCustomer(books, fields(ana))
    createCustomer(
      books,
      fields({
        ...ana,
        name: 'Açaí Comércio Ltda',
        taxId: '',
        country: 'BR',
        language: 'pt-BR',
        currency: 'BRL',
        emails: ['contas@acai.com.br'],
        address: {}
      })
    )
    const names = (query: string) =>
      searchCustomers(books, { query, includeArchived: false, limit: 10, offset: 0 }).customers.map(
        (c) => c.name
      )
    expect(names('lodz')).toEqual([ana.name])
    expect(names('ŁÓDŹ')).toEqual([ana.name])
    expect(names('acai')).toEqual(['Açaí Comércio Ltda'])
    expect(names('774-000-14-54')).toEqual([ana.name])
    expect(names('contas@')).toEqual(['Açaí Comércio Ltda'])
    expect(names('c00002')).toEqual(['Açaí Comércio Ltda'])
    expect(names('biuro łódź')).toEqual([ana.name])
    expect(names('%')).toEqual([])
    expect(
      searchCustomers(books, { query: '', includeArchived: false, limit: 1, offset: 0 }).total
    ).toBe(2)
  })

  it('are archived, not deleted, and hidden from search unless asked', async () => {
    const { books } = await openTestBooks()
    const c = createCustomer(books, fields(ana))
    setCustomerArchived(books, c.id, true)
    expect(getCustomer(books, c.id).archived).toBe(true)
    expect(
      searchCustomers(books, { query: 'łódź', includeArchived: false, limit: 10, offset: 0 }).total
    ).toBe(0)
    expect(
      searchCustomers(books, { query: 'łódź', includeArchived: true, limit: 10, offset: 0 }).total
    ).toBe(1)
  })

  it('validate the tax id by country and need a reason to be exempt', () => {
    const bad = customerInput.safeParse({ ...ana, taxId: '774-000-14-55', taxTreatment: 'exempt' })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['taxId', 'exemptionReason'])
    )
  })
})
