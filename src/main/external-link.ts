import type { MessageBoxOptions } from 'electron'

type Translate = (key: string) => string

/** The button the user clicks to open the link; the other one (the default) cancels. */
export const OPEN_BUTTON = 0
const CANCEL_BUTTON = 1

/**
 * The question asked before a link leaves the app (electron/electron docs/tutorial/security.md,
 * item 15): it names the exact URL that will open, and Cancel is what Enter and Esc choose.
 */
export function externalLinkPrompt(url: string, t: Translate): MessageBoxOptions {
  return {
    type: 'question',
    title: t('externalLink.title'),
    message: t(url.startsWith('mailto:') ? 'externalLink.mailMessage' : 'externalLink.message'),
    detail: url,
    buttons: [t('externalLink.open'), t('externalLink.cancel')],
    defaultId: CANCEL_BUTTON,
    cancelId: CANCEL_BUTTON,
    noLink: true
  }
}
