import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Desktop printing: the PDF main rendered is written to a private temporary folder, shown in a
 * window of its own by Chromium's PDF viewer, and handed to the OS print dialog from there (the
 * viewer prints vectors, at the printer's resolution). The window is the Electron glue; what
 * happens around it is here, under plain Node, so it is tested with a fake window.
 */

/** What printing needs of a window: Electron's BrowserWindow gives it; tests pass a fake. */
export interface PrintWindow {
  /** Resolves once the document has loaded. */
  load(url: string): Promise<void>
  /** Opens the OS print dialog; resolves with Electron's `(success, failureReason)`. */
  print(): Promise<{ success: boolean; failureReason: string }>
  close(): void
}

export interface PrintDeps {
  /** A folder only Facturo writes to (the OS temp folder's facturo-print). */
  dir: string
  openWindow(title: string): PrintWindow
}

export type PrintOutcome = 'printed' | 'cancelled'

/** A file name safe to write: the PDF's own name without anything that reaches another folder. */
export function printFileName(fileName: string): string {
  const base = [...fileName]
    .map((c) => (c < ' ' || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/, '')
  return /\.pdf$/i.test(base) ? base : `${base || 'document'}.pdf`
}

/**
 * Prints a PDF through the OS dialog. Resolves 'cancelled' when the user closes the dialog,
 * throws with the reason when printing fails; the window and the file are gone either way.
 */
export async function printPdf(
  deps: PrintDeps,
  fileName: string,
  bytes: Uint8Array
): Promise<PrintOutcome> {
  await mkdir(deps.dir, { recursive: true })
  // a folder per print: two prints of one invoice at once never share a file
  const dir = await mkdtemp(join(deps.dir, 'print-'))
  const file = join(dir, printFileName(fileName))
  let window: PrintWindow | null = null
  try {
    await writeFile(file, bytes)
    window = deps.openWindow(printFileName(fileName))
    await window.load(pathToFileURL(file).href)
    const { success, failureReason } = await window.print()
    if (success) return 'printed'
    if (failureReason === 'cancelled') return 'cancelled'
    throw new Error(`The document could not be printed: ${failureReason || 'unknown reason'}`)
  } finally {
    window?.close()
    await rm(dir, { recursive: true, force: true })
  }
}
