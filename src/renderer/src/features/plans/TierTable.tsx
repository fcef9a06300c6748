import { useTranslation } from 'react-i18next'
import type { FieldError } from '@shared/result'
import { Button } from '../../components/Button'
import { fieldMessage } from '../../errors'
import type { TierForm } from './planForm'

interface TierTableProps {
  tiers: TierForm[]
  /** stairstep tiers have a flat fee only. */
  withUnitPrice: boolean
  path: string
  errors: Record<string, FieldError>
  onChange(tiers: TierForm[]): void
}

/** The tiers of a graduated, volume or stairstep price: add, remove, edit limits and prices. */
export function TierTable({ tiers, withUnitPrice, path, errors, onChange }: TierTableProps) {
  const { t } = useTranslation()
  const set = (i: number, field: keyof TierForm, value: string) =>
    onChange(tiers.map((tier, n) => (n === i ? { ...tier, [field]: value } : tier)))
  const add = () => {
    // the new tier goes before the open last one, starting where the previous limit ended
    const last = tiers[tiers.length - 1]!
    const before = tiers.slice(0, -1)
    const previous = before[before.length - 1]?.up_to ?? '0'
    const guess = /^\d+$/.test(previous) ? String(Number(previous) * 10 || 100) : ''
    onChange([...before, { up_to: guess, unit_price: last.unit_price, flat_fee: '' }, last])
  }
  const remove = (i: number) => onChange(tiers.filter((_, n) => n !== i))
  const cell = (i: number, field: keyof TierForm, label: string, disabled = false) => {
    const name = `${path}.${i}.${field}`
    const error = errors[name]
    return (
      <td>
        <input
          className="input input-compact"
          name={name}
          aria-label={t('plans.tierField', { tier: i + 1, field: label })}
          aria-invalid={error ? true : undefined}
          value={disabled ? '' : tiers[i]![field]}
          placeholder={disabled ? t('plans.noLimit') : undefined}
          disabled={disabled}
          inputMode="decimal"
          onChange={(e) => set(i, field, e.target.value)}
        />
        {error && <span className="field-error">{fieldMessage(t, error)}</span>}
      </td>
    )
  }
  return (
    <div className="tier-table">
      <table className="table table-compact">
        <caption className="visually-hidden">{t('plans.tiers')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.tier')}</th>
            <th scope="col">{t('plans.from')}</th>
            <th scope="col">{t('plans.upTo')}</th>
            {withUnitPrice && <th scope="col">{t('plans.unitPrice')}</th>}
            <th scope="col">{t('plans.flatFee')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('plans.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((tier, i) => {
            const last = i === tiers.length - 1
            const from = i === 0 ? '0' : tiers[i - 1]!.up_to || '…'
            return (
              <tr key={i}>
                <th scope="row">{i + 1}</th>
                <td className="muted">{t('plans.above', { from })}</td>
                {cell(i, 'up_to', t('plans.upTo'), last)}
                {withUnitPrice && cell(i, 'unit_price', t('plans.unitPrice'))}
                {cell(i, 'flat_fee', t('plans.flatFee'))}
                <td>
                  {!last && (
                    <Button
                      variant="ghost"
                      className="btn-icon"
                      aria-label={t('plans.removeTier', { tier: i + 1 })}
                      title={t('plans.removeTier', { tier: i + 1 })}
                      onClick={() => remove(i)}
                    >
                      <span aria-hidden="true">✕</span>
                    </Button>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <Button onClick={add}>{t('plans.addTier')}</Button>
    </div>
  )
}
