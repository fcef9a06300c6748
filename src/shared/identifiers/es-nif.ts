import { compact, invalid, valid, withoutPrefix, type IdCheck } from './check'

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE'
const CIF_CONTROL_LETTERS = 'JABCDEFGHI'

/**
 * Spanish NIF in its three shapes: DNI (8 digits + letter), NIE (X/Y/Z + 7 digits + letter, the
 * prefix read as 0/1/2) and CIF for entities (letter + 7 digits + control digit or letter).
 * The EU VAT form "ES…" is accepted.
 */
export function checkNif(input: string): IdCheck {
  const value = compact(input)
  const id = withoutPrefix(value, 'ES')
  if (/^\d{8}[A-Z]$/.test(id)) return checkDniLike(value, id.slice(0, 8), id[8]!)
  if (/^[XYZ]\d{7}[A-Z]$/.test(id)) {
    const number = String('XYZ'.indexOf(id[0]!)) + id.slice(1, 8)
    return checkDniLike(value, number, id[8]!)
  }
  if (/^[KLM]\d{7}[A-Z]$/.test(id)) return checkDniLike(value, id.slice(1, 8), id[8]!)
  if (/^[ABCDEFGHJNPQRSUVW]\d{7}[0-9A-J]$/.test(id)) return checkCif(value, id)
  return invalid(
    'nif_format',
    'A Spanish NIF is 8 digits and a letter (DNI), X/Y/Z + 7 digits + letter (NIE) or a letter + 7 digits + a control character (CIF)'
  )
}

function checkDniLike(value: string, number: string, letter: string): IdCheck {
  const expected = DNI_LETTERS[Number(number) % 23]
  return letter === expected
    ? valid(value)
    : invalid('nif_checksum', `The NIF check letter should be ${expected}: check for a typo`)
}

/** The CIF control character: Luhn-like sum over the 7 digits, as a digit or as a letter of JABCDEFGHI. */
export function cifControl(digits: string): { digit: string; letter: string } {
  let sum = 0
  for (let i = 0; i < 7; i++) {
    const d = Number(digits[i])
    if (i % 2 === 1) {
      sum += d
    } else {
      const doubled = d * 2
      sum += Math.floor(doubled / 10) + (doubled % 10)
    }
  }
  const control = (10 - (sum % 10)) % 10
  return { digit: String(control), letter: CIF_CONTROL_LETTERS[control]! }
}

/**
 * Published sources disagree on which entity types use a letter and which a digit as control
 * character, so either form is accepted for every type (as python-stdnum does).
 */
function checkCif(value: string, id: string): IdCheck {
  const given = id[8]!
  const { digit, letter } = cifControl(id.slice(1, 8))
  return given === digit || given === letter
    ? valid(value)
    : invalid('nif_checksum', 'The CIF control character does not match: check for a typo')
}
