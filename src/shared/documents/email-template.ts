import type { EmailKind, EmailTemplate, Placeholder } from '../books/email'
import type { Translate } from './breakdown-text'

/** What a message's placeholders stand for (each kind says its own; see KIND_PLACEHOLDERS). */
export type PlaceholderValues = Partial<Record<Placeholder, string>>

/** A template with its placeholders filled in; braces that are not placeholders stay as typed. */
export function fillTemplate(template: EmailTemplate, values: PlaceholderValues): EmailTemplate {
  const fill = (text: string) =>
    text.replace(/\{([a-z_]+)\}/g, (whole, name: string) =>
      Object.hasOwn(values, name) ? values[name as Placeholder]! : whole
    )
  return { subject: fill(template.subject), body: fill(template.body) }
}

/** The app's own wording of a kind of message, in the language `t` speaks. */
export function defaultTemplate(kind: EmailKind, t: Translate): EmailTemplate {
  return { subject: t(`email.templates.${kind}.subject`), body: t(`email.templates.${kind}.body`) }
}
