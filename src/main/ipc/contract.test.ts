import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS, type Channel } from '@shared/channels'
import { validPolishProfile } from '@shared/test-fixtures'
import type { Backend } from '../backend'
import { snapshotFile, tempDir, testBackend } from '../test-support'
import { dispatch } from './dispatch'

interface Case {
  input: unknown
  /** The field paths the VALIDATION error must name ('' is the input as a whole). */
  paths: string[]
}

const newCompany = {
  legalName: 'Acme',
  country: 'PL',
  defaultCurrency: 'PLN',
  defaultLanguage: 'pl'
}
const profile = validPolishProfile()

/** Malformed inputs for every channel; a channel added to the contract must add its cases here. */
const MALFORMED: Record<Channel, Case[]> = {
  'app/info': [{ input: { verbose: true }, paths: ['verbose'] }],
  'settings/get': [{ input: { language: 'pl' }, paths: ['language'] }],
  'settings/update': [
    { input: {}, paths: ['language'] },
    { input: { language: 'de' }, paths: ['language'] },
    { input: { language: 'pl', theme: 'dark' }, paths: ['theme'] }
  ],
  'files/current': [{ input: { path: '/tmp/x.facturo' }, paths: ['path'] }],
  'files/list': [{ input: { all: true }, paths: ['all'] }],
  'files/create': [
    { input: { ...newCompany, legalName: '   ' }, paths: ['legalName'] },
    {
      input: { ...newCompany, country: 'Poland', defaultCurrency: 'zł' },
      paths: ['country', 'defaultCurrency']
    },
    { input: { ...newCompany, path: 42 }, paths: ['path'] },
    { input: { country: 'PL' }, paths: ['legalName', 'defaultCurrency', 'defaultLanguage'] }
  ],
  'files/open': [
    { input: {}, paths: ['path'] },
    { input: { path: '' }, paths: ['path'] },
    { input: { path: ['a', 'b'] }, paths: ['path'] }
  ],
  'files/close': [{ input: { force: true }, paths: ['force'] }],
  'files/browse': [
    { input: { mode: 'delete' }, paths: ['mode'] },
    { input: { mode: 'open', suggestedName: 7 }, paths: ['suggestedName'] }
  ],
  'company/get': [{ input: { id: 1 }, paths: ['id'] }],
  'company/update': [
    { input: { ...profile, taxId: '123-456-32-17' }, paths: ['taxId'] },
    { input: { ...profile, legalName: '', email: 'not-an-email' }, paths: ['legalName', 'email'] },
    {
      input: { ...profile, address: { ...profile.address, city: '', extra: 'x' } },
      paths: ['address.city', 'address.extra']
    },
    { input: { ...profile, iban: 'PL00 0000' }, paths: ['iban'] },
    {
      input: { ...profile, logo: { mimeType: 'image/gif', dataBase64: '' } },
      paths: ['logo.mimeType']
    },
    { input: { ...profile, invoiceNumberFormat: 'FV/{YYYY}' }, paths: ['invoiceNumberFormat'] },
    { input: {}, paths: ['legalName', 'address', 'country', 'email', 'defaultCurrency', 'logo'] }
  ]
}

/** Inputs that are not objects at all are refused by every channel, naming the input as a whole. */
const NOT_OBJECTS: Case[] = [null, 42, 'company', [], true, undefined].map((input) => ({
  input,
  paths: ['']
}))

describe('every channel refuses malformed input with VALIDATION and changes nothing', () => {
  let backend: Backend
  let dataDir: string
  let companyPath: string

  const state = () => ({
    company: snapshotFile(companyPath),
    settings: readFileSync(join(dataDir, 'settings.json'), 'utf8'),
    files: readdirSync(join(dataDir, 'Companies')).sort()
  })

  beforeEach(async () => {
    dataDir = tempDir()
    backend = await testBackend(dataDir)
    const created = await dispatch(backend.handlers, 'files/create', newCompany)
    if (!created.ok) throw new Error(created.error.message)
    companyPath = created.value.path
    const saved = await dispatch(backend.handlers, 'company/update', profile)
    if (!saved.ok) throw new Error(saved.error.message)
    return () => backend.shutdown()
  })

  it('has cases for every channel of the contract', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual([...CHANNELS].sort())
  })

  for (const channel of CHANNELS) {
    it(`${channel}`, async () => {
      for (const { input, paths } of [...MALFORMED[channel], ...NOT_OBJECTS]) {
        const before = state()
        const result = await dispatch(backend.handlers, channel, input)
        expect(result.ok, `${channel} ${JSON.stringify(input)}`).toBe(false)
        if (result.ok) continue
        expect(result.error.code).toBe('VALIDATION')
        expect(Object.keys(result.error.fieldErrors ?? {}).sort(), JSON.stringify(input)).toEqual(
          expect.arrayContaining(paths)
        )
        for (const path of paths) expect(result.error.fieldErrors?.[path]?.message).toBeTruthy()
        expect(state()).toEqual(before)
      }
    })
  }
})
