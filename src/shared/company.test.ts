import { describe, expect, it } from 'vitest'
import { companyProfileInput, MAX_LOGO_BYTES } from './company'
import { TINY_PNG_BASE64, validPolishProfile } from './test-fixtures'
import { toFieldErrors } from './validation'

function errorsOf(input: unknown) {
  const result = companyProfileInput.safeParse(input)
  return result.success ? {} : toFieldErrors(result.error.issues, input)
}

const codes = (input: unknown) =>
  Object.fromEntries(Object.entries(errorsOf(input)).map(([path, e]) => [path, e.code]))

describe('the company profile schema', () => {
  it('accepts a complete Polish profile and compacts its identifiers', () => {
    const parsed = companyProfileInput.parse(validPolishProfile())
    expect(parsed.taxId).toBe('1234563218')
    expect(parsed.iban).toBe('PL61109010140000071219812874')
    expect(parsed.legalName).toBe('Zakład Usług Księgowych Łódź')
  })

  it('trims text and allows empty optional fields', () => {
    const profile = {
      ...validPolishProfile(),
      legalName: '  Acme  ',
      email: '',
      phone: '',
      iban: '',
      bic: '',
      taxId: ''
    }
    const parsed = companyProfileInput.parse(profile)
    expect(parsed.legalName).toBe('Acme')
    expect(parsed.taxId).toBe('')
  })

  it('reports every problem at once, each on its own field', () => {
    const profile = {
      ...validPolishProfile(),
      legalName: ' ',
      taxId: '123-456-32-17',
      email: 'biuro@',
      iban: 'PL61 1090 1014 0000 0712 1981 2875',
      address: { ...validPolishProfile().address, postalCode: '9092', city: '' }
    }
    expect(codes(profile)).toEqual({
      legalName: 'required',
      taxId: 'nip_checksum',
      email: 'invalid_email',
      iban: 'iban_checksum',
      'address.postalCode': 'postal_code_format',
      'address.city': 'required'
    })
  })

  it('checks the tax id by the rules of the chosen country', () => {
    const spanish = {
      ...validPolishProfile(),
      country: 'ES',
      taxId: '123-456-32-18',
      address: { ...validPolishProfile().address, postalCode: '28013' }
    }
    expect(codes(spanish)).toEqual({ taxId: 'nif_format' })
    expect(codes({ ...spanish, taxId: 'B64717838' })).toEqual({})
    const brazilian = {
      ...spanish,
      country: 'BR',
      taxId: '16.727.230/0001-98',
      address: { ...spanish.address, postalCode: '01310-100' }
    }
    expect(codes(brazilian)).toEqual({ taxId: 'cnpj_checksum' })
  })

  it('names unknown fields and wrong types by path', () => {
    expect(codes({ ...validPolishProfile(), colour: 'red' })).toEqual({ colour: 'unknown_field' })
    expect(
      codes({ ...validPolishProfile(), address: { ...validPolishProfile().address, city: 42 } })
    ).toEqual({
      'address.city': 'invalid_type'
    })
    const { email: _email, ...withoutEmail } = validPolishProfile()
    expect(codes(withoutEmail)).toEqual({ email: 'required' })
    expect(
      codes({
        ...validPolishProfile(),
        country: 'XX',
        defaultCurrency: 'ABC',
        defaultLanguage: 'de'
      })
    ).toEqual({
      country: 'invalid_choice',
      defaultCurrency: 'invalid_choice',
      defaultLanguage: 'invalid_choice'
    })
  })

  it('checks the invoice number format', () => {
    expect(codes({ ...validPolishProfile(), invoiceNumberFormat: 'FV/{YYYY}' })).toEqual({
      invoiceNumberFormat: 'number_format_seq'
    })
    const errors = errorsOf({ ...validPolishProfile(), invoiceNumberFormat: '{DD}/{seq}' })
    expect(errors.invoiceNumberFormat).toMatchObject({
      code: 'number_format_token',
      params: { token: '{DD}' }
    })
  })

  describe('logo', () => {
    const withLogo = (logo: unknown) => ({ ...validPolishProfile(), logo })

    it('accepts a PNG', () => {
      expect(codes(withLogo({ mimeType: 'image/png', dataBase64: TINY_PNG_BASE64 }))).toEqual({})
    })

    it('refuses an image over 1 MB', () => {
      const big = Buffer.alloc(MAX_LOGO_BYTES + 1)
      Buffer.from(TINY_PNG_BASE64, 'base64').copy(big)
      expect(
        codes(withLogo({ mimeType: 'image/png', dataBase64: big.toString('base64') }))
      ).toEqual({ logo: 'logo_too_large' })
    })

    it('accepts exactly 1 MB', () => {
      const max = Buffer.alloc(MAX_LOGO_BYTES)
      Buffer.from(TINY_PNG_BASE64, 'base64').copy(max)
      expect(
        codes(withLogo({ mimeType: 'image/png', dataBase64: max.toString('base64') }))
      ).toEqual({})
    })

    it('refuses what is not a PNG or JPEG, whatever it claims', () => {
      const gif = Buffer.from('GIF89a-not-really').toString('base64')
      expect(codes(withLogo({ mimeType: 'image/png', dataBase64: gif }))).toEqual({
        logo: 'logo_type'
      })
      expect(codes(withLogo({ mimeType: 'image/jpeg', dataBase64: TINY_PNG_BASE64 }))).toEqual({
        logo: 'logo_corrupt'
      })
      expect(codes(withLogo({ mimeType: 'image/gif', dataBase64: TINY_PNG_BASE64 }))).toEqual({
        'logo.mimeType': 'invalid_choice'
      })
      expect(codes(withLogo({ mimeType: 'image/png', dataBase64: 'not base64!' }))).toEqual({
        logo: 'logo_corrupt'
      })
      expect(codes(withLogo({ mimeType: 'image/png', dataBase64: 'A'.repeat(5_000_000) }))).toEqual(
        { logo: 'logo_too_large' }
      )
    })
  })
})
