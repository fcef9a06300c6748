import { describe, expect, it } from 'vitest'
import { companyFileFromArgv, isCompanyFilePath } from './file-association'

const CWD = '/home/ola'

describe('the company file on a command line', () => {
  it.each([
    // Packaged: the executable, then what the OS passes.
    [['/opt/Facturo/facturo', '/home/ola/Zuk.facturo'], false, '/home/ola/Zuk.facturo'],
    [['/opt/Facturo/facturo', 'Firmy/Zuk.facturo'], false, '/home/ola/Firmy/Zuk.facturo'],
    [['/opt/Facturo/facturo', '/media/usb/ZUK.FACTURO'], false, '/media/usb/ZUK.FACTURO'],
    [
      ['/opt/Facturo/facturo', '/home/ola/Zuk Sp. z o.o..facturo'],
      false,
      '/home/ola/Zuk Sp. z o.o..facturo'
    ],
    // A second instance on Windows: Chromium switches come before the file.
    [
      [
        'C:\\Program Files\\Facturo\\Facturo.exe',
        '--allow-file-access-from-files',
        '--original-process-start-time=13370000000000000',
        '/srv/Zuk.facturo'
      ],
      false,
      '/srv/Zuk.facturo'
    ],
    // --data takes the next argument, even one that ends in .facturo.
    [['facturo', '--data', '/tmp/x.facturo', '/srv/Zuk.facturo'], false, '/srv/Zuk.facturo'],
    [['facturo', '--data=/tmp/d', '/srv/Zuk.facturo'], false, '/srv/Zuk.facturo'],
    [['facturo', '--data', '/tmp/x.facturo'], false, null],
    // A Linux file manager filling %U with a file URL.
    [
      ['/opt/Facturo/facturo', 'file:///home/ola/Zuk%20S.A.facturo'],
      false,
      '/home/ola/Zuk S.A.facturo'
    ],
    [['/opt/Facturo/facturo', 'file://server/share/Zuk.facturo'], false, null],
    [['/opt/Facturo/facturo', 'https://example.com/Zuk.facturo'], false, null],
    // `electron .` in development: the app path is skipped too.
    [['/x/electron', '.', '/srv/Zuk.facturo'], true, '/srv/Zuk.facturo'],
    [['/x/electron', '/x/Zuk.facturo'], true, null],
    // Nothing to open.
    [['/opt/Facturo/facturo'], false, null],
    [['/opt/Facturo/facturo', '-psn_0_12345'], false, null],
    [['/opt/Facturo/facturo', '--inspect=x.facturo'], false, null],
    [['/opt/Facturo/facturo', '/home/ola/invoice.pdf'], false, null],
    [['/opt/Facturo/facturo', '/home/ola/.facturo'], false, null],
    [['/opt/Facturo/facturo', '/home/ola/Zuk.facturo.bak'], false, null],
    [['/Zuk.facturo'], false, null],
    [[], false, null]
  ] as const)('%j (dev: %s) → %s', (argv, defaultApp, file) => {
    expect(companyFileFromArgv(argv, CWD, defaultApp)).toBe(file)
  })

  it('reads a Windows drive letter as a path, not as a URL scheme', () => {
    const argv = ['C:\\Facturo\\Facturo.exe', 'C:\\Firmy\\Zuk.facturo']
    expect(companyFileFromArgv(argv, 'C:\\', false)).toMatch(/Zuk\.facturo$/)
  })

  it('takes the first company file when there are several', () => {
    expect(companyFileFromArgv(['f', '/a/One.facturo', '/a/Two.facturo'], CWD, false)).toBe(
      '/a/One.facturo'
    )
  })
})

describe('a path the OS hands over (open-file)', () => {
  it('is a company file only when it ends in .facturo', () => {
    expect(isCompanyFilePath('/Users/ola/Zuk.facturo')).toBe(true)
    expect(isCompanyFilePath('/Users/ola/Zuk.Facturo')).toBe(true)
    expect(isCompanyFilePath('/Users/ola/Zuk.pdf')).toBe(false)
    expect(isCompanyFilePath('/Users/ola/.facturo')).toBe(false)
    expect(isCompanyFilePath('C:\\Users\\ola\\.facturo')).toBe(false)
    expect(isCompanyFilePath('.facturo')).toBe(false)
  })
})
