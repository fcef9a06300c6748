import { couponSchema } from '@shared/billing/inputs'
import { planSchema } from '@shared/billing/plan'
import { customerInput } from '@shared/books/customers'
import { nfseSettingsSchema } from '@shared/nfse'
import { billingRun } from '../../../books/billing-run'
import { saveCoupon, savePlanVersion } from '../../../books/catalog'
import { createCustomer } from '../../../books/customers'
import { addDraftLine, createDraft, issueInvoice, viewInvoice } from '../../../books/invoices'
import { setNfseSettings } from '../../../books/nfse'
import { createSubscription } from '../../../books/subscriptions'
import { openTestBooks } from '../../../books/test-support'

/**
 * A Brazilian company's books for the NFS-e tests (São Paulo, CNPJ 16.727.230/0001-97), with its
 * NFS-e settings and an issued invoice for each case the DPS must carry: a business by CNPJ with
 * several lines, a consumer by CPF, a consumer without one, a customer abroad (an export of
 * services) and a subscription with a coupon (an unconditional discount).
 */
export async function brazilianBooks(options: { configured?: boolean } = {}) {
  const { store, books, clock, path } = await openTestBooks('2026-03-10', 'BR', 'BRL')
  books.run(
    books.q.updateTable('company').set({
      legal_name: 'Contabilidade Paulista Ltda',
      tax_id: '16.727.230/0001-97',
      address_line1: 'Avenida Paulista, 1000',
      postal_code: '01310-100',
      city: 'São Paulo',
      email: 'contato@contabilpaulista.com.br'
    })
  )
  if (options.configured !== false)
    setNfseSettings(
      books,
      nfseSettingsSchema.parse({
        municipality: '3550308',
        municipalRegistration: '12345678',
        simplesNacional: '3',
        simplesRegime: '1',
        series: '1',
        serviceCode: '170201',
        nbsCode: '113011000'
      })
    )
  const customer = (name: string, fields: Record<string, unknown>) =>
    createCustomer(
      books,
      customerInput.parse({
        name,
        language: 'pt-BR',
        currency: 'BRL',
        emails: ['financeiro@example.com.br'],
        address: { line1: 'Rua Augusta, 500', postalCode: '01304-000', city: 'São Paulo' },
        country: 'BR',
        ...fields
      })
    ).id
  const ids = {
    business: customer('Padaria Pão de Açúcar Ltda', { taxId: '11.222.333/0001-81' }),
    cpf: customer('João da Silva', { taxId: '529.982.247-25' }),
    consumer: customer('Maria Souza', {}),
    foreign: customer('Acme Corp', {
      country: 'US',
      taxId: '12-3456789',
      taxTreatment: 'export',
      address: { line1: '1 Main St', postalCode: '10001', city: 'New York' }
    }),
    coupon: customer('Oficina Mecânica Irmãos Ltda', { taxId: '33.000.167/0001-01' })
  }
  const invoice = (customerId: number, lines: [string, string, string?][]) => {
    const { id } = createDraft(books, {
      customerId,
      currency: 'BRL',
      billDate: clock.date,
      lines: []
    })
    for (const [description, unitPrice, quantity] of lines)
      addDraftLine(books, id, {
        description,
        quantity: quantity ?? '1',
        unitPrice,
        taxRateId: 'standard'
      })
    return issueInvoice(books, id)
  }
  const docs = {
    business: invoice(ids.business, [
      ['Escrituração contábil, março de 2026', '1200.00'],
      ['Folha de pagamento (funcionários)', '35.00', '12']
    ]),
    cpf: invoice(ids.cpf, [['Declaração de imposto de renda', '350.00']]),
    consumer: invoice(ids.consumer, [['Abertura de MEI', '150.00']]),
    foreign: invoice(ids.foreign, [['Bookkeeping services for the Brazilian branch', '2500.00']]),
    coupon: await couponInvoice()
  }
  async function couponInvoice() {
    savePlanVersion(
      books,
      planSchema.parse({
        id: 'mensal',
        name: 'Contabilidade mensal',
        currency: 'BRL',
        interval: 'month',
        prices: [{ id: 'fee', description: 'Honorários mensais', model: 'flat', amount: '800.00' }]
      }),
      '2026-03-01'
    )
    saveCoupon(
      books,
      couponSchema.parse({
        id: 'BEMVINDO',
        name: 'Boas-vindas 10%',
        type: 'percent',
        percent: '10',
        duration: 'forever'
      })
    )
    createSubscription(books, {
      customerId: ids.coupon,
      planCode: 'mensal',
      startDate: '2026-03-10',
      quantity: '1',
      couponCode: 'BEMVINDO'
    })
    const run = await billingRun(books, { asOf: '2026-03-10', dryRun: false })
    const draft = run.customers.find((c) => c.customerId === ids.coupon)!.invoices[0]!.invoiceId!
    return issueInvoice(books, draft)
  }
  for (const key of Object.keys(docs) as (keyof typeof docs)[])
    docs[key] = viewInvoice(books, docs[key].id)
  return { store, books, clock, path, ids, docs }
}
