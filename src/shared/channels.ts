/**
 * Every channel the renderer may call, named domain/verb. The preload exposes exactly these and
 * nothing else; contract.ts gives each its input schema and result type.
 * Kept free of imports so the sandboxed preload bundle stays tiny.
 */
export const CHANNELS = [
  'app/info',
  'settings/get',
  'settings/update',
  'files/current',
  'files/list',
  'files/create',
  'files/open',
  'files/close',
  'files/browse',
  'company/get',
  'company/update'
] as const

export type Channel = (typeof CHANNELS)[number]

export const isChannel = (name: string): name is Channel =>
  (CHANNELS as readonly string[]).includes(name)
