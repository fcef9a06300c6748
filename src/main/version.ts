// Filled in at build time from package.json (see electron.vite.config.ts and vitest.config.ts).
declare const __APP_VERSION__: string

export const APP_NAME = 'Facturo'
export const APP_VERSION: string = __APP_VERSION__
