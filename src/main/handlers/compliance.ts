import { ksefExport, ksefQueue, recordKsefNumber, rejectKsef } from '../books/ksef'
import { importUpo } from '../books/ksef-upo'
import { listExchangeRates, setExchangeRate } from '../books/exchange-rates'
import { viewInvoice } from '../books/invoices'
import { verifactuExport, verifactuRecords, verifyVerifactu } from '../books/verifactu'
import { importNfse, nfseList, setNfseSettings } from '../books/nfse'
import type { HandlerRegistry } from '../ipc/registry'
import type { HandlerContext } from './context'

/**
 * Compliance: the KSeF queue and what is recorded back from KSeF, the NBP rates FA(3) uses, the
 * Verifactu records, and the NFS-e settings and returned NFS-e of a Brazilian company.
 */
export function registerComplianceHandlers(registry: HandlerRegistry, ctx: HandlerContext): void {
  const books = () => ctx.workspace.requireStore().books
  registry
    .register('ksef/queue', (input) => ksefQueue(books(), input))
    .register('ksef/export', ({ fileName, includeSent }) => {
      const name = fileName ?? `ksef-${books().today()}.zip`
      const { bytes, files, skipped } = ksefExport(books(), name, { includeSent })
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
    .register('verifactu/records', ({ limit }) => {
      const all = verifactuRecords(books())
      const chain = verifyVerifactu(books(), (id) => viewInvoice(books(), id))
      return {
        records: all
          .slice(-limit)
          .reverse()
          .map((r) => ({
            id: r.id,
            invoiceId: r.invoiceId,
            kind: r.kind,
            tipoFactura: r.tipoFactura,
            numSerie: r.numSerie,
            issueDate: r.issueDate,
            importeTotal: r.importeTotal,
            generatedAt: r.generatedAt,
            huella: r.huella
          })),
        total: all.length,
        chain: { ok: chain.ok, broken: chain.broken }
      }
    })
    .register('verifactu/export', () => ({
      files: verifactuExport(books(), (id) => viewInvoice(books(), id)).map((xml, i) => ({
        fileName: `verifactu-${books().today()}${i ? `-${i + 1}` : ''}.xml`,
        dataBase64: Buffer.from(xml, 'utf8').toString('base64')
      }))
    }))
    .register('nfse/list', ({ limit }) => nfseList(books(), limit))
    .register('nfse/settings', ({ settings }) => setNfseSettings(books(), settings))
    .register('nfse/import', ({ files }) => importNfse(books(), files))
    .register('exchangeRates/set', ({ currency, day, rate }) => {
      setExchangeRate(books(), currency, day, rate)
      return listExchangeRates(books())
    })
}
