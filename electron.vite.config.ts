import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

const pkg = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string
}
const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }
const define = { __APP_VERSION__: JSON.stringify(pkg.version) }

/** The dev server injects an inline React Refresh preamble and a websocket; allow them in dev only. */
function devCsp(): Plugin {
  return {
    name: 'facturo-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws:")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
  }
}

export default defineConfig({
  main: {
    resolve: { alias },
    define,
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          web: resolve(import.meta.dirname, 'src/main/web/cli.ts'),
          cli: resolve(import.meta.dirname, 'src/main/cli/index.ts'),
          'import-worker': resolve(import.meta.dirname, 'src/main/jobs/import-worker.ts'),
          'bench-engine': resolve(import.meta.dirname, 'src/main/bench/engine.ts'),
          'bench-billing': resolve(import.meta.dirname, 'src/main/bench/billing.ts'),
          'bench-pdf': resolve(import.meta.dirname, 'src/main/bench/pdf.ts'),
          'bench-einvoice': resolve(import.meta.dirname, 'src/main/bench/einvoice.ts'),
          'pdf-worker': resolve(import.meta.dirname, 'src/main/documents/pdf/pdf-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias },
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        // A sandboxed preload must be one CommonJS script.
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    resolve: { alias },
    plugins: [react(), devCsp()],
    build: { minify: true, chunkSizeWarningLimit: 1500 }
  }
})
