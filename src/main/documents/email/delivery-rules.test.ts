import { describe, expect, it } from 'vitest'
import { fillTemplate } from '@shared/documents/email-template'
import { emailTemplateSchema } from '@shared/books/email'
import { classifyFailure, MAX_ATTEMPTS, nextAttemptAt, type SmtpFailure } from './delivery-rules'

describe('when a message is tried again', () => {
  const now = new Date('2026-03-01T10:00:00Z')
  it.each([
    [1, 1],
    [2, 2],
    [3, 4],
    [6, 32],
    [9, 256],
    [10, 360],
    [30, 360]
  ])('after %i attempts: %i minutes later', (attempts, minutes) => {
    expect(nextAttemptAt(attempts, now).getTime() - now.getTime()).toBe(minutes * 60_000)
  })
})

describe('what a failed attempt means', () => {
  it.each([
    [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:2525' }, true],
    [{ code: 'ETIMEDOUT', message: 'Connection timeout' }, true],
    [{ code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.example.com' }, true],
    [{ code: 'EENVELOPE', responseCode: 452, response: '452 Mailbox full', message: 'x' }, true],
    [{ code: 'EENVELOPE', responseCode: 421, response: '421 Try later', message: 'x' }, true],
    [{ code: 'EENVELOPE', responseCode: 550, response: '550 No such user', message: 'x' }, false],
    [{ code: 'EMESSAGE', responseCode: 554, response: '554 Spam', message: 'x' }, false],
    [{ code: 'EAUTH', responseCode: 535, response: '535 Invalid login', message: 'x' }, false],
    [{ code: 'EAUTH', message: 'Missing credentials for "PLAIN"' }, false],
    [{ code: 'EENVELOPE', message: 'No recipients defined' }, false],
    [{ message: 'socket hang up' }, true]
  ] as [SmtpFailure, boolean][])('%o: tried again %s', (failure, retry) => {
    const outcome = classifyFailure(failure, 1)
    expect(outcome.retry).toBe(retry)
    expect(outcome.reason).toBe(failure.response ?? failure.message)
  })

  it('gives up after the last attempt, saying how many were made', () => {
    const outcome = classifyFailure({ code: 'ECONNECTION', message: 'refused' }, MAX_ATTEMPTS)
    expect(outcome).toEqual({
      retry: false,
      reason: `Gave up after ${MAX_ATTEMPTS} attempts: refused`
    })
  })
})

describe('email templates', () => {
  const values = {
    customer: 'Señora Muñoz',
    number: 'F-2026-7',
    total: '1.210,00 €',
    due_date: '15 mar 2026',
    company: 'Ibérica S.L.'
  }
  it('fills every placeholder, as often as it appears, and leaves other braces alone', () => {
    expect(
      fillTemplate(
        { subject: '{number} {number}', body: '{customer}: {total} ({due_date}) — {company} {x}' },
        values
      )
    ).toEqual({
      subject: 'F-2026-7 F-2026-7',
      body: 'Señora Muñoz: 1.210,00 € (15 mar 2026) — Ibérica S.L. {x}'
    })
  })
  it.each([
    [{ subject: 'Factura {numero}', body: 'x' }, 'subject'],
    [{ subject: 'Factura', body: 'Hola {Customer}' }, 'body'],
    [{ subject: '', body: 'x' }, 'subject'],
    [{ subject: 'x', body: '' }, 'body']
  ])('refuses %o (the %s)', (template, field) => {
    const result = emailTemplateSchema.safeParse(template)
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.path).toEqual([field])
  })
})
