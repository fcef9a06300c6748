import {
  importUpo,
  ksefExport,
  ksefQueue,
  listExchangeRates,
  recordKsefNumber,
  rejectKsef,
  setExchangeRate
} from '../books/ksef'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/** Compliance: the KSeF queue and what is recorded back from KSeF, and the NBP rates FA(3) uses. */
export function registerComplianceHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  registry
    .register('ksef/queue', (input) => ksefQueue(books(), input))
    .register('ksef/export', ({ fileName }) => {
      const name = fileName ?? `ksef-${books().today()}.zip`
      const { bytes, files, skipped } = ksefExport(books(), name)
      return {
        fileName: name,
        dataBase64: bytes ? Buffer.from(bytes).toString('base64') : '',
        files,
        skipped
      }
    })
    .register('ksef/record', ({ invoiceId, ksefNumber }) =>
      recordKsefNumber(books(), invoiceId, ksefNumber)
    )
    .register('ksef/reject', ({ invoiceId, reason }) => rejectKsef(books(), invoiceId, reason))
    .register('ksef/importUpo', ({ files }) => importUpo(books(), files))
    .register('exchangeRates/list', () => listExchangeRates(books()))
    .register('exchangeRates/set', ({ currency, day, rate }) => {
      setExchangeRate(books(), currency, day, rate)
      return listExchangeRates(books())
    })
}
