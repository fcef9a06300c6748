import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CliError } from './errors'
import { runCli } from './index'

// Every `npm run cli -- quote …` in docs/plans.md is run here; the block after it is the part of
// the output (JSON) or the error (text) the documentation promises.
const ROOT = resolve(import.meta.dirname, '../../..')
const doc = readFileSync(resolve(ROOT, 'docs/plans.md'), 'utf8')
const blocks = [...doc.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1]!,
  body: m[2]!.trim()
}))

interface Example {
  command: string
  expected: { lang: string; body: string }
}

const examples: Example[] = blocks.flatMap((block, i) => {
  const command =
    block.lang === 'sh' && /^npm run cli -- quote .*--from \d/.test(block.body) ? block.body : null
  const next = blocks[i + 1]
  return command && next && (next.lang === 'json' || next.lang === 'text')
    ? [{ command, expected: next }]
    : []
})

async function run(command: string): Promise<{ out?: string; error?: string }> {
  const args = command.replace(/^npm run cli -- /, '').split(/\s+/)
  const cwd = process.cwd()
  process.chdir(ROOT)
  try {
    return { out: await runCli(args) }
  } catch (error) {
    if (error instanceof CliError) return { error: error.message }
    throw error
  } finally {
    process.chdir(cwd)
  }
}

describe('docs/plans.md', () => {
  it('has an example for every charge model and for errors', () => {
    const text = examples.map((e) => e.command).join('\n')
    for (const file of [
      'flat-seats',
      'per-unit',
      'graduated',
      'volume',
      'package',
      'percentage',
      'stairstep',
      'pro-monthly',
      'broken-plan'
    ]) {
      expect(text).toContain(`docs/examples/${file}.json`)
    }
    expect(examples.length).toBeGreaterThanOrEqual(12)
  })

  for (const { command, expected } of examples) {
    it(command.replace('npm run cli -- quote ', ''), async () => {
      const result = await run(command)
      if (expected.lang === 'json') {
        expect(result.error).toBeUndefined()
        expect(JSON.parse(result.out!)).toMatchObject(JSON.parse(expected.body))
      } else {
        expect(result.out).toBeUndefined()
        expect(result.error).toBe(expected.body)
      }
    })
  }
})
