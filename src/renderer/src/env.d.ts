import type { FacturoBridge } from '@shared/contract'

declare global {
  interface Window {
    /** Present in the desktop app (exposed by the preload); absent in browser mode. */
    facturo?: FacturoBridge
  }
}

export {}
