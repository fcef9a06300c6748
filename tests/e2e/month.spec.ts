import { test } from './fixtures'
import { bookkeepersMonth } from './month'

test.describe('a bookkeeper’s month', () => {
  test.describe.configure({ timeout: 120_000 })

  test('in English', async ({ page, app }, info) => {
    await bookkeepersMonth(page, app, info, 'en')
  })

  test.describe('in Polish', () => {
    test.use({ locale: 'pl-PL' })
    test('po polsku', async ({ page, app }, info) => {
      await bookkeepersMonth(page, app, info, 'pl')
    })
  })
})
