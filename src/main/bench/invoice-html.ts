import type { DocumentModel } from '@shared/documents/invoice-model'

/**
 * The benchmark's other route: the same document model as an HTML page, for a headless browser
 * to print to PDF (what tools that render invoices as HTML do). Only the benchmark uses it.
 */

const escape = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

export function documentHtml(model: DocumentModel): string {
  const rows = model.lines
    .map(
      (
        line
      ) => `<tr><td><b>${escape(line.title)}</b>${line.details.map((d) => `<div class="d">${escape(d)}</div>`).join('')}</td>
<td class="n">${escape(line.quantity)}</td><td class="n">${escape(line.tax)}</td><td class="n">${escape(line.amount)}</td></tr>`
    )
    .join('')
  const parties = model.parties
    .map(
      (p) =>
        `<div class="party"><div class="l">${escape(p.label)}</div><b>${escape(p.bold)}</b>${p.lines.map((l) => `<div>${escape(l)}</div>`).join('')}</div>`
    )
    .join('')
  const totals = model.totals
    .map(
      (t) =>
        `<tr class="${t.grand ? 'g' : ''}"><td>${escape(t.label)}</td><td class="n">${escape(t.value)}</td></tr>`
    )
    .join('')
  return `<!doctype html><html lang="${escape(model.language)}"><head><meta charset="utf-8"><title>${escape(model.title)}</title>
<style>
@page { size: A4; margin: 17mm }
body { font: 9pt 'DejaVu Sans', sans-serif; color: #1a1f29 }
h1 { font-size: 17pt; margin: 0 0 24pt }
.facts { float: right; text-align: right } .facts span { color: #616b7a; margin-right: 12pt }
.parties { display: flex; gap: 24pt; clear: both; margin-bottom: 24pt } .party { flex: 1 }
.l { color: #616b7a; font-size: 7pt; text-transform: uppercase }
table { width: 100%; border-collapse: collapse } thead { display: table-header-group }
th { text-align: left; font-size: 7pt; color: #616b7a; border-bottom: 0.6pt solid #d1d6de }
td { vertical-align: top; padding: 4pt 0; border-bottom: 0.6pt solid #d1d6de } .n { text-align: right }
.d { color: #616b7a; font-size: 7.6pt } .totals { width: 50%; margin-left: 50% } .g td { font-weight: bold; font-size: 10.5pt }
</style></head><body>
<div class="facts">${model.facts.map((f) => `<div><span>${escape(f.label)}</span>${escape(f.value)}</div>`).join('')}</div>
<h1>${escape(model.title)}</h1>
<div class="parties">${parties}</div>
<table><thead><tr><th>${escape(model.columns.description)}</th><th class="n">${escape(model.columns.quantity)}</th><th class="n">${escape(model.columns.tax)}</th><th class="n">${escape(model.columns.amount)}</th></tr></thead>
<tbody>${rows}</tbody></table>
<table class="totals">${totals}</table>
${model.payment.map((p) => `<div>${escape(p)}</div>`).join('')}
${model.legalNotes.map((p) => `<div>${escape(p)}</div>`).join('')}
<footer>${escape(model.footer)}</footer>
</body></html>`
}
