import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses'
import { describe, expect, it } from 'vitest'

// The afterPack hook is plain JavaScript (electron-builder loads it): imported by URL, typed here.
interface FusesModule {
  FUSES: FuseV1Config
  fuseConfigFor(platform: string, arch: string): FuseV1Config
  default(context: unknown): Promise<void>
}
const hook = pathToFileURL(join(import.meta.dirname, '../../scripts/fuses.mjs')).href
const { FUSES, fuseConfigFor, default: afterPack } = (await import(hook)) as FusesModule

describe('the fuses set at packaging (scripts/fuses.mjs)', () => {
  it.each([
    ['RunAsNode', FuseV1Options.RunAsNode, false],
    ['EnableCookieEncryption', FuseV1Options.EnableCookieEncryption, true],
    [
      'EnableNodeOptionsEnvironmentVariable',
      FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      false
    ],
    ['EnableNodeCliInspectArguments', FuseV1Options.EnableNodeCliInspectArguments, false],
    [
      'EnableEmbeddedAsarIntegrityValidation',
      FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      true
    ],
    ['OnlyLoadAppFromAsar', FuseV1Options.OnlyLoadAppFromAsar, true],
    ['GrantFileProtocolExtraPrivileges', FuseV1Options.GrantFileProtocolExtraPrivileges, false]
  ] as const)('%s is %s', (_name, fuse, value) => {
    expect(FUSES[fuse]).toBe(value)
  })

  it('sets those seven on the V1 wire and leaves the others as Electron ships them', () => {
    expect(FUSES.version).toBe(FuseVersion.V1)
    expect(Object.keys(FUSES).filter((k) => k !== 'version')).toHaveLength(7)
    expect(FUSES).not.toHaveProperty(String(FuseV1Options.LoadBrowserProcessSpecificV8Snapshot))
    expect(FUSES).not.toHaveProperty(String(FuseV1Options.WasmTrapHandlers))
  })

  it('re-signs ad hoc only an Apple Silicon build', () => {
    expect(fuseConfigFor('darwin', 'arm64')).toEqual({ ...FUSES, resetAdHocDarwinSignature: true })
    expect(fuseConfigFor('darwin', 'x64')).toBe(FUSES)
    expect(fuseConfigFor('win32', 'x64')).toBe(FUSES)
    expect(fuseConfigFor('linux', 'arm64')).toBe(FUSES)
  })

  it('hands electron-builder the configuration for the packed app', async () => {
    const calls: unknown[][] = []
    const context = {
      electronPlatformName: 'darwin',
      arch: 3, // electron-builder's Arch.arm64
      packager: { addElectronFuses: (...args: unknown[]) => void calls.push(args) }
    }
    await afterPack(context)
    expect(calls).toEqual([[context, { ...FUSES, resetAdHocDarwinSignature: true }]])
  })
})

describe('electron-builder.yml', () => {
  const config = readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8')

  it('runs the hook after packing', () => {
    expect(config).toMatch(/^afterPack: \.\/scripts\/fuses\.mjs$/m)
  })

  it('packs the app into an asar archive, as the integrity and asar-only fuses need', () => {
    expect(config).toMatch(/^asar: true$/m)
    expect(config).not.toMatch(/^asar: false$/m)
  })
})
