import { describe, expect, it } from 'vitest'
import { crc8, checkKsefNumber, nipOf } from './numbers'
import { easterSunday, nextWorkingDay, polishHolidays, previousWorkingDay } from './calendar'

describe('NIP', () => {
  it.each([
    ['5265877635', '5265877635'],
    ['PL5265877635', '5265877635'],
    ['526-587-76-35', '5265877635'],
    ['5265877636', null], // wrong check digit
    ['526587763', null], // nine digits
    ['', null]
  ])('%s → %s', (taxId, nip) => expect(nipOf(taxId)).toBe(nip))
})

describe('KSeF number', () => {
  // the official examples of ksef-docs (numer-ksef.md and the UPO samples)
  it.each([
    ['5265877635-20250826-0100001AF629', 'AF'],
    ['5265877635-20250916-0200A0D6723E', 'C2'],
    ['5265877635-20250916-010040741B3E', '46']
  ])('CRC-8 of %s is %s', (head, crc) => expect(crc8(head)).toBe(crc))

  const invoice = { nip: '5265877635', issueDate: '2025-09-15', today: '2025-12-01' }
  it('accepts a number of the seller given on or after the issue day', () =>
    expect(checkKsefNumber('5265877635-20250916-0200A0D6723E-C2', invoice)).toEqual({
      ok: true,
      nip: '5265877635',
      date: '2025-09-16'
    }))
  it.each([
    ['5265877635-20250916-0200A0D6723E-C3', 'checksum'],
    ['5265877635-20250916-0200a0d6723e-C2', 'format'],
    ['5265877635-20250916-0200A0D6723E', 'format'],
    ['1111111111-20250916-0200A0D6723E-' + crc8('1111111111-20250916-0200A0D6723E'), 'nip'],
    ['5265877635-20250914-0200A0D6723E-' + crc8('5265877635-20250914-0200A0D6723E'), 'date'],
    ['5265877635-20251302-0200A0D6723E-' + crc8('5265877635-20251302-0200A0D6723E'), 'date']
  ])('refuses %s (%s)', (number, reason) => {
    const check = checkKsefNumber(number, invoice)
    expect(check.ok).toBe(false)
    if (!check.ok) expect(check.reason).toBe(reason)
  })
})

describe('Polish working days', () => {
  it.each([
    [2026, '2026-04-05'],
    [2025, '2025-04-20'],
    [2027, '2027-03-28']
  ])('Easter %i is %s', (year, day) => expect(easterSunday(year)).toBe(day))

  it('lists the 2026 holidays, Christmas Eve among them', () =>
    expect(polishHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-06',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-03',
      '2026-05-24',
      '2026-06-04',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26'
    ]))

  it.each([
    ['2026-03-03', '2026-03-04', 'Tuesday → Wednesday'],
    ['2026-03-06', '2026-03-09', 'Friday → Monday'],
    ['2026-03-07', '2026-03-09', 'Saturday → Monday'],
    ['2026-11-10', '2026-11-12', 'Tuesday, then Independence Day (Wednesday 11 Nov)'],
    ['2026-04-03', '2026-04-07', 'Good Friday → over Easter Monday'],
    ['2026-12-23', '2026-12-28', 'Christmas Eve, Christmas, the weekend'],
    ['2027-11-10', '2027-11-12', '11 November 2027 is a Thursday']
  ])('the next working day after %s is %s (%s)', (day, next) =>
    expect(nextWorkingDay(day)).toBe(next)
  )

  it('the last working day before a Monday after a holiday weekend', () =>
    expect(previousWorkingDay('2026-01-07')).toBe('2026-01-05'))
})
