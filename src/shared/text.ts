import { z } from 'zod'

/**
 * Text a person types, as every schema takes it: trimmed, limited in length, and free of control
 * characters. A NUL cuts a path or a query short where C code reads it (SQLite, the OS), and
 * control characters cannot be written into the XML and PDF documents an invoice becomes.
 * Line breaks and tabs are allowed only in multi-line fields (notes).
 */
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
// eslint-disable-next-line no-control-regex -- the same, less tab, line feed and carriage return
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

export const hasControlCharacters = (text: string, multiline = false): boolean =>
  (multiline ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(text)

const noControl = (multiline: boolean) =>
  [
    (value: string) => !hasControlCharacters(value, multiline),
    {
      message: multiline
        ? 'must not contain control characters'
        : 'must be one line without control characters',
      params: { code: 'control_characters' }
    }
  ] as const

/** One line of text, possibly empty. */
export const line = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(...noControl(false))

/** One line of text that must be filled in. */
export const requiredLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(...noControl(false))

/** Notes: several lines allowed. */
export const paragraph = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine(...noControl(true))

/** An absolute path on Windows (C:\…, \\server\share\…) or POSIX (/…). */
export const isAbsolutePath = (path: string): boolean =>
  path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')

/** A file path from a dialog or typed by the user: absolute, one line, no control characters. */
export const filePath = requiredLine(4096).refine(isAbsolutePath, {
  message: 'must be a full path, like /home/anna/Acme.facturo or C:\\Users\\Anna\\Acme.facturo',
  params: { code: 'absolute_path' }
})
