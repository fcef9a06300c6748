/**
 * An sRGB ICC profile (version 2.1, display class, RGB to XYZ), built from its definition: the
 * IEC 61966-2.1 primaries adapted to the D50 profile connection space (as the ICC's own sRGB
 * profiles give them) and the sRGB transfer curve as a 1024-point table. PDF/A's output intent
 * needs such a profile; building it here keeps a binary blob of unknown origin out of the
 * repository, and gives the same bytes every time.
 */

const DESCRIPTION = 'sRGB IEC61966-2.1'
const COPYRIGHT = 'No copyright, use freely'

/** s15Fixed16Number. */
const fixed = (value: number) => Math.round(value * 65536)

function sig(view: DataView, at: number, text: string) {
  for (let i = 0; i < 4; i++) view.setUint8(at + i, text.charCodeAt(i))
}

/** The sRGB transfer function, from an encoded value in [0, 1] to linear light. */
export const srgbToLinear = (v: number): number =>
  v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4

function xyzTag(x: number, y: number, z: number): Uint8Array {
  const bytes = new Uint8Array(20)
  const view = new DataView(bytes.buffer)
  sig(view, 0, 'XYZ ')
  view.setInt32(8, fixed(x))
  view.setInt32(12, fixed(y))
  view.setInt32(16, fixed(z))
  return bytes
}

function curveTag(points: number): Uint8Array {
  const bytes = new Uint8Array(12 + 2 * points)
  const view = new DataView(bytes.buffer)
  sig(view, 0, 'curv')
  view.setUint32(8, points)
  for (let i = 0; i < points; i++)
    view.setUint16(12 + 2 * i, Math.round(srgbToLinear(i / (points - 1)) * 65535))
  return bytes
}

function textTag(text: string): Uint8Array {
  const bytes = new Uint8Array(8 + text.length + 1)
  const view = new DataView(bytes.buffer)
  sig(view, 0, 'text')
  for (let i = 0; i < text.length; i++) view.setUint8(8 + i, text.charCodeAt(i))
  return bytes
}

/** textDescriptionType: the ASCII description, no Unicode or ScriptCode text. */
function descriptionTag(text: string): Uint8Array {
  const bytes = new Uint8Array(8 + 4 + text.length + 1 + 4 + 4 + 2 + 1 + 67)
  const view = new DataView(bytes.buffer)
  sig(view, 0, 'desc')
  view.setUint32(8, text.length + 1)
  for (let i = 0; i < text.length; i++) view.setUint8(12 + i, text.charCodeAt(i))
  return bytes
}

const align4 = (n: number) => (n + 3) & ~3

let cached: Uint8Array | undefined

export function srgbIccProfile(): Uint8Array {
  if (cached) return cached
  const curve = curveTag(1024)
  const tags: [string, Uint8Array][] = [
    ['desc', descriptionTag(DESCRIPTION)],
    ['cprt', textTag(COPYRIGHT)],
    ['wtpt', xyzTag(0.9642, 1.0, 0.8249)],
    ['rXYZ', xyzTag(0.4361, 0.2225, 0.0139)],
    ['gXYZ', xyzTag(0.3851, 0.7169, 0.0971)],
    ['bXYZ', xyzTag(0.1431, 0.0606, 0.7141)],
    ['rTRC', curve],
    ['gTRC', curve],
    ['bTRC', curve]
  ]
  // one copy of the shared curve: the three TRC tags point at it
  const unique = [...new Set(tags.map(([, data]) => data))]
  const tableEnd = 128 + 4 + 12 * tags.length
  const offsets = new Map<Uint8Array, number>()
  let at = align4(tableEnd)
  for (const data of unique) {
    offsets.set(data, at)
    at = align4(at + data.length)
  }
  const bytes = new Uint8Array(at)
  const view = new DataView(bytes.buffer)
  view.setUint32(0, at)
  view.setUint32(8, 0x02100000) // version 2.1.0
  sig(view, 12, 'mntr')
  sig(view, 16, 'RGB ')
  sig(view, 20, 'XYZ ')
  // date and time of creation: fixed, so the bytes are too
  ;[2026, 1, 1, 0, 0, 0].forEach((v, i) => view.setUint16(24 + 2 * i, v))
  sig(view, 36, 'acsp')
  view.setInt32(68, fixed(0.9642))
  view.setInt32(72, fixed(1.0))
  view.setInt32(76, fixed(0.8249))
  view.setUint32(128, tags.length)
  tags.forEach(([name, data], i) => {
    const entry = 132 + 12 * i
    sig(view, entry, name)
    view.setUint32(entry + 4, offsets.get(data)!)
    view.setUint32(entry + 8, data.length)
  })
  for (const data of unique) bytes.set(data, offsets.get(data)!)
  cached = bytes
  return bytes
}
