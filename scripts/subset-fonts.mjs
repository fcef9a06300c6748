// npm run fonts:subset — writes the document fonts Facturo embeds in every PDF: DejaVu Sans
// (regular and bold) cut down to the letters of European Latin-script languages and the signs
// invoices use, without hinting, so each PDF carries a small font instead of ~1.4 MB and renders
// many times faster. A document that needs a letter outside these ranges (Greek, Cyrillic,
// Vietnamese…) is rendered with the full fonts instead (render.ts).
// The subsets are committed; run this again only when the ranges below change.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import subsetFont from 'subset-font'

const FONTS = join(import.meta.dirname, '..', 'resources', 'fonts')

/** Unicode ranges kept: Latin (every European language), Greek, Cyrillic, and the signs documents use. */
const RANGES = [
  [0x0020, 0x007e], // Basic Latin
  [0x00a0, 0x017f], // Latin-1 Supplement and Latin Extended-A (Polish, Spanish, Portuguese, Czech…)
  [0x0218, 0x021b], // Ș ș Ț ț (Romanian)
  [0x02c6, 0x02c7], // ˆ ˇ
  [0x02d8, 0x02dd], // ˘ ˙ ˚ ˛ ˜ ˝
  [0x2002, 0x200b], // spaces of every width
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x202f, 0x202f], // narrow no-break space (French and Polish number groups)
  [0x2030, 0x203a], // ‰ ′ ″ ‹ ›
  [0x20ac, 0x20ac], // €
  [0x20b9, 0x20ba], // ₹ ₺
  [0x2116, 0x2116], // №
  [0x2122, 0x2122], // ™
  [0x2190, 0x2193], // arrows
  [0x2212, 0x2212], // − minus
  [0x2248, 0x2248], // ≈
  [0x2260, 0x2265], // ≠ ≤ ≥
  [0x25cf, 0x25cf], // ●
  [0xfffd, 0xfffd] // replacement character
]

const text = RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))
).join('')

/**
 * The font without its layout tables (GSUB, GPOS, GDEF, kern; MATH): invoices need no ligatures or
 * kerning, and without them pdf-lib measures and encodes text glyph by glyph instead of shaping
 * every string (most of the rendering time), and copied text never holds a ligature like "ﬁ".
 */
function withoutLayoutTables(font) {
  const drop = new Set(['GSUB', 'GPOS', 'GDEF', 'kern', 'MATH'])
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const count = view.getUint16(4)
  const tables = []
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16
    const tag = String.fromCharCode(...font.subarray(at, at + 4))
    if (drop.has(tag)) continue
    const offset = view.getUint32(at + 8)
    const length = view.getUint32(at + 12)
    tables.push({ tag, data: font.subarray(offset, offset + length) })
  }
  const headerSize = 12 + tables.length * 16
  const padded = (n) => (n + 3) & ~3
  const size = tables.reduce((sum, t) => sum + padded(t.data.length), headerSize)
  const out = new Uint8Array(size)
  const o = new DataView(out.buffer)
  const checksum = (bytes) => {
    let sum = 0
    const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i < bytes.length; i += 4) {
      let word = 0
      for (let k = 0; k < 4; k++)
        word = (word << 8) | (i + k < bytes.length ? words.getUint8(i + k) : 0)
      sum = (sum + (word >>> 0)) >>> 0
    }
    return sum
  }
  o.setUint32(0, view.getUint32(0))
  o.setUint16(4, tables.length)
  const power = 2 ** Math.floor(Math.log2(tables.length))
  o.setUint16(6, power * 16)
  o.setUint16(8, Math.log2(power))
  o.setUint16(10, tables.length * 16 - power * 16)
  let offset = headerSize
  let headOffset = 0
  tables.forEach((table, i) => {
    const at = 12 + i * 16
    out.set(new TextEncoder().encode(table.tag), at)
    if (table.tag === 'head') {
      headOffset = offset
      table.data = Uint8Array.from(table.data)
      new DataView(table.data.buffer).setUint32(8, 0) // checkSumAdjustment, set below
    }
    o.setUint32(at + 4, checksum(table.data))
    o.setUint32(at + 8, offset)
    o.setUint32(at + 12, table.data.length)
    out.set(table.data, offset)
    offset += padded(table.data.length)
  })
  o.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0)
  return out
}

for (const name of ['DejaVuSans', 'DejaVuSans-Bold']) {
  const full = readFileSync(join(FONTS, `${name}.ttf`))
  const subset = await subsetFont(full, text, {
    targetFormat: 'truetype',
    noHinting: true,
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14]
  })
  writeFileSync(join(FONTS, `${name}-Documents.ttf`), withoutLayoutTables(subset))
  console.log(
    `${name}: ${full.length} → ${readFileSync(join(FONTS, `${name}-Documents.ttf`)).length} bytes`
  )
}
