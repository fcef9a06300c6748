import { describe, expect, it } from 'vitest'
import { nifOf } from './nif'
import { aeatQrUrl } from './qr'

describe('Spanish NIF', () => {
  it.each([
    ['12345678Z', '12345678Z'], // DNI
    ['12345678A', null], // wrong letter
    ['X1234567L', 'X1234567L'], // NIE
    ['B12345674', 'B12345674'], // CIF, check digit
    ['B12345675', null],
    ['P1234567D', 'P1234567D'], // CIF of a public body: check letter
    ['ES B-12345674', 'B12345674'],
    ['89890001K', '89890001K'] // the AEAT's examples' NIF: a DNI with its letter
  ])('%s → %s', (taxId, nif) => expect(nifOf(taxId)).toBe(nif))
})

describe('the AEAT QR code', () => {
  it('encodes each parameter: the specification’s own example', () =>
    expect(
      aeatQrUrl(
        {
          nif: '89890001K',
          numSerie: '12345678&G33',
          issueDate: '2024-01-01',
          importeTotal: '241.4'
        },
        'https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR'
      )
    ).toBe(
      'https://prewww2.aeat.es/wlpl/TIKE-CONT/ValidarQR?nif=89890001K&numserie=12345678%26G33&fecha=01-01-2024&importe=241.4'
    ))

  it('points at the production site by default', () =>
    expect(
      aeatQrUrl({
        nif: 'B12345674',
        numSerie: 'F/2026/000001',
        issueDate: '2026-01-05',
        importeTotal: '121.00'
      })
    ).toBe(
      'https://www2.agenciatributaria.gob.es/wlpl/TIKE-CONT/ValidarQR?nif=B12345674&numserie=F%2F2026%2F000001&fecha=05-01-2026&importe=121.00'
    ))
})
