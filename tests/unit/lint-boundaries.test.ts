import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** Lints a snippet as if it were the given file, returning the rule ids it breaks. */
async function broken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? 'parse')
}

describe('process boundaries fail the lint', () => {
  it.each([
    ['src/shared/x.ts', "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"],
    ['src/shared/x.ts', "import { join } from 'path'\nexport const a = join"],
    ['src/shared/x.ts', "import { app } from 'electron'\nexport const a = app"],
    ['src/shared/x.ts', "import { useState } from 'react'\nexport const a = useState"],
    ['src/shared/x.ts', "import { log } from '../main/log'\nexport const a = log"],
    [
      'src/renderer/src/x.ts',
      "import { dispatch } from '../../main/ipc/dispatch'\nexport const a = dispatch"
    ],
    [
      'src/renderer/src/features/a/x.ts',
      "import { Workspace } from '../../../../main/workspace'\nexport const a = Workspace"
    ],
    [
      'src/renderer/src/x.ts',
      "import { ipcRenderer } from 'electron'\nexport const a = ipcRenderer"
    ],
    ['src/renderer/src/x.ts', "export const a = await import('node:child_process')"],
    ['src/preload/x.ts', "import { log } from '../main/log'\nexport const a = log"],
    ['src/main/x.ts', "import { App } from '../renderer/src/App'\nexport const a = App"],
    [
      'src/main/store/migrations/0002_x.ts',
      "import { log } from '../../log'\nexport const a = log"
    ],
    [
      'src/main/billing/x.ts',
      "import { readFileSync } from 'node:fs'\nexport const a = readFileSync"
    ],
    [
      'src/main/billing/x.ts',
      "import { openCompanyStore } from '../store/db'\nexport const a = openCompanyStore"
    ],
    ['src/main/billing/charge-models/x.ts', "import { log } from '../../log'\nexport const a = log"]
  ])('%s: %s', async (file, code) => {
    expect(await broken(file, code)).toContain('facturo/boundaries')
  })

  it.each([
    ['src/shared/x.ts', "document.title = 'x'\nexport {}"],
    ['src/shared/x.ts', 'export const a = window.location.href'],
    ['src/shared/x.ts', 'export const a = process.env.HOME'],
    ['src/shared/x.ts', "export const a = Buffer.from('x')"]
  ])('%s uses a one-sided global: %s', async (file, code) => {
    expect(await broken(file, code)).toContain('no-restricted-globals')
  })

  it.each([
    [
      'src/shared/x.ts',
      "import { z } from 'zod'\nimport { LANGUAGES } from './languages'\nexport const a = [z, LANGUAGES]"
    ],
    [
      'src/renderer/src/x.ts',
      "import { contract } from '@shared/contract'\nexport const a = contract"
    ],
    [
      'src/main/x.ts',
      "import { readFileSync } from 'node:fs'\nimport { contract } from '@shared/contract'\nexport const a = [readFileSync, contract]"
    ],
    [
      'src/preload/x.ts',
      "import { ipcRenderer } from 'electron'\nimport { CHANNELS } from '@shared/channels'\nexport const a = [ipcRenderer, CHANNELS]"
    ],
    ['src/main/store/migrations/0002_x.ts', "import { sql } from 'kysely'\nexport const a = sql"],
    [
      'src/main/billing/x.ts',
      "import Decimal from 'decimal.js'\nimport { planSchema } from '@shared/billing/plan'\nimport { dec } from './decimal'\nexport const a = [Decimal, planSchema, dec]"
    ]
  ])('allows %s: %s', async (file, code) => {
    expect(await broken(file, code)).toEqual([])
  })
})
