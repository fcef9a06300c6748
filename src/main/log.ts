/** Diagnostics go to stderr so browser mode's stdout stays one line (the URL). */
export const log = {
  info: (message: string): void => {
    process.stderr.write(`[facturo] ${message}\n`)
  },
  error: (message: string, error?: unknown): void => {
    const detail =
      error instanceof Error
        ? `\n${error.stack ?? error.message}`
        : error
          ? ` ${String(error)}`
          : ''
    process.stderr.write(`[facturo] ERROR ${message}${detail}\n`)
  }
}
