import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import type { SmtpSettings } from '@shared/books/email'
import type { Books } from '../../store/sync'
import { NO_VAULT, saveSmtpSettings } from './smtp-settings'

/**
 * A real SMTP server on loopback for tests (smtp-server): it keeps every message it accepts,
 * parsed with mailparser. `refuse` turns recipients away with a code and the server's words.
 */
export interface TestSmtp {
  port: number
  received: ParsedMail[]
  /** Raw bytes of each accepted message, in order. */
  raw: Buffer[]
  refuse: Map<string, { code: number; message: string }>
  logins: string[]
  close(): Promise<void>
}

export async function startTestSmtp(
  options: { port?: number; user?: string; password?: string; delayMs?: number } = {}
): Promise<TestSmtp> {
  const received: ParsedMail[] = []
  const raw: Buffer[] = []
  const refuse = new Map<string, { code: number; message: string }>()
  const logins: string[] = []
  const config: SMTPServerOptions = {
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: !options.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) {
        logins.push(auth.username ?? '')
        callback(null, { user: auth.username })
      } else
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onRcptTo(address, _session, callback) {
      const refusal = refuse.get(address.address)
      if (refusal)
        callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }))
      else callback()
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks)
        raw.push(bytes)
        simpleParser(bytes)
          .then((mail) => {
            received.push(mail)
            // a slow server: the message is taken before the client hears so
            setTimeout(() => callback(), options.delayMs ?? 0)
          })
          .catch(callback)
      })
    }
  }
  const server = new SMTPServer(config)
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(options.port ?? 0, '127.0.0.1', () => done())
  })
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    raw,
    refuse,
    logins,
    close: () => new Promise<void>((done) => server.close(() => done()))
  }
}

/**
 * Sets a company's email server to a loopback port without a password (`port` 9: nothing listens),
 * from f@biuro.pl unless the test names its own sender.
 */
export function saveLoopbackSmtp(
  books: Books,
  port: number,
  sender: Partial<Pick<SmtpSettings, 'user' | 'fromName' | 'fromAddress' | 'replyTo'>> = {}
): void {
  saveSmtpSettings(
    books,
    {
      host: '127.0.0.1',
      port,
      tls: 'none',
      user: '',
      fromName: '',
      fromAddress: 'f@biuro.pl',
      replyTo: '',
      ...sender
    },
    undefined,
    NO_VAULT
  )
}
