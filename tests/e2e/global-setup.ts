import { execFileSync } from 'node:child_process'
import { chromiumPath } from '../../playwright.config'

/** The tests drive the built renderer and browser-mode server: build them if a source changed. */
export default function globalSetup(): void {
  if (!chromiumPath()) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: apt install chromium) or set CHROMIUM_PATH.'
    )
  }
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
}
