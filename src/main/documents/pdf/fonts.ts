import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { deflateSync } from 'node:zlib'
import fontkit from '@pdf-lib/fontkit'
import {
  CustomFontEmbedder,
  PDFFont,
  PDFHexString,
  type PDFContext,
  type PDFDocument,
  type PDFRef
} from '@cantoo/pdf-lib'
import type { DocumentModel } from '@shared/documents/invoice-model'

/**
 * The fonts documents are drawn in: DejaVu Sans, regular and bold, from resources/fonts. Most
 * documents use the small subset scripts/subset-fonts.mjs makes (European Latin letters and the
 * signs invoices use, no layout tables); one that needs another letter uses the full fonts.
 *
 * Each font is parsed once per process and shared by every document: its glyph widths, its
 * compressed font file and its ToUnicode map are worked out once, where pdf-lib's own embedder
 * would parse, shape, measure and compress again for each PDF (most of the time a PDF takes).
 */

/**
 * resources/fonts of the app: the folder above the code that holds it, whether the code is
 * out/main, a chunk in out/main/chunks, the sources (tests) or the packaged app.asar.
 */
function fontsDir(): string {
  const tried: string[] = []
  for (let dir = import.meta.dirname, up = 0; up < 6; up++, dir = dirname(dir)) {
    const candidate = join(dir, 'resources', 'fonts')
    if (existsSync(join(candidate, 'DejaVuSans.ttf'))) return candidate
    tried.push(candidate)
  }
  throw new Error(`The document fonts are missing (looked in ${tried.join(', ')})`)
}

/**
 * One font shared by many documents. Text is encoded and measured glyph by glyph through the
 * character map (the fonts have no ligatures or kerning to apply), and what pdf-lib writes into
 * each PDF — widths, compressed font file, ToUnicode map — is made once and reused.
 */
class SharedFontEmbedder extends CustomFontEmbedder {
  private readonly glyphs = new Map<number, { id: number; width: number }>()
  private widths: (number | number[])[] | null = null
  private fontFile: Uint8Array | null = null
  private unicodeMap: Uint8Array | null = null

  static async load(bytes: Uint8Array, name: string): Promise<SharedFontEmbedder> {
    const font = fontkit.create(bytes as Buffer)
    return new SharedFontEmbedder(font as never, bytes, name)
  }

  private glyph(codePoint: number): { id: number; width: number } {
    let glyph = this.glyphs.get(codePoint)
    if (!glyph) {
      // a letter the font lacks is drawn as its .notdef box (documentFonts picks fonts that have them)
      const found = this.font.glyphForCodePoint(codePoint) ?? {
        id: 0,
        advanceWidth: this.font.unitsPerEm * 0.6
      }
      glyph = { id: found.id, width: found.advanceWidth * this.scale }
      this.glyphs.set(codePoint, glyph)
    }
    return glyph
  }

  override encodeText(text: string): PDFHexString {
    let hex = ''
    for (const char of text)
      hex += this.glyph(char.codePointAt(0)!).id.toString(16).padStart(4, '0')
    return PDFHexString.of(hex)
  }

  override widthOfTextAtSize(text: string, size: number): number {
    let width = 0
    for (const char of text) width += this.glyph(char.codePointAt(0)!).width
    return (width * size) / 1000
  }

  protected override computeWidths(): (number | number[])[] {
    this.widths ??= super.computeWidths()
    return this.widths
  }

  protected override async embedFontStream(context: PDFContext): Promise<PDFRef> {
    this.fontFile ??= deflateSync(this.fontData)
    return context.register(context.stream(this.fontFile, { Filter: 'FlateDecode' }))
  }

  protected override embedUnicodeCmap(context: PDFContext): PDFRef {
    if (!this.unicodeMap) {
      // pdf-lib's own map, made once: the same bytes it would write into every PDF
      const made = super.embedUnicodeCmap(context)
      const stream = context.lookup(made) as unknown as { contents: Uint8Array }
      this.unicodeMap = stream.contents
      return made
    }
    return context.register(context.stream(this.unicodeMap, { Filter: 'FlateDecode' }))
  }
}

type Variant = 'full' | 'documents'
const FILES: Record<Variant, { regular: string; bold: string }> = {
  full: { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
  documents: { regular: 'DejaVuSans-Documents.ttf', bold: 'DejaVuSans-Bold-Documents.ttf' }
}
/** PostScript names, with a fixed subset tag for the subsets, so the same document gives the same bytes. */
const NAMES: Record<Variant, { regular: string; bold: string }> = {
  full: { regular: 'DejaVuSans', bold: 'DejaVuSans-Bold' },
  documents: { regular: 'FCTRDV+DejaVuSans', bold: 'FCTRDB+DejaVuSans-Bold' }
}

interface FontPair {
  regular: SharedFontEmbedder
  bold: SharedFontEmbedder
  /** Code points both weights have a glyph for. */
  covers: Set<number>
}

const loaded = new Map<Variant, Promise<FontPair>>()
function fontPair(variant: Variant): Promise<FontPair> {
  let pair = loaded.get(variant)
  if (!pair) {
    pair = (async () => {
      const dir = fontsDir()
      const [regular, bold] = await Promise.all([
        SharedFontEmbedder.load(
          readFileSync(join(dir, FILES[variant].regular)),
          NAMES[variant].regular
        ),
        SharedFontEmbedder.load(readFileSync(join(dir, FILES[variant].bold)), NAMES[variant].bold)
      ])
      const inBold = new Set(bold.font.characterSet)
      return {
        regular,
        bold,
        covers: new Set(regular.font.characterSet.filter((cp) => inBold.has(cp)))
      }
    })()
    loaded.set(variant, pair)
  }
  return pair
}

/** Whether the subset has every letter of the model (labels and page numbers included). */
function subsetCovers(model: DocumentModel, covers: Set<number>): boolean {
  const text = [JSON.stringify(model), model.pageLabel(1, 1), model.carriedLabel].join('')
  for (const char of text) {
    const cp = char.codePointAt(0)!
    if (cp >= 0x20 && !covers.has(cp)) return false
  }
  return true
}

/** The regular and bold fonts of one document, to draw with and then embed (before save). */
export async function documentFonts(pdf: PDFDocument, model: DocumentModel) {
  const subset = await fontPair('documents')
  const pair = subsetCovers(model, subset.covers) ? subset : await fontPair('full')
  const regular = PDFFont.of(pdf.context.nextRef(), pdf, pair.regular)
  const bold = PDFFont.of(pdf.context.nextRef(), pdf, pair.bold)
  return {
    font: (isBold?: boolean): PDFFont => (isBold ? bold : regular),
    embed: async () => {
      await regular.embed()
      await bold.embed()
    }
  }
}
