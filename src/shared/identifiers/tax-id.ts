import { checkBrazilTaxId } from './br-cnpj-cpf'
import { compact, invalid, valid, type IdCheck } from './check'
import { checkNif } from './es-nif'
import { checkNip } from './pl-nip'

/** Checks a company or person tax id by the rules of its country; other countries get a shape check. */
export function checkTaxId(country: string, input: string): IdCheck {
  switch (country) {
    case 'PL':
      return checkNip(input)
    case 'ES':
      return checkNif(input)
    case 'BR':
      return checkBrazilTaxId(input)
    default: {
      const value = compact(input)
      return /^[A-Z0-9]{2,30}$/.test(value)
        ? valid(value)
        : invalid('tax_id_format', 'A tax id has 2 to 30 letters and digits')
    }
  }
}
