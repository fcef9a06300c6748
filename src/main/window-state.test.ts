import { describe, expect, it } from 'vitest'
import { DEFAULT_SIZE, MIN_SIZE, restoreBounds } from './window-state'

const screen = { x: 0, y: 0, width: 1920, height: 1040 }

describe('window place', () => {
  it('opens at the default size the first time', () => {
    expect(restoreBounds(null, [screen])).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })

  it('comes back where it was', () => {
    const saved = { x: 100, y: 50, width: 1400, height: 900, maximized: true }
    expect(restoreBounds(saved, [screen])).toEqual({
      bounds: { x: 100, y: 50, width: 1400, height: 900 },
      maximized: true
    })
  })

  it('does not open on a monitor that is gone', () => {
    const saved = { x: 2500, y: 100, width: 1200, height: 800, maximized: false }
    expect(restoreBounds(saved, [screen]).bounds).toEqual(DEFAULT_SIZE)
  })

  it('never opens smaller than the minimum or larger than a small screen', () => {
    const saved = { x: 0, y: 0, width: 300, height: 250, maximized: false }
    expect(restoreBounds(saved, [screen]).bounds).toMatchObject(MIN_SIZE)
    expect(restoreBounds(null, [{ x: 0, y: 0, width: 1024, height: 700 }]).bounds).toEqual({
      width: 1024,
      height: 700
    })
  })
})
