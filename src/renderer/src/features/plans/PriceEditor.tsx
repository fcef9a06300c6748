import { useTranslation } from 'react-i18next'
import { AGGREGATIONS, MODELS, type ChargeModelName } from '@shared/billing/plan'
import type { TaxRate } from '@shared/billing/inputs'
import type { FieldError } from '@shared/result'
import { Button } from '../../components/Button'
import { SelectField, TextField } from '../../components/Field'
import { fieldMessage } from '../../errors'
import { isTiered, type PriceForm } from './planForm'
import { TierTable } from './TierTable'

interface PriceEditorProps {
  price: PriceForm
  index: number
  /** Where its fields are in the plan ("prices.0", "segment_prices.SMB.0"). */
  path?: string
  /** What the fieldset is called (default "Price 1: …"). */
  legend?: string
  errors: Record<string, FieldError>
  taxRates: TaxRate[]
  canRemove: boolean
  onChange(price: PriceForm): void
  onRemove(): void
}

/** One price of a plan: its charge model and that model's fields, what it measures, when it is billed. */
export function PriceEditor({
  price,
  index,
  path = `prices.${index}`,
  legend,
  errors,
  taxRates,
  canRemove,
  onChange,
  onRemove
}: PriceEditorProps) {
  const { t } = useTranslation()
  const set = <K extends keyof PriceForm>(field: K, value: PriceForm[K]) =>
    onChange({ ...price, [field]: value })
  const text = (field: keyof PriceForm, schemaField: string, label: string, hint?: string) => (
    <TextField
      label={label}
      name={`${path}.${schemaField}`}
      value={String(price[field])}
      onChange={(v) => set(field, v as never)}
      error={fieldMessage(t, errors[`${path}.${schemaField}`])}
      hint={hint}
      inputMode="decimal"
    />
  )
  const model = price.model
  return (
    <fieldset className="price-editor">
      <legend>
        {legend ?? t('plans.priceN', { n: index + 1, name: price.description || price.id })}
      </legend>
      <div className="form-grid form-grid-3">
        <TextField
          label={t('plans.priceDescription')}
          name={`${path}.description`}
          value={price.description}
          onChange={(v) => set('description', v)}
          error={fieldMessage(t, errors[`${path}.description`])}
          hint={t('plans.priceDescriptionHint')}
          required
        />
        <TextField
          label={t('plans.priceId')}
          name={`${path}.id`}
          value={price.id}
          onChange={(v) => set('id', v)}
          error={fieldMessage(t, errors[`${path}.id`])}
        />
        <SelectField
          label={t('plans.model')}
          name={`${path}.model`}
          value={model}
          onChange={(v) => set('model', v as ChargeModelName)}
          options={MODELS.map((m) => ({ value: m, label: t(`plans.model_${m}`) }))}
          hint={t(`plans.modelHint_${model}`)}
        />
      </div>
      <div className="form-grid form-grid-3">
        <SelectField
          label={t('plans.charges')}
          name={`${path}.metered`}
          value={price.metered ? 'usage' : 'seats'}
          onChange={(v) =>
            onChange({
              ...price,
              metered: v === 'usage',
              timing: v === 'usage' ? '' : price.timing
            })
          }
          options={[
            { value: 'seats', label: t('plans.chargeSeats') },
            { value: 'usage', label: t('plans.chargeUsage') }
          ]}
        />
        {price.metered ? (
          <>
            <TextField
              label={t('plans.metric')}
              name={`${path}.metric.code`}
              value={price.metric_code}
              onChange={(v) => set('metric_code', v)}
              error={fieldMessage(t, errors[`${path}.metric.code`] ?? errors[`${path}.metric`])}
              hint={t('plans.metricHint')}
            />
            <SelectField
              label={t('plans.aggregation')}
              name={`${path}.metric.aggregation`}
              value={price.aggregation}
              onChange={(v) => set('aggregation', v as PriceForm['aggregation'])}
              options={AGGREGATIONS.map((a) => ({ value: a, label: t(`plans.aggregation_${a}`) }))}
            />
            {price.aggregation !== 'count' && (
              <TextField
                label={t('plans.property')}
                name={`${path}.metric.property`}
                value={price.property}
                onChange={(v) => set('property', v)}
                error={fieldMessage(t, errors[`${path}.metric.property`])}
                hint={t('plans.propertyHint')}
              />
            )}
          </>
        ) : (
          <SelectField
            label={t('plans.timing')}
            name={`${path}.timing`}
            value={price.timing}
            onChange={(v) => set('timing', v as PriceForm['timing'])}
            error={fieldMessage(t, errors[`${path}.timing`])}
            options={[
              { value: '', label: t('plans.timingDefault') },
              { value: 'advance', label: t('plans.timing_advance') },
              { value: 'arrears', label: t('plans.timing_arrears') }
            ]}
          />
        )}
        <SelectField
          label={t('plans.priceTaxRate')}
          name={`${path}.tax_rate`}
          value={price.tax_rate}
          onChange={(v) => set('tax_rate', v)}
          options={[
            { value: '', label: t('plans.planTaxRate') },
            ...taxRates.map((r) => ({ value: r.id, label: `${r.name ?? r.id} (${r.percent} %)` }))
          ]}
        />
      </div>
      <div className="form-grid form-grid-3">
        {model === 'flat' && text('amount', 'amount', t('plans.amount'), t('plans.amountHint'))}
        {model === 'per_unit' && text('unit_price', 'unit_price', t('plans.unitPrice'))}
        {model === 'package' && (
          <>
            {text('package_size', 'package_size', t('plans.packageSize'))}
            {text('package_price', 'package_price', t('plans.packagePrice'))}
            {text('free_units', 'free_units', t('plans.freeUnits'))}
          </>
        )}
        {model === 'percentage' && (
          <>
            {text('rate', 'rate', t('plans.rate'), t('plans.rateHint'))}
            {text('fixed_fee', 'fixed_fee', t('plans.fixedFee'))}
            {text('free_amount', 'free_amount', t('plans.freeAmount'))}
            {text('free_transactions', 'free_transactions', t('plans.freeTransactions'))}
            {text('min_per_transaction', 'min_per_transaction', t('plans.minPerTransaction'))}
            {text('max_per_transaction', 'max_per_transaction', t('plans.maxPerTransaction'))}
          </>
        )}
      </div>
      {isTiered(model) && (
        <TierTable
          tiers={price.tiers}
          withUnitPrice={model !== 'stairstep'}
          path={`${path}.tiers`}
          errors={errors}
          onChange={(tiers) => set('tiers', tiers)}
        />
      )}
      {errors[`${path}.metric`] && !price.metered && (
        <p className="field-error">{fieldMessage(t, errors[`${path}.metric`])}</p>
      )}
      {canRemove && (
        <div className="button-row">
          <Button variant="ghost" onClick={onRemove}>
            {t('plans.removePrice')}
          </Button>
        </div>
      )}
    </fieldset>
  )
}
