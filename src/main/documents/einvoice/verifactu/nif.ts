/**
 * Spanish tax ids as the AEAT checks them: a DNI (eight digits and a check letter), an NIE (X, Y
 * or Z, seven digits, a letter) or a company's CIF/NIF (a letter, seven digits, a check digit or
 * letter). Pure.
 */

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE'

/** The id without spaces, dots, dashes or the ES prefix, in capitals. */
export const compactNif = (taxId: string): string =>
  taxId
    .toUpperCase()
    .replace(/[\s.\-/]/g, '')
    .replace(/^ES(?=[0-9A-Z]{9}$)/, '')

function cifControl(digits: string): number {
  let sum = 0
  for (let i = 0; i < 7; i++) {
    const d = Number(digits[i])
    if (i % 2 === 1) sum += d
    else sum += Math.floor((2 * d) / 10) + ((2 * d) % 10)
  }
  return (10 - (sum % 10)) % 10
}

/** The NIF when it is a valid one, else null. */
export function nifOf(taxId: string | undefined): string | null {
  const id = compactNif(taxId ?? '')
  if (/^\d{8}[A-Z]$/.test(id)) return DNI_LETTERS[Number(id.slice(0, 8)) % 23] === id[8] ? id : null
  if (/^[XYZ]\d{7}[A-Z]$/.test(id)) {
    const number = Number(`${'XYZ'.indexOf(id[0]!)}${id.slice(1, 8)}`)
    return DNI_LETTERS[number % 23] === id[8] ? id : null
  }
  const cif = /^([ABCDEFGHJNPQRSUVW])(\d{7})([0-9A-J])$/.exec(id)
  if (cif) {
    const control = cifControl(cif[2]!)
    const letter = 'JABCDEFGHI'[control]!
    const byLetter = 'PQRSNW'.includes(cif[1]!)
    const byDigit = 'ABEH'.includes(cif[1]!)
    const ok = (!byDigit && cif[3] === letter) || (!byLetter && cif[3] === String(control))
    return ok ? id : null
  }
  return null
}
