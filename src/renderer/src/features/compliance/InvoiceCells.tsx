import { useTranslation } from 'react-i18next'
import type { NfseRow } from '@shared/nfse'
import { Money } from '../../components/Money'
import { formatDay } from '../../format'
import { intlLocale } from '../../i18n'

/**
 * The columns every Compliance table starts with (the KSeF queue, the NFS-e lists): the
 * document's number linking to it, the customer, the issue date and the total.
 */
export function InvoiceHeadCells() {
  const { t } = useTranslation()
  return (
    <>
      <th scope="col">{t('invoices.number')}</th>
      <th scope="col">{t('invoices.customer')}</th>
      <th scope="col">{t('invoices.issueDate')}</th>
      <th scope="col" className="num">
        {t('invoices.total')}
      </th>
    </>
  )
}

/** `total` in minor units, as the row shows it (a credit note's negative). */
export function InvoiceCells({
  row,
  total
}: {
  row: Pick<NfseRow, 'invoiceId' | 'number' | 'customerName' | 'issueDate' | 'currency'>
  total: number
}) {
  return (
    <>
      <td>
        <a href={`#/invoices/${row.invoiceId}`} translate="no">
          {row.number}
        </a>
      </td>
      <td>{row.customerName}</td>
      <td>{formatDay(row.issueDate, intlLocale())}</td>
      <td className="num">
        <Money amount={total} currency={row.currency} />
      </td>
    </>
  )
}
