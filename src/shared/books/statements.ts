import { z } from 'zod'
import { calendarDate } from '../calendar'
import { LANGUAGES } from '../languages'
import { recipients } from './email'

/** A customer's statement of account for a period: shown, downloaded as PDF, or emailed. */

const period = {
  customerId: z.number().int().positive(),
  from: calendarDate,
  to: calendarDate
}
const inOrder = (p: { from: string; to: string }) => p.to >= p.from
const reversed = {
  path: ['to'],
  message: 'The statement ends before it starts',
  params: { code: 'date_order' }
}

export const statementPdfInput = z
  .strictObject({ ...period, language: z.enum(LANGUAGES).optional() })
  .refine(inOrder, reversed)

export const statementEmailInput = z
  .strictObject({
    ...period,
    /** Omitted: the customer's billing emails. */
    recipients: recipients.min(1).optional(),
    cc: recipients.default([]),
    bcc: recipients.default([])
  })
  .refine(inOrder, reversed)

export interface StatementPdf {
  fileName: string
  language: string
  pdfBase64: string
}
