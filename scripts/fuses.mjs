// electron-builder afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged
// binary before it is signed (electron/electron docs/tutorial/security.md, item 19; docs/tutorial/fuses.md).
import { FuseV1Options, FuseVersion } from '@electron/fuses'

/** Every fuse Facturo sets, and why; docs/security.md lists the same. */
export const FUSES = {
  version: FuseVersion.V1,
  // ELECTRON_RUN_AS_NODE would turn Facturo into a plain Node.js runtime: nothing uses it.
  [FuseV1Options.RunAsNode]: false,
  // Chromium's cookie store is encrypted with the OS key store (Facturo itself sets no cookies).
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS and NODE_EXTRA_CA_CERTS are ignored: no environment variable injects code.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect, --inspect-brk and SIGUSR1 open no debugger in the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never an app/ folder beside it, so the check cannot be bypassed.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // The renderer is served from app://, so file:// pages need none of their old privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
}

/**
 * The configuration for one packaged app. Flipping fuses changes the binary, which breaks the
 * ad-hoc signature of an unsigned Apple Silicon build: that one is re-signed ad hoc.
 */
export function fuseConfigFor(electronPlatformName, arch) {
  const appleSilicon = electronPlatformName === 'darwin' && arch === 'arm64'
  return appleSilicon ? { ...FUSES, resetAdHocDarwinSignature: true } : FUSES
}

/** electron-builder's Arch enum: 3 is arm64. */
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }

/** The hook: electron-builder passes the packed app's context and signs after it returns. */
export default async function afterPack(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch)
  await context.packager.addElectronFuses(
    context,
    fuseConfigFor(context.electronPlatformName, arch)
  )
}
