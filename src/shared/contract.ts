import { z } from 'zod'
import { settingsUpdateInput, type AppInfo, type AppSettings } from './app'
import type { Channel } from './channels'
import { companyProfileInput, type CompanyProfile } from './company'
import {
  browseInput,
  createFileInput,
  openFileInput,
  type CompanyFileList,
  type OpenCompanyFile
} from './files'
import type { Result } from './result'

/** A type-only marker: the contract records each channel's result type without runtime cost. */
const returns = <T>(): T => undefined as T

const noInput = z.strictObject({})

/** The typed contract: for each channel, the zod schema of its input and the type of its result. */
export const contract = {
  'app/info': { input: noInput, output: returns<AppInfo>() },
  'settings/get': { input: noInput, output: returns<AppSettings>() },
  'settings/update': { input: settingsUpdateInput, output: returns<AppSettings>() },
  'files/current': { input: noInput, output: returns<OpenCompanyFile | null>() },
  'files/list': { input: noInput, output: returns<CompanyFileList>() },
  'files/create': { input: createFileInput, output: returns<OpenCompanyFile>() },
  'files/open': { input: openFileInput, output: returns<OpenCompanyFile>() },
  'files/close': { input: noInput, output: returns<null>() },
  'files/browse': { input: browseInput, output: returns<{ path: string | null }>() },
  'company/get': { input: noInput, output: returns<CompanyProfile>() },
  'company/update': { input: companyProfileInput, output: returns<CompanyProfile>() }
} satisfies Record<Channel, { input: z.ZodType; output: unknown }>

type Contract = typeof contract

/** What the caller sends (before zod's defaults and transforms). */
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>
/** What the handler receives (after validation and transforms). */
export type ValidInput<C extends Channel> = z.output<Contract[C]['input']>
export type ChannelOutput<C extends Channel> = Contract[C]['output']

/** The shape of window.facturo in the desktop app: one function per channel. */
export type FacturoBridge = {
  [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>
}
