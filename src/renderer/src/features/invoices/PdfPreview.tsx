import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'
import type { AppErrorInfo, Result } from '@shared/result'
import type { Api } from '../../api/client'
import { useApi } from '../../api/context'
import { Alert } from '../../components/Alert'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { Loading } from '../../components/Loading'
import { ActionButton } from '../../components/ActionButton'
import { fromBase64, saveDownload } from '../../download'
import { errorMessage } from '../../errors'

GlobalWorkerOptions.workerSrc = workerUrl

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const

type PdfResult =
  { ok: true; value: { fileName: string; pdfBase64: string } } | { ok: false; error: AppErrorInfo }

/**
 * Print. The desktop app hands the PDF to main, which opens it in the OS print dialog (app/print);
 * browser mode opens it in the browser's own viewer (a new tab), whose print dialog is one click
 * away. Either way the printed pages are the PDF's, not the screen's.
 */
export async function printPdf(
  api: Api,
  pdf: { fileName: string; pdfBase64: string }
): Promise<Result<unknown>> {
  if (window.facturo)
    return api.invoke('app/print', { fileName: pdf.fileName, pdfBase64: pdf.pdfBase64 })
  const url = URL.createObjectURL(
    new Blob([fromBase64(pdf.pdfBase64) as BlobPart], { type: 'application/pdf' })
  )
  window.open(url, '_blank', 'noopener')
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { ok: true, value: null }
}

/** A Print button for a PDF main renders on request (an invoice, a run, a statement). */
export function PrintButton({
  load,
  variant
}: {
  load: () => Promise<PdfResult>
  variant?: 'ghost'
}) {
  const { t } = useTranslation()
  const api = useApi()
  return (
    <ActionButton
      variant={variant}
      label={t('invoices.print')}
      run={async () => {
        const pdf = await load()
        return pdf.ok ? printPdf(api, pdf.value) : pdf
      }}
      onValue={() => undefined}
    />
  )
}

/**
 * Preview: a real PDF (an invoice's, or a subscription's upcoming invoice) drawn page by page by
 * pdf.js, with zoom, not an imitation of it. The canvas is named by the page's text, so a screen
 * reader (and a test) reads what it shows. `load` asks main for the PDF; it is called once.
 */
export function PdfPreviewDialog({
  load,
  title,
  onClose
}: {
  load: () => Promise<PdfResult>
  title: string
  onClose(): void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const loader = useRef(load)
  const canvas = useRef<HTMLCanvasElement>(null)
  const [pdf, setPdf] = useState<{
    doc: PDFDocumentProxy
    source: { fileName: string; pdfBase64: string }
  } | null>(null)
  const [failure, setFailure] = useState<AppErrorInfo | null>(null)
  const [page, setPage] = useState(1)
  const [zoom, setZoom] = useState(2)
  const [pageText, setPageText] = useState('')

  useEffect(() => {
    let cancelled = false
    let loading: ReturnType<typeof getDocument> | null = null
    void (async () => {
      const result = await loader.current()
      if (cancelled) return
      if (!result.ok) return setFailure(result.error)
      // pdf.js takes the bytes it is given; the base64 is kept for printing
      loading = getDocument({ data: fromBase64(result.value.pdfBase64) })
      const doc = await loading.promise
      if (!cancelled) setPdf({ doc, source: result.value })
    })()
    return () => {
      cancelled = true
      void loading?.destroy()
    }
  }, [])

  useEffect(() => {
    if (!pdf || !canvas.current) return
    let task: { cancel(): void } | null = null
    void (async () => {
      const p = await pdf.doc.getPage(page)
      const viewport = p.getViewport({ scale: ZOOMS[zoom]! * (window.devicePixelRatio || 1) })
      const target = canvas.current!
      target.width = viewport.width
      target.height = viewport.height
      target.style.width = `${viewport.width / (window.devicePixelRatio || 1)}px`
      const rendering = p.render({ canvas: target, viewport })
      task = rendering
      await rendering.promise.catch(() => undefined)
      const content = await p.getTextContent()
      setPageText(content.items.map((item) => ('str' in item ? item.str : '')).join(' '))
    })()
    return () => task?.cancel()
  }, [pdf, page, zoom])

  const pages = pdf?.doc.numPages ?? 0
  return (
    <Dialog
      title={title}
      open
      wide
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.close')}</Button>
          {pdf && (
            <ActionButton
              label={t('invoices.print')}
              run={() => printPdf(api, pdf.source)}
              onValue={() => undefined}
            />
          )}
        </>
      }
    >
      {failure && <Alert tone="error">{errorMessage(t, failure)}</Alert>}
      {!pdf && !failure && <Loading />}
      {pdf && (
        <div className="toolbar" role="toolbar" aria-label={t('invoices.previewControls')}>
          <Button variant="ghost" disabled={page <= 1} onClick={() => setPage((n) => n - 1)}>
            {t('invoices.previousPage')}
          </Button>
          <span>{t('invoices.pageOf', { page, pages })}</span>
          <Button variant="ghost" disabled={page >= pages} onClick={() => setPage((n) => n + 1)}>
            {t('invoices.nextPage')}
          </Button>
          <Button variant="ghost" disabled={zoom <= 0} onClick={() => setZoom((z) => z - 1)}>
            {t('invoices.zoomOut')}
          </Button>
          <span>{Math.round(ZOOMS[zoom]! * 100)} %</span>
          <Button
            variant="ghost"
            disabled={zoom >= ZOOMS.length - 1}
            onClick={() => setZoom((z) => z + 1)}
          >
            {t('invoices.zoomIn')}
          </Button>
        </div>
      )}
      <div className="pdf-preview">
        <canvas ref={canvas} role="img" aria-label={pageText || t('invoices.preview')} />
      </div>
    </Dialog>
  )
}

/**
 * Preview and Download PDF for a document main renders on request (an upcoming invoice, a
 * statement), with any further buttons after them; the preview opens in the dialog above.
 */
export function PdfButtons({
  load,
  title,
  children
}: {
  load: () => Promise<PdfResult>
  title: string
  children?: ReactNode
}) {
  const { t } = useTranslation()
  const [previewing, setPreviewing] = useState(false)
  return (
    <div className="card-actions">
      <Button onClick={() => setPreviewing(true)}>{t('invoices.preview')}</Button>
      <ActionButton
        label={t('invoices.downloadPdf')}
        run={load}
        onValue={(pdf) => saveDownload(fromBase64(pdf.pdfBase64), pdf.fileName, 'application/pdf')}
      />
      {children}
      {previewing && (
        <PdfPreviewDialog load={load} title={title} onClose={() => setPreviewing(false)} />
      )}
    </div>
  )
}
