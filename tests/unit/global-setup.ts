import { execFileSync } from 'node:child_process'

/** Some tests run the built command line in a child process: build out/ if a source changed. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' })
}
