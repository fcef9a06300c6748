import type { CompanyProfileInput } from './company'

/** A complete, valid Polish company profile used across tests. */
export const validPolishProfile = (): CompanyProfileInput => ({
  legalName: 'Zakład Usług Księgowych Łódź',
  address: {
    line1: 'ul. Piotrkowska 104',
    line2: '',
    postalCode: '90-926',
    city: 'Łódź',
    region: 'łódzkie'
  },
  country: 'PL',
  taxId: '123-456-32-18',
  email: 'biuro@zuk-lodz.pl',
  phone: '+48 42 123 45 67',
  iban: 'PL61 1090 1014 0000 0712 1981 2874',
  bic: 'WBKPPLPP',
  defaultCurrency: 'PLN',
  defaultLanguage: 'pl',
  invoiceNumberFormat: 'FV/{YYYY}/{seq:5}',
  logo: null
})

/** The smallest valid PNG (1×1, transparent). */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
