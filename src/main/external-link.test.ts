import { describe, expect, it } from 'vitest'
import { LANGUAGES } from '@shared/languages'
import { externalLinkPrompt, OPEN_BUTTON } from './external-link'
import { createMainI18n } from './i18n'

const LINK = 'https://www.podatki.gov.pl/ksef/'

describe('the question before a link leaves the app', () => {
  it('names the exact URL, offers Open and Cancel, and Cancel is the default', async () => {
    const t = (await createMainI18n('en')).t
    const prompt = externalLinkPrompt(LINK, (key) => t(key))
    expect(prompt.detail).toBe(LINK)
    expect(prompt.buttons).toEqual(['Open', 'Cancel'])
    expect(prompt.buttons?.[OPEN_BUTTON]).toBe('Open')
    expect(prompt.defaultId).toBe(1)
    expect(prompt.cancelId).toBe(1)
    expect(prompt.message).toMatch(/browser/i)
  })

  it('says an e-mail program opens a mailto: link', async () => {
    const t = (await createMainI18n('en')).t
    const prompt = externalLinkPrompt('mailto:biuro@zuk-lodz.pl', (key) => t(key))
    expect(prompt.message).toMatch(/e-mail/i)
    expect(prompt.detail).toBe('mailto:biuro@zuk-lodz.pl')
  })

  it.each(LANGUAGES)('is translated in %s', async (language) => {
    const t = (await createMainI18n(language)).t
    const prompt = externalLinkPrompt(LINK, (key) => t(key))
    for (const text of [prompt.title, prompt.message, ...(prompt.buttons ?? [])])
      expect(text).not.toMatch(/^externalLink\./)
  })
})
