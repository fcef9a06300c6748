import { useState, type InputHTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { addDays, dayFormat, dayPattern, parseDay, showDay } from '../dayFormat'
import { intlLocale } from '../i18n'
import { today } from '../format'
import { Field } from './Field'

type DateFieldProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'value' | 'type' | 'min' | 'max'
> & {
  label: string
  /** The day as the page keeps it, "2026-01-31", or '' when none is typed. */
  value: string
  /** Called with "YYYY-MM-DD", or '' while the text is empty or not a day. */
  onChange: (value: string) => void
  hint?: ReactNode
  error?: string
  fieldClassName?: string
}

/**
 * A day typed in the UI language's own order ("31.01.2026" in Polish, "31/01/2026" in Spanish),
 * whatever the browser's locale; the page gets the ISO day ('' while it is not a day). The
 * format is the hint; an impossible day is a field error. ArrowUp/ArrowDown step a day, PageUp/
 * PageDown 30 days (from today when the field is empty).
 */
export function DateField({
  label,
  value,
  onChange,
  hint,
  error,
  required,
  fieldClassName,
  onBlur,
  onKeyDown,
  ...rest
}: DateFieldProps) {
  const { t } = useTranslation()
  const format = dayFormat(intlLocale())
  const pattern = dayPattern(format, {
    day: t('common.dateDay'),
    month: t('common.dateMonth'),
    year: t('common.dateYear')
  })
  const formatKey = format.order.join() + format.separator
  // the text as typed; it follows the page's value (and the language) when they change from outside
  const [text, setText] = useState(() => showDay(value, format))
  const [emitted, setEmitted] = useState(value)
  const [shownFor, setShownFor] = useState(formatKey)
  const [touched, setTouched] = useState(false)
  if (value !== emitted || formatKey !== shownFor) {
    setEmitted(value)
    setShownFor(formatKey)
    setText(showDay(value, format))
  }
  const parsed = parseDay(text, format)
  const hand = (next: string, iso: string) => {
    setText(next)
    setEmitted(iso)
    if (iso !== value) onChange(iso)
  }
  const typed = (next: string) => {
    const read = parseDay(next, format)
    hand(next, read.kind === 'day' ? read.iso : '')
  }
  const ownError =
    parsed.kind === 'impossible'
      ? t('common.dateImpossible', { date: text.trim() })
      : parsed.kind === 'incomplete' && touched
        ? t('common.dateIncomplete', { format: pattern })
        : undefined
  const formatHint = t('common.dateFormatHint', { format: pattern })
  return (
    <Field
      label={label}
      hint={
        hint ? (
          <>
            {hint} <span className="field-format">({formatHint})</span>
          </>
        ) : (
          formatHint
        )
      }
      error={ownError ?? error}
      required={required}
      className={fieldClassName}
    >
      {({ id, describedBy, invalid }) => (
        <input
          {...rest}
          id={id}
          type="text"
          className="input input-date"
          value={text}
          placeholder={pattern}
          autoComplete="off"
          spellCheck={false}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setTouched(false)
            typed(e.target.value)
          }}
          onBlur={(e) => {
            setTouched(true)
            if (parsed.kind === 'day') setText(showDay(parsed.iso, format))
            onBlur?.(e)
          }}
          onKeyDown={(e) => {
            onKeyDown?.(e)
            const step = { ArrowUp: 1, ArrowDown: -1, PageUp: 30, PageDown: -30 }[e.key]
            if (!step || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return
            e.preventDefault()
            const from = parsed.kind === 'day' ? parsed.iso : today()
            const iso = parsed.kind === 'day' ? addDays(from, step) : from
            hand(showDay(iso, format), iso)
          }}
        />
      )}
    </Field>
  )
}
