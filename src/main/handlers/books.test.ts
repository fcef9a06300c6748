import { describe, expect, it } from 'vitest'
import type { Result } from '@shared/result'
import { dispatch } from '../ipc/dispatch'
import { snapshotFile, tempDir, testBackend } from '../test-support'

function value<T>(result: Result<T>): T {
  if (!result.ok)
    throw new Error(
      `${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fieldErrors ?? {})}`
    )
  return result.value
}

describe('the books through the contract', () => {
  it('previews a change without keeping it, then confirms the same lines', async () => {
    const backend = await testBackend(tempDir())
    const h = backend.handlers
    const file = value(
      await dispatch(h, 'files/create', {
        legalName: 'Acme',
        country: 'PL',
        defaultCurrency: 'PLN',
        defaultLanguage: 'pl'
      })
    )
    const plan = (id: string, amount: string) => ({
      id,
      name: id,
      currency: 'PLN',
      interval: 'month',
      prices: [{ id: 'fee', description: `${id} fee`, model: 'flat', amount }]
    })
    value(
      await dispatch(h, 'plans/save', { plan: plan('basic', '30.00'), effectiveFrom: '2020-01-01' })
    )
    value(
      await dispatch(h, 'plans/save', { plan: plan('pro', '90.00'), effectiveFrom: '2020-01-01' })
    )
    const customer = value(
      await dispatch(h, 'customers/create', {
        name: 'Ana',
        country: 'PL',
        language: 'pl',
        currency: 'PLN'
      })
    )
    const today = backend.workspace.requireStore().books.today()
    const start = `${today.slice(0, 8)}01`
    const sub = value(
      await dispatch(h, 'subscriptions/create', {
        customerId: customer.id,
        planCode: 'basic',
        startDate: start
      })
    )
    const run = value(await dispatch(h, 'billing/run', { asOf: today, dryRun: false }))
    expect(run.invoicesCreated).toBe(1)

    const before = snapshotFile(file.path)
    const preview = value(
      await dispatch(h, 'subscriptions/change', {
        subscriptionId: sub.id,
        planCode: 'pro',
        when: 'now',
        date: today,
        confirm: false
      })
    )
    expect(preview.lines.map((l) => l.kind)).toEqual(['proration_credit', 'proration_charge'])
    expect(snapshotFile(file.path)).toBe(before)
    const confirmed = value(
      await dispatch(h, 'subscriptions/change', {
        subscriptionId: sub.id,
        planCode: 'pro',
        when: 'now',
        date: today,
        confirm: true
      })
    )
    expect(confirmed.lines).toEqual(preview.lines)
    expect(confirmed.subscription.items.map((i) => i.planCode)).toEqual(['basic', 'pro'])

    value(
      await dispatch(h, 'plans/save', { plan: plan('extra', '10.00'), effectiveFrom: '2020-01-01' })
    )
    const addOn = { subscriptionId: sub.id, planCode: 'extra', date: today }
    const before2 = snapshotFile(file.path)
    const addPreview = value(
      await dispatch(h, 'subscriptions/addAddOn', { ...addOn, confirm: false })
    )
    // the days left of this month, unless today is the 1st (then the run bills the whole month)
    expect(addPreview.lines.map((l) => l.kind)).toEqual(today > start ? ['proration_charge'] : [])
    expect(snapshotFile(file.path)).toBe(before2)
    const withAddOn = value(
      await dispatch(h, 'subscriptions/addAddOn', { ...addOn, confirm: true })
    )
    expect(withAddOn.lines).toEqual(addPreview.lines)
    expect(withAddOn.subscription.items.map((i) => [i.role, i.planCode])).toEqual([
      ['plan', 'basic'],
      ['plan', 'pro'],
      ['addon', 'extra']
    ])
    const refused = await dispatch(h, 'subscriptions/removeAddOn', {
      subscriptionId: sub.id,
      itemId: withAddOn.subscription.items[0]!.id,
      when: 'now',
      confirm: true
    })
    expect(refused.ok ? null : refused.error.code).toBe('NOT_FOUND')

    const last = value(await dispatch(h, 'billing/lastRun', {}))
    expect(last).toMatchObject({ status: 'finished', customersDone: 1, invoicesCreated: 1 })
    expect(value(await dispatch(h, 'ledger/verify', {})).ok).toBe(true)
    const activity = value(await dispatch(h, 'customers/activity', { customerId: customer.id }))
    expect(activity.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'change']))
    await backend.shutdown()
  })
})
