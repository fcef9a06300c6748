import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import QRCode from 'qrcode'
import { startTestSmtp } from '../../src/main/documents/email/test-smtp'
import { call, expect, issuedThisMonth, monthlyPlan, shot, test } from './fixtures'

/**
 * Email in browser mode, to a real SMTP server on loopback: the server is set in Settings ›
 * Email, an issued invoice is emailed from its page, and the outbox shows it sent, with the
 * PDF attached as the server received it.
 */
test('an invoice is emailed with its PDF through the outbox and shows as sent', async ({
  page,
  app
}, info) => {
  const smtp = await startTestSmtp()
  try {
    await call(app, 'files/create', {
      legalName: 'Biuro Poczty Łódź',
      country: 'PL',
      defaultCurrency: 'PLN',
      defaultLanguage: 'pl'
    })
    // a logo (a QR symbol stands in for a drawing): the document on screen is headed by it
    const { updatedAt: _at, ...company } = await call<Record<string, unknown>>(
      app,
      'company/get',
      {}
    )
    const logo = await QRCode.toBuffer('Biuro Poczty', { width: 96, margin: 1 })
    await call(app, 'company/update', {
      ...company,
      address: {
        line1: 'ul. Piotrkowska 1',
        line2: '',
        postalCode: '90-001',
        city: 'Łódź',
        region: ''
      },
      logo: { mimeType: 'image/png', dataBase64: logo.toString('base64') }
    })
    await call(app, 'plans/save', monthlyPlan('office', 'Office', '100.00'))
    const customer = await call<{ id: number }>(app, 'customers/create', {
      name: 'Żaneta Ćwik',
      country: 'PL',
      language: 'pl',
      currency: 'PLN',
      emails: ['zaneta@example.com']
    })
    const { invoiceId, ...issued } = await issuedThisMonth(app, customer.id, 'office')

    // Settings › Email: the server, no password in browser mode
    await page.goto(app.url)
    await page.goto(`${app.origin}/#/settings/email`)
    await page.getByRole('textbox', { name: 'SMTP server' }).fill('127.0.0.1')
    await page.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port))
    await page.getByRole('combobox', { name: 'Security' }).selectOption('none')
    await page.getByRole('textbox', { name: 'Sender name' }).fill('Biuro Poczty')
    await page.getByRole('textbox', { name: 'Sender address' }).fill('faktury@biuro.example')
    await expect(page.getByLabel('Password')).toBeDisabled()
    await expect(page.getByText('set FACTURO_SMTP_PASSWORD before starting it')).toBeVisible()
    await page.getByRole('button', { name: 'Save changes' }).click()
    await expect(page.getByRole('status')).toHaveText('Saved')
    await shot(page, info, '01-email-settings')

    // the invoice page: the document shows the logo kept with the invoice
    await page.goto(`${app.origin}/#/invoices/${invoiceId}`)
    const shownLogo = page.getByRole('article').getByRole('img', { name: 'Biuro Poczty Łódź' })
    await expect(shownLogo).toBeVisible()
    expect(
      await shownLogo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)
    ).toBe(96)
    await shot(page, info, '01b-invoice-with-logo')
    // its e-invoice: UBL (Peppol BIS 3.0), recorded with its SHA-256
    const [ubl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as UBL' }).click()
    ])
    expect(ubl.suggestedFilename()).toBe(`${issued.number.replaceAll('/', '-')}.ubl.xml`)
    expect(readFileSync((await ubl.path())!, 'utf8')).toContain(`<cbc:ID>${issued.number}</cbc:ID>`)
    const einvoice = page.getByRole('region', { name: 'E-invoice' })
    await expect(einvoice.getByText(/SHA-256 [0-9a-f]{12}…/)).toBeVisible()
    await shot(page, info, '01c-einvoice-card')
    // Preview draws the real PDF with pdf.js, page by page
    await page.getByRole('button', { name: 'Preview' }).click()
    const preview = page.getByRole('dialog', { name: issued.number })
    const canvas = preview.getByRole('img', { name: new RegExp(`Faktura ${issued.number}`) })
    await expect(canvas).toBeVisible({ timeout: 15_000 })
    await expect(canvas).toHaveAccessibleName(/Żaneta Ćwik/)
    await expect(preview.getByText('Page 1 of 1')).toBeVisible()
    await preview.getByRole('button', { name: 'Zoom out' }).click()
    await expect(preview.getByText('75 %')).toBeVisible()
    await shot(page, info, '02a-preview')
    // Print: the PDF in the browser's own viewer, a new tab
    const [viewer] = await Promise.all([
      page.waitForEvent('popup'),
      preview.getByRole('button', { name: 'Print' }).click()
    ])
    expect(viewer.url()).toMatch(/^blob:/)
    await viewer.close()
    await preview.getByRole('button', { name: 'Close' }).first().click()
    await expect(preview).toBeHidden()

    // the whole billing run as one PDF, from the billing run page
    await page.goto(`${app.origin}/#/billing`)
    const [merged] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF of its invoices' }).click()
    ])
    expect(merged.suggestedFilename()).toMatch(/^billing-run-\d+\.pdf$/)
    const mergedText = execFileSync('pdftotext', [(await merged.path())!, '-'], {
      encoding: 'utf8'
    })
    expect(mergedText).toContain(issued.number)
    // and printed at once: browser mode opens it in the browser's viewer
    const [runViewer] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: 'Print' }).click()
    ])
    expect(runViewer.url()).toMatch(/^blob:/)
    await runViewer.close()
    await page.goto(`${app.origin}/#/invoices/${invoiceId}`)

    // Open in my mail app: browser mode downloads the unsent message, the PDF inside
    const [eml] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Open in my mail app' }).click()
    ])
    expect(eml.suggestedFilename()).toMatch(/\.eml$/)
    const emlText = readFileSync(await eml.path(), 'utf8')
    expect(emlText).toMatch(/^X-Unsent: 1$/m)
    expect(emlText).toMatch(/Content-Type: application\/pdf/)

    // Email, to the customer's billing address
    await page.getByRole('button', { name: 'Email', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: `Email ${issued.number}` })
    await expect(dialog.getByRole('textbox', { name: 'To' })).toHaveValue('zaneta@example.com')
    await dialog.getByRole('textbox', { name: 'Bcc' }).fill('archiwum@biuro.example')
    await shot(page, info, '02-email-dialog')
    await dialog.getByRole('button', { name: 'Send' }).click()
    await expect(dialog).toBeHidden()
    const emails = page.getByRole('table', { name: 'Outbox' })
    // the background sender takes it at once; Send now in case the pass already ran
    await expect(async () => {
      await page.getByRole('button', { name: 'Send now' }).click()
      await expect(emails.getByRole('row', { name: /zaneta@example\.com/ })).toContainText('Sent', {
        timeout: 1000
      })
    }).toPass({ timeout: 15_000 })
    await shot(page, info, '03-sent')

    expect(smtp.received).toHaveLength(1)
    const mail = smtp.received[0]!
    expect(mail.subject).toBe(`Faktura ${issued.number} od Biuro Poczty Łódź`)
    expect(mail.to).toMatchObject({ value: [{ address: 'zaneta@example.com' }] })
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf'])
    const pdf = await call<{ pdfBase64: string }>(app, 'invoices/pdf', { invoiceId })
    expect(mail.attachments[0]!.content.equals(Buffer.from(pdf.pdfBase64, 'base64'))).toBe(true)

    // the outbox in Settings lists it too
    await page.goto(`${app.origin}/#/settings/email`)
    await expect(
      page
        .getByRole('table', { name: 'Outbox' })
        .getByRole('row', { name: new RegExp(issued.number) })
    ).toContainText('Sent')
    await shot(page, info, '04-outbox')

    // payment reminders: switched on in Settings › Email, then run as of a week after the due date
    await page.getByRole('checkbox', { name: 'Send payment reminders' }).check()
    await page.getByRole('textbox', { name: 'Days from the due date' }).fill('0, 7, 14')
    await page.getByRole('button', { name: 'Save reminders' }).click()
    await expect(page.getByRole('textbox', { name: 'Days from the due date' })).toHaveValue(
      '0, 7, 14'
    )
    // renewal notices and a late fee in the same form; a fee of nothing is refused at its field
    await page
      .getByRole('checkbox', { name: 'Tell customers before a long subscription renews' })
      .check()
    await page.getByRole('textbox', { name: 'Days before the renewal' }).fill('21')
    await page.getByRole('checkbox', { name: 'Charge a late fee' }).check()
    await page.getByRole('button', { name: 'Save reminders' }).click()
    await expect(page.getByRole('textbox', { name: 'Percentage' })).toHaveAttribute(
      'aria-invalid',
      'true'
    )
    await page.getByRole('textbox', { name: 'Percentage' }).fill('5')
    await page.getByRole('textbox', { name: 'At most' }).fill('50')
    await page.getByRole('button', { name: 'Save reminders' }).click()
    await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
    await shot(page, info, '04b-reminder-settings')
    expect(await call(app, 'reminders/settings', {})).toMatchObject({
      renewal: { enabled: true, daysBefore: 21 },
      trialEnding: { enabled: false },
      lateFee: { enabled: true, kind: 'percent', amount: '5', cap: '50', afterDays: 14 }
    })
    // the reminder's Polish wording, edited with a preview; an unknown placeholder is refused
    await page.getByRole('combobox', { name: 'Message', exact: true }).selectOption('reminder')
    await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('pl')
    const subjectField = page.getByRole('textbox', { name: 'Subject', exact: true })
    await subjectField.fill('Ponaglenie {numer}')
    await page.getByRole('button', { name: 'Save wording' }).click()
    await expect(page.getByText('Use only the placeholders')).toBeVisible()
    await subjectField.fill('Ponaglenie: {number} ({company})')
    await expect(page.getByRole('region', { name: 'Preview' })).toContainText(
      'Ponaglenie: FV/2026/000123 (Biuro Poczty Łódź)'
    )
    await page.getByRole('button', { name: 'Save wording' }).click()
    await expect(page.getByRole('button', { name: "Use Facturo's wording" })).toBeVisible()
    await shot(page, info, '04a-wording')
    const due = (await call<{ dueDate: string }>(app, 'invoices/get', { invoiceId })).dueDate
    const weekLater = new Date(`${due}T00:00:00Z`)
    weekLater.setUTCDate(weekLater.getUTCDate() + 7)
    const reminded = await call<{ queued: { stage: number }[]; skipped: number }>(
      app,
      'reminders/run',
      {
        asOf: weekLater.toISOString().slice(0, 10)
      }
    )
    expect(reminded.queued.map((q) => q.stage)).toEqual([7])
    expect(reminded.skipped).toBe(1)
    // run again: nothing more
    expect(
      (
        await call<{ queued: unknown[] }>(app, 'reminders/run', {
          asOf: weekLater.toISOString().slice(0, 10)
        })
      ).queued
    ).toEqual([])
    await page.goto(`${app.origin}/#/invoices/${invoiceId}`)
    await expect(async () => {
      await page.getByRole('button', { name: 'Send now' }).click()
      await expect(
        page.getByRole('table', { name: 'Outbox' }).getByRole('row', { name: /Sent/ })
      ).toHaveCount(2, { timeout: 1000 })
    }).toPass({ timeout: 15_000 })
    await expect(page.getByText('Payment reminder queued')).toBeVisible()
    await shot(page, info, '05-reminder')
    expect(smtp.received.map((m) => m.subject)).toEqual([
      `Faktura ${issued.number} od Biuro Poczty Łódź`,
      `Ponaglenie: ${issued.number} (Biuro Poczty Łódź)`
    ])

    // paused on the invoice page: the next stage (two weeks late) is not sent
    await page.getByRole('button', { name: 'Pause reminders' }).click()
    await expect(page.getByRole('button', { name: 'Resume reminders' })).toBeVisible()
    const twoWeeks = new Date(`${due}T00:00:00Z`)
    twoWeeks.setUTCDate(twoWeeks.getUTCDate() + 14)
    const paused = await call<{ queued: unknown[] }>(app, 'reminders/run', {
      asOf: twoWeeks.toISOString().slice(0, 10)
    })
    expect(paused.queued).toEqual([])

    // the customer's statement of account, previewed and emailed from the customer's page
    await page.goto(`${app.origin}/#/customers/${customer.id}`)
    const statement = page.getByRole('region', { name: 'Statement', exact: true })
    await statement.getByRole('button', { name: 'Preview' }).click()
    const statementPdf = page.getByRole('dialog', { name: 'Statement of account' })
    await expect(statementPdf.getByRole('img')).toHaveAttribute('aria-label', /Wyciąg z konta/)
    await expect(statementPdf.getByRole('img')).toHaveAttribute(
      'aria-label',
      new RegExp(issued.number)
    )
    await shot(page, info, '06-statement-preview')
    await statementPdf.getByRole('button', { name: 'Close' }).click()
    await statement.getByRole('button', { name: 'Email statement' }).click()
    await expect(statement.getByRole('status')).toContainText('zaneta@example.com')
    await shot(page, info, '07-statement-queued')
    // every reminder of the customer paused from their page, and resumed
    await page.getByRole('button', { name: 'Pause reminders' }).click()
    await expect(page.getByRole('button', { name: 'Resume reminders' })).toBeVisible()
    expect(await call(app, 'reminders/paused', { customerId: customer.id })).toEqual({
      paused: true
    })
    await page.getByRole('button', { name: 'Resume reminders' }).click()
    await expect(page.getByRole('button', { name: 'Pause reminders' })).toBeVisible()
    await expect.poll(() => smtp.received.length, { timeout: 15_000 }).toBe(3)
    const statementMail = smtp.received[2]!
    expect(statementMail.subject).toBe('Zestawienie rozrachunków od Biuro Poczty Łódź')
    expect(statementMail.attachments.map((a) => a.filename)).toEqual([
      expect.stringMatching(/^statement-C00001-\d{4}-01-01-\d{4}-\d{2}-\d{2}\.pdf$/)
    ])
  } finally {
    await smtp.close()
  }
})
