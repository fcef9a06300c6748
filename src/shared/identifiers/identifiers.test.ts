import { describe, expect, it } from 'vitest'
import {
  checkBic,
  checkPixKey,
  checkCnpj,
  checkCpf,
  checkIban,
  checkNif,
  checkNip,
  checkTaxId,
  type IdCheck
} from '.'

const codeOf = (check: IdCheck) => (check.valid ? 'valid' : check.code)

// Valid examples are published ones: the NIP of PKN Orlen and the Ministry of Finance's
// 123-456-32-18 example, python-stdnum's doctests for NIF/CIF/CNPJ, the Receita Federal's
// alphanumeric CNPJ example, the SWIFT IBAN registry's examples.
describe('Polish NIP', () => {
  it.each([
    ['1234563218', '1234563218'],
    ['123-456-32-18', '1234563218'],
    ['774-00-01-454', '7740001454'],
    ['PL 774 000 14 54', 'PL7740001454']
  ])('accepts %s as %s', (input, normalized) => {
    expect(checkNip(input)).toEqual({ valid: true, normalized })
  })

  it.each([
    ['1234563217', 'nip_checksum'],
    ['7740001455', 'nip_checksum'],
    // weights give remainder 10 for this body: no check digit can be right
    ['1234567890', 'nip_checksum'],
    ['123456321', 'nip_format'],
    ['12345632188', 'nip_format'],
    ['12345G3218', 'nip_format'],
    ['', 'nip_format']
  ])('refuses %s (%s)', (input, code) => {
    expect(codeOf(checkNip(input))).toBe(code)
  })
})

describe('Spanish NIF (DNI, NIE, CIF)', () => {
  it.each([
    ['12345678Z', '12345678Z'],
    ['54362315K', '54362315K'],
    ['X-5253868-R', 'X5253868R'],
    ['X0000000T', 'X0000000T'],
    ['B64717838', 'B64717838'],
    ['ES B-58378431', 'ESB58378431'],
    ['J99216582', 'J99216582'],
    ['A13 585 625', 'A13585625'],
    ['M-1234567-L', 'M1234567L']
  ])('accepts %s as %s', (input, normalized) => {
    expect(checkNif(input)).toEqual({ valid: true, normalized })
  })

  it.each([
    ['12345678A', 'nif_checksum'],
    ['X5253868S', 'nif_checksum'],
    ['B64717839', 'nif_checksum'],
    ['J99216583', 'nif_checksum'],
    ['O1234567L', 'nif_format'],
    ['J992165831', 'nif_format'],
    ['1234567Z', 'nif_format']
  ])('refuses %s (%s)', (input, code) => {
    expect(codeOf(checkNif(input))).toBe(code)
  })

  it('names the expected DNI letter', () => {
    const check = checkNif('12345678A')
    expect(check.valid).toBe(false)
    expect(!check.valid && check.message).toContain('Z')
  })
})

describe('Brazilian CNPJ and CPF', () => {
  it.each([
    ['16.727.230/0001-97', '16727230000197'],
    ['11.222.333/0001-81', '11222333000181'],
    ['12.ABC.345/01DE-35', '12ABC34501DE35']
  ])('accepts CNPJ %s', (input, normalized) => {
    expect(checkCnpj(input)).toEqual({ valid: true, normalized })
  })

  it.each([
    ['16.727.230/0001-98', 'cnpj_checksum'],
    ['12.ABC.345/01DE-36', 'cnpj_checksum'],
    ['00.000.000/0000-00', 'cnpj_checksum'],
    ['11.111.111/1111-11', 'cnpj_checksum'],
    ['16.727.230/0001', 'cnpj_format'],
    ['12.ABC.345/01DE-3X', 'cnpj_format']
  ])('refuses CNPJ %s (%s)', (input, code) => {
    expect(codeOf(checkCnpj(input))).toBe(code)
  })

  it.each(['529.982.247-25', '111.444.777-35', '390.533.447-05'])('accepts CPF %s', (input) => {
    expect(checkCpf(input).valid).toBe(true)
  })

  it.each([
    ['529.982.247-26', 'cpf_checksum'],
    ['111.111.111-11', 'cpf_checksum'],
    ['529.982.247', 'cpf_format']
  ])('refuses CPF %s (%s)', (input, code) => {
    expect(codeOf(checkCpf(input))).toBe(code)
  })
})

describe('IBAN', () => {
  it.each([
    ['PL61 1090 1014 0000 0712 1981 2874', 'PL61109010140000071219812874'],
    ['ES91 2100 0418 4502 0005 1332', 'ES9121000418450200051332'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432'],
    ['BR18 0036 0305 0000 1000 9795 493C 1', 'BR1800360305000010009795493C1'],
    ['pt50 0002 0123 1234 5678 9015 4', 'PT50000201231234567890154']
  ])('accepts %s', (input, normalized) => {
    expect(checkIban(input)).toEqual({ valid: true, normalized })
  })

  it.each([
    ['PL61 1090 1014 0000 0712 1981 2875', 'iban_checksum'],
    ['PL61 1090 1014 0000 0712 1981 287', 'iban_length'],
    ['US12 3456 7890 1234', 'iban_country'],
    ['1234567890', 'iban_format'],
    ['PL6A109010140000071219812874', 'iban_format']
  ])('refuses %s (%s)', (input, code) => {
    expect(codeOf(checkIban(input))).toBe(code)
  })
})

describe('BIC', () => {
  it.each(['BPKOPLPW', 'BPKOPLPWXXX', 'caixesbbxxx', 'DEUT DE FF'])('accepts %s', (input) => {
    expect(checkBic(input).valid).toBe(true)
  })
  it.each(['BPKOPLP', 'BPKOXXPW', 'BPKOPLPWXX', 'BPKOPLPWXXXX'])('refuses %s', (input) => {
    expect(codeOf(checkBic(input))).toBe('bic_format')
  })
})

describe('tax id by country', () => {
  it.each([
    ['PL', '123-456-32-18', 'valid'],
    ['PL', '123-456-32-17', 'nip_checksum'],
    ['ES', 'B64717838', 'valid'],
    ['ES', 'B64717839', 'nif_checksum'],
    ['BR', '16.727.230/0001-97', 'valid'],
    ['BR', '529.982.247-25', 'valid'],
    ['BR', '1234567', 'br_tax_id_length'],
    ['DE', 'DE 123 456 789', 'valid'],
    ['FR', 'FR@12', 'tax_id_format']
  ])('%s %s → %s', (country, input, code) => {
    expect(codeOf(checkTaxId(country, input))).toBe(code)
  })
})

describe('Pix keys', () => {
  it.each([
    ['financeiro@SaoJoao.com.br', 'financeiro@saojoao.com.br'],
    ['+55 (11) 98765-4321', '+5511987654321'],
    ['123.456.789-09', '12345678909'],
    ['11.222.333/0001-81', '11222333000181'],
    ['123E4567-E89B-12D3-A456-426614174000', '123e4567-e89b-12d3-a456-426614174000']
  ])('%s is a key, carried as %s', (input, normalized) => {
    expect(checkPixKey(input)).toEqual({ valid: true, normalized })
  })
  it.each(['+1 555 0100', '123.456.789-00', '11.222.333/0001-80', 'chave', '@x.com'])(
    '%s is not',
    (input) => {
      expect(checkPixKey(input)).toMatchObject({ valid: false, code: 'pix_key_format' })
    }
  )
})
