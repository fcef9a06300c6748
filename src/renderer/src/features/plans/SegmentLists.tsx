import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TaxRate } from '@shared/billing/inputs'
import type { FieldError } from '@shared/result'
import { useChannel } from '../../api/context'
import { Button } from '../../components/Button'
import { Card } from '../../components/Card'
import { TextField } from '../../components/Field'
import { fieldMessage } from '../../errors'
import type { PlanForm, PriceForm } from './planForm'
import { PriceEditor } from './PriceEditor'

/** Price lists by customer segment: for a segment's customers, some of the plan's prices replaced. */
export function SegmentLists({
  form,
  errors,
  taxRates,
  onChange
}: {
  form: PlanForm
  errors: Record<string, FieldError>
  taxRates: TaxRate[]
  onChange(segments: PlanForm['segments']): void
}) {
  const { t } = useTranslation()
  const [facets] = useChannel('customers/facets', {})
  const [newSegment, setNewSegment] = useState('')
  const known = facets.status === 'ready' ? facets.value.segments : []
  const lists = form.segments
  const set = (i: number, next: PlanForm['segments'][number]) =>
    onChange(lists.map((l, n) => (n === i ? next : l)))
  const add = () => {
    const segment = newSegment.trim()
    if (!segment || lists.some((l) => l.segment === segment)) return
    // starts by replacing the first price, as it is now: the bookkeeper changes what differs
    onChange([...lists, { segment, prices: [{ ...form.prices[0]! }] }])
    setNewSegment('')
  }
  return (
    <Card title={t('plans.segmentLists')} description={t('plans.segmentListsHint')}>
      {lists.map((list, i) => {
        const unused = form.prices.filter((p) => !list.prices.some((q) => q.id === p.id))
        return (
          <section
            key={list.segment}
            className="segment-list"
            aria-label={t('plans.segmentList', { segment: list.segment })}
          >
            <h3>{t('plans.segmentList', { segment: list.segment })}</h3>
            {list.prices.map((price, n) => (
              <PriceEditor
                key={`${price.id}-${n}`}
                price={price}
                index={n}
                path={`segment_prices.${list.segment}.${n}`}
                legend={t('plans.replaces', { id: price.id, segment: list.segment })}
                errors={errors}
                taxRates={taxRates}
                canRemove
                onChange={(p: PriceForm) =>
                  set(i, { ...list, prices: list.prices.map((x, m) => (m === n ? p : x)) })
                }
                onRemove={() => {
                  const prices = list.prices.filter((_, m) => m !== n)
                  if (prices.length) set(i, { ...list, prices })
                  else onChange(lists.filter((_, m) => m !== i))
                }}
              />
            ))}
            <div className="button-row">
              {unused.map((p) => (
                <Button
                  key={p.id}
                  onClick={() => set(i, { ...list, prices: [...list.prices, { ...p }] })}
                >
                  {t('plans.replaceAlso', { name: p.description || p.id })}
                </Button>
              ))}
              <Button variant="ghost" onClick={() => onChange(lists.filter((_, m) => m !== i))}>
                {t('plans.removeSegmentList', { segment: list.segment })}
              </Button>
            </div>
          </section>
        )
      })}
      {errors.segment_prices && (
        <p className="field-error">{fieldMessage(t, errors.segment_prices)}</p>
      )}
      <div className="form-row">
        <TextField
          label={t('plans.segmentName')}
          value={newSegment}
          onChange={setNewSegment}
          list="plan-segments"
          hint={known.length ? t('plans.knownSegments', { segments: known.join(', ') }) : undefined}
        />
        <div className="button-row">
          <Button onClick={add} disabled={!newSegment.trim()}>
            {t('plans.addSegmentList')}
          </Button>
        </div>
      </div>
      <datalist id="plan-segments">
        {known.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </Card>
  )
}
