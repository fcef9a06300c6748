import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { KsefQueue } from '@shared/ksef'
import { ksefDeadline } from '../documents/einvoice/ksef/queue'
import { crc8 } from '../documents/einvoice/ksef/numbers'
import { openCompanyStore } from '../store/db'
import { runCli } from './index'
import { billedCliFile, failure } from './test-support'

/** `ksef …` from the command line: the queue, the ZIP, the numbers recorded back. */

async function polishFile() {
  const { dir, file, run } = await billedCliFile(
    'code,name,country,language,tax_id,address_line1,postal_code,city\nK1,Kowalski Ćwikła,PL,pl,5260250274,ul. Prosta 1,00-001,Warszawa\nK2,Nowak,PL,pl,,,,\n',
    ['K1', 'K2']
  )
  // the company's NIP, which FA(3) cannot do without
  const store = await openCompanyStore(file, { create: false })
  store.books.run(store.books.q.updateTable('company').set({ tax_id: '1234563218' }))
  await store.close()
  const [first, second] = run.customers.map((c) => String(c.invoices[0]!.invoiceId))
  await runCli(['invoices', 'issue', first!, '--file', file])
  const queue = JSON.parse(await runCli(['ksef', 'queue', '--json', '--file', file])) as KsefQueue
  return { dir, file, issued: first!, draft: second!, row: queue.rows[0]! }
}

const ksefNumber = (issueDate: string, tech = '0100004C2D71') => {
  const head = `1234563218-${issueDate.replace(/-/g, '')}-${tech}`
  return `${head}-${crc8(head)}`
}

describe('ksef', () => {
  it('queue, export, record: the issued invoice goes from to send to accepted', async () => {
    const { dir, file, row } = await polishFile()
    expect(row).toMatchObject({ state: 'to_send', deadline: ksefDeadline(row.issueDate) })
    const text = await runCli(['ksef', 'queue', '--file', file])
    expect(text).toContain(`${row.number}`)
    expect(text).toContain(`to send send by ${row.deadline}`)
    expect(text).toMatch(/KSeF queue: to send 1, sent 0, accepted 0, rejected 0/)

    const out = join(dir, 'batch.zip')
    expect(await runCli(['ksef', 'export', '--out', out, '--file', file])).toMatch(
      /^Wrote 1 FA\(3\) file\(s\) to .*batch\.zip; they are marked sent:\n {2}.*\.fa3\.xml\n$/
    )
    const zip = unzipSync(readFileSync(out))
    const [name] = Object.keys(zip)
    expect(strFromU8(zip[name!]!)).toContain(`<P_2>${row.number}</P_2>`)
    expect(await runCli(['ksef', 'export', '--out', join(dir, 'b2.zip'), '--file', file])).toBe(
      'Nothing to send; no file written.\n'
    )
    expect(await runCli(['ksef', 'queue', '--state', 'sent', '--file', file])).toMatch(/sent \d{4}/)

    const bad = ksefNumber(row.issueDate).replace(/..$/, 'ZZ')
    const refused = await failure([
      'ksef',
      'record',
      row.number,
      '--ksef-number',
      bad,
      '--file',
      file
    ])
    expect(refused.exitCode).toBe(2)
    expect(refused.message).toMatch(/not a KSeF number/)
    expect(
      await runCli([
        'ksef',
        'record',
        row.number,
        '--ksef-number',
        ksefNumber(row.issueDate),
        '--file',
        file
      ])
    ).toBe(`${row.number}: accepted by KSeF as ${ksefNumber(row.issueDate)}.\n`)
    // the FA(3) single export is the very file the ZIP held
    const single = join(dir, 'one.xml')
    await runCli([
      'invoices',
      'export',
      row.number,
      '--format',
      'ksef',
      '--out',
      single,
      '--file',
      file
    ])
    expect(readFileSync(single)).toEqual(Buffer.from(zip[name!]!))
  })

  it('import-upo records what matches and fails (exit 1) naming what does not', async () => {
    const { dir, file, row } = await polishFile()
    const upo = (
      number: string,
      date: string,
      ksef: string
    ) => `<?xml version="1.0" encoding="UTF-8"?>
<Potwierdzenie xmlns="http://upo.schematy.mf.gov.pl/KSeF/v4-3"><Dokument>
<NipSprzedawcy>1234563218</NipSprzedawcy><NumerKSeFDokumentu>${ksef}</NumerKSeFDokumentu>
<NumerFaktury>${number}</NumerFaktury><DataWystawieniaFaktury>${date}</DataWystawieniaFaktury>
</Dokument></Potwierdzenie>`
    writeFileSync(join(dir, 'upo-1.xml'), upo(row.number, row.issueDate, ksefNumber(row.issueDate)))
    writeFileSync(
      join(dir, 'upo-2.xml'),
      upo('FV/1999/1', '1999-01-01', ksefNumber(row.issueDate, 'ABCDEF012345'))
    )
    const said = await failure([
      'ksef',
      'import-upo',
      join(dir, 'upo-1.xml'),
      join(dir, 'upo-2.xml'),
      '--file',
      file
    ])
    expect(said.exitCode).toBe(1)
    expect(said.message).toContain(
      `recorded ${row.number}: ${ksefNumber(row.issueDate)} (upo-1.xml)`
    )
    expect(said.message).toContain('NOT MATCHED upo-2.xml: FV/1999/1')
    expect(said.message).toMatch(/UPO import: 1 recorded, 0 already known, 1 not matched\.$/)
    const again = JSON.parse(
      await runCli(['ksef', 'import-upo', join(dir, 'upo-1.xml'), '--json', '--file', file])
    )
    expect(again).toMatchObject({ recorded: [], known: [{ number: row.number }], unmatched: [] })
    writeFileSync(join(dir, 'bad.xml'), '<Potwierdzenie>')
    const unreadable = await failure(['ksef', 'import-upo', join(dir, 'bad.xml'), '--file', file])
    expect(unreadable.exitCode).toBe(2)
    expect(unreadable.message).toMatch(/^bad\.xml is not well-formed XML/)
  })

  it('records an NBP rate, and refuses one written wrong, saying which field', async () => {
    const { file } = await polishFile()
    expect(await runCli(['ksef', 'rate', 'EUR', '2026-01-02', '4.2155', '--file', file])).toBe(
      'NBP rate of EUR on 2026-01-02: 4.2155 PLN.\n'
    )
    expect(
      (await failure(['ksef', 'rate', 'EUR', '2026-01-02', '4,2', '--file', file])).message
    ).toMatch(/^ksef rate: rate must be a rate like 4\.2555/)
    expect((await failure(['ksef', 'queue', '--state', 'lost', '--file', file])).message).toMatch(
      /--state must be one of to_send, sent, accepted, rejected/
    )
    expect((await failure(['ksef', 'send', '--file', file])).message).toMatch(
      /unknown command "send"/
    )
  })
})
