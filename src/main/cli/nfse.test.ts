import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { brazilianBooks } from '../documents/einvoice/nfse/test-books'
import { returnedNfse } from '../documents/einvoice/nfse/test-nfse'
import { tempDir } from '../test-support'
import { runCli } from './index'
import { failure } from './test-support'

/** `nfse settings`, `invoices export --format dps`, `nfse pending` and `nfse import` on a Brazilian company's file. */

async function brazilianFile(options: { configured?: boolean } = {}) {
  const { store, path, docs } = await brazilianBooks(options)
  await store.close()
  return { file: path, docs }
}

describe('nfse', () => {
  it('exports a DPS, imports the NFS-e it came back as, and lists what still has none', async () => {
    const { file, docs } = await brazilianFile()
    const dir = tempDir()
    const out = join(dir, 'business.dps.xml')
    expect(
      await runCli([
        'invoices',
        'export',
        docs.business.number!,
        '--format',
        'dps',
        '--out',
        out,
        '--file',
        file
      ])
    ).toMatch(/^Wrote .*business\.dps\.xml/)
    const pendingBefore = await runCli(['nfse', 'pending', '--file', file])
    expect(pendingBefore).toMatch(/5 invoice\(s\) without an NFS-e\.\n$/)
    expect(pendingBefore).toMatch(
      new RegExp(`${docs.business.number} .*DPS exported \\(DPS3550308`)
    )

    const returned = join(dir, 'nfse-17.xml')
    writeFileSync(returned, returnedNfse(readFileSync(out, 'utf8'), { nfseNumber: '17' }).xml)
    expect(await runCli(['nfse', 'import', returned, '--file', file])).toBe(
      `recorded ${docs.business.number}: NFS-e 17 (nfse-17.xml)\nNFS-e import: 1 recorded, 0 already known, 0 not matched.\n`
    )
    expect(await runCli(['nfse', 'pending', '--file', file])).toMatch(
      /4 invoice\(s\) without an NFS-e\.\n$/
    )
    const json = JSON.parse(await runCli(['nfse', 'pending', '--json', '--file', file])) as {
      number: string
    }[]
    expect(json.map((r) => r.number)).not.toContain(docs.business.number)
  })

  it('reports a file that matches nothing with exit code 1, and changes nothing', async () => {
    const { file, docs } = await brazilianFile()
    const dir = tempDir()
    const out = join(dir, 'cpf.dps.xml')
    await runCli([
      'invoices',
      'export',
      String(docs.cpf.id),
      '--format',
      'dps',
      '--out',
      out,
      '--file',
      file
    ])
    const other = readFileSync(out, 'utf8')
      .replace(/<nDPS>\d+<\/nDPS>/, '<nDPS>999999</nDPS>')
      .replace(/Id="DPS(\d{27})\d{15}"/, 'Id="DPS$1000000000999999"')
    const path = join(dir, 'other.xml')
    writeFileSync(path, returnedNfse(other).xml)
    const error = await failure(['nfse', 'import', path, '--file', file])
    expect(error.exitCode).toBe(1)
    expect(error.message).toMatch(
      /^NOT MATCHED other\.xml: NFS-e 1: no invoice of this file has DPS/
    )
    expect(error.message).toMatch(/0 recorded, 0 already known, 1 not matched\.$/)
    expect(await runCli(['nfse', 'pending', '--file', file])).toMatch(/5 invoice\(s\) without/)

    const broken = join(dir, 'broken.xml')
    writeFileSync(broken, '<NFSe')
    expect((await failure(['nfse', 'import', broken, '--file', file])).message).toMatch(
      /broken\.xml is not well-formed XML/
    )
    expect(
      (await failure(['nfse', 'import', join(dir, 'missing.xml'), '--file', file])).message
    ).toMatch(/nfse import: cannot read .*missing\.xml/)
  })

  it('shows and saves the settings, refusing a bad one with the option it came from', async () => {
    const { file, docs } = await brazilianFile({ configured: false })
    expect(await runCli(['nfse', 'settings', '--file', file])).toMatch(/^No NFS-e settings yet/)
    expect(
      (
        await failure([
          'invoices',
          'export',
          docs.cpf.number!,
          '--format',
          'dps',
          '--out',
          join(tempDir(), 'x.xml'),
          '--file',
          file
        ])
      ).message
    ).toMatch(/NFS-e settings/)
    const bad = await failure([
      'nfse',
      'settings',
      '--municipality',
      '355030',
      '--service-code',
      '010101',
      '--file',
      file
    ])
    expect(bad.message).toMatch(/--municipality must be an IBGE municipality code/)
    const saved = await runCli([
      'nfse',
      'settings',
      '--municipality',
      '3550308',
      '--service-code',
      '010101',
      '--series',
      '7',
      '--file',
      file
    ])
    expect(saved).toMatch(/--municipality\s+3550308/)
    expect(saved).toMatch(/--series\s+7/)
    expect(saved).toMatch(/--environment\s+production/)
    // one setting changed, the others kept
    expect(await runCli(['nfse', 'settings', '--iss-rate', '2.00', '--file', file])).toMatch(
      /--iss-rate\s+2\.00[\s\S]*--series|--series\s+7[\s\S]*--iss-rate\s+2\.00/
    )
  })
})
