import type { WindowBounds } from './app-state'

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const DEFAULT_SIZE = { width: 1280, height: 800 }
export const MIN_SIZE = { width: 960, height: 640 }

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return w > 0 && h > 0 ? w * h : 0
}

/**
 * Where the window opens: the saved place when at least a quarter of it is still on a display
 * (monitors come and go), else the default size centred on the primary display.
 */
export function restoreBounds(
  saved: WindowBounds | null,
  workAreas: readonly Rect[]
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const primary = workAreas[0]
  if (saved) {
    const visible = workAreas.some(
      (area) => overlap(saved, area) >= (saved.width * saved.height) / 4
    )
    if (visible) {
      return {
        bounds: {
          x: saved.x,
          y: saved.y,
          width: Math.max(saved.width, MIN_SIZE.width),
          height: Math.max(saved.height, MIN_SIZE.height)
        },
        maximized: saved.maximized
      }
    }
  }
  const width = primary ? Math.min(DEFAULT_SIZE.width, primary.width) : DEFAULT_SIZE.width
  const height = primary ? Math.min(DEFAULT_SIZE.height, primary.height) : DEFAULT_SIZE.height
  return { bounds: { width, height }, maximized: saved?.maximized ?? false }
}
