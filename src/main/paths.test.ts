import { describe, expect, it } from 'vitest'
import { dataArg, defaultUserDataDir, resolveDataDir } from './paths'

describe('the data folder', () => {
  it('is the OS user-data folder by default', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Facturo')
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ana')).toBe(
      '/cfg/Facturo'
    )
    expect(defaultUserDataDir('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Facturo'
    )
    expect(
      defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana')
    ).toMatch(/Roaming.Facturo$/)
  })

  it('is chosen by --data, then FACTURO_DATA', () => {
    expect(dataArg(['--port', '1', '--data', '/d'])).toBe('/d')
    expect(dataArg(['--data=/e'])).toBe('/e')
    expect(resolveDataDir(['--data', '/a'], { FACTURO_DATA: '/b' }, '/c')).toBe('/a')
    expect(resolveDataDir([], { FACTURO_DATA: '/b' }, '/c')).toBe('/b')
    expect(resolveDataDir([], {}, '/c')).toBe('/c')
  })
})
