import { useMemo } from 'react'
import i18next from 'i18next'
import type { InvoiceView } from '@shared/books/invoices'
import type { Translate } from '@shared/documents/breakdown-text'
import { invoiceModel, type DocumentModel } from '@shared/documents/invoice-model'
import { qrSvgPath } from '@shared/documents/qr'
import { useChannel } from '../../api/context'

/** The seller's logo the document names (kept with it at issue), as the PDF prints it. */
function SellerLogo({ sha256, alt }: { sha256: string; alt: string }) {
  const [logo] = useChannel('documents/logo', { sha256 })
  if (logo.status !== 'ready' || !logo.value) return null
  return (
    <img
      className="doc-logo"
      src={`data:${logo.value.mimeType};base64,${logo.value.dataBase64}`}
      alt={alt}
    />
  )
}

/** The payment QR code, drawn from the same matrix as the PDF's, so a phone can scan the screen. */
function PaymentCode({ code }: { code: NonNullable<DocumentModel['paymentCode']> }) {
  const { size, d } = useMemo(() => qrSvgPath(code.payload), [code.payload])
  return (
    <figure className="doc-qr">
      <svg viewBox={`-4 -4 ${size + 8} ${size + 8}`} role="img" aria-label={code.caption}>
        <rect x={-4} y={-4} width={size + 8} height={size + 8} fill="#fff" />
        <path d={d} fill="#000" shapeRendering="crispEdges" />
      </svg>
      <figcaption>{code.caption}</figcaption>
    </figure>
  )
}

/** The tax authority's code (KSeF KOD I) with its label (the KSeF number, or OFFLINE), as the PDF prints it. */
function TaxCode({ code }: { code: NonNullable<DocumentModel['taxCode']> }) {
  const { size, d } = useMemo(() => qrSvgPath(code.payload), [code.payload])
  return (
    <figure className="doc-qr doc-tax-code">
      <span className={code.placement === 'top' ? 'doc-tax-caption' : 'doc-label'}>
        {code.caption}
      </span>
      <a href={code.payload} target="_blank" rel="noreferrer">
        <svg viewBox={`-4 -4 ${size + 8} ${size + 8}`} role="img" aria-label={code.caption}>
          <rect x={-4} y={-4} width={size + 8} height={size + 8} fill="#fff" />
          <path d={d} fill="#000" shapeRendering="crispEdges" />
        </svg>
      </a>
      <figcaption className="doc-tax-label">{code.label}</figcaption>
    </figure>
  )
}

/**
 * The invoice as the customer will see it, in the customer's language (not the UI's), with every
 * charge explained: drawn from the same document model as the PDF and the email, so the screen,
 * the paper and the attachment say the same words and figures.
 */
export function InvoiceDocument({
  invoice,
  upcoming = false,
  ksef = null,
  verifactu = null,
  nfse = null
}: {
  invoice: InvoiceView
  /** The invoice the next billing run will make: titled and watermarked as a preview. */
  upcoming?: boolean
  /** KSeF's KOD I of a Polish seller's issued document (from invoices/einvoices). */
  ksef?: { url: string; label: string; splitPayment?: boolean } | null
  /** The AEAT's VERI*FACTU QR of a Spanish seller's. */
  verifactu?: { url: string } | null
  /** A Brazilian seller's DPS and NFS-e as recorded (from invoices/einvoices). */
  nfse?: { nfseNumber: string | null; accessKey: string | null } | null
}) {
  const model = useMemo(
    () =>
      invoiceModel(
        invoice,
        invoice.language,
        i18next.getFixedT(invoice.language) as unknown as Translate,
        {
          upcoming,
          ksef,
          verifactu,
          nfse:
            nfse?.nfseNumber && nfse.accessKey
              ? { number: nfse.nfseNumber, accessKey: nfse.accessKey }
              : null
        }
      ),
    [invoice, upcoming, ksef, verifactu, nfse]
  )
  return (
    // the customer's words, not the app's: marked so, and never machine-translated
    <article className="doc" aria-label={model.title} lang={invoice.language} translate="no">
      {model.watermark && (
        <p className="doc-watermark" aria-hidden="true">
          {model.watermark}
        </p>
      )}
      {model.taxCode?.placement === 'top' && (
        <div className="doc-tax-top">
          <TaxCode code={model.taxCode} />
        </div>
      )}
      <header className="doc-head">
        <div>
          {invoice.seller?.logo && (
            <SellerLogo sha256={invoice.seller.logo.sha256} alt={invoice.seller.name} />
          )}
          <h2 className="doc-title">{model.title}</h2>
        </div>
        <dl className="doc-dates">
          {model.facts.map((f) => (
            <div key={f.label} className="doc-fact">
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </header>
      <div
        className={
          model.taxCode?.placement === 'parties' ? 'doc-parties doc-parties-coded' : 'doc-parties'
        }
      >
        {model.parties.map((p) => (
          <div key={p.label} className="doc-party">
            <p className="doc-label">{p.label}</p>
            <p className="doc-party-name">{p.bold}</p>
            {p.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        ))}
        {model.taxCode?.placement === 'parties' && <TaxCode code={model.taxCode} />}
      </div>
      {model.notes.map((note) => (
        <p key={note} className="doc-note">
          {note}
        </p>
      ))}
      <table className="table doc-lines">
        <thead>
          <tr>
            <th scope="col">{model.columns.description}</th>
            <th scope="col" className="num">
              {model.columns.quantity}
            </th>
            <th scope="col" className="num">
              {model.columns.tax}
            </th>
            <th scope="col" className="num">
              {model.columns.amount}
            </th>
          </tr>
        </thead>
        <tbody>
          {model.lines.map((line, i) => (
            <tr key={invoice.lines[i]?.id ?? i}>
              <td>
                <span className="doc-line-title">{line.title}</span>
                {line.details.map((detail, k) => (
                  <span key={k} className="block muted computation">
                    {detail}
                  </span>
                ))}
              </td>
              <td className="num">{line.quantity}</td>
              <td className="num">{line.tax}</td>
              <td className="num">{line.amount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="doc-totals">
        {model.totals.map((row) => (
          <div key={row.label} className={row.grand ? 'doc-total doc-grand' : 'doc-total'}>
            <dt>{row.label}</dt>
            <dd className="num">{row.value}</dd>
          </div>
        ))}
      </dl>
      {(model.payment.length > 0 || model.paymentCode) && (
        <section className="doc-payment">
          <div>
            {model.payment.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          {model.paymentCode && <PaymentCode code={model.paymentCode} />}
        </section>
      )}
      {model.legalNotes.length > 0 && (
        <ul className="doc-notes">
          {model.legalNotes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </article>
  )
}
