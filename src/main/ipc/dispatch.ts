import { isChannel, type Channel } from '@shared/channels'
import { contract, type ChannelOutput } from '@shared/contract'
import { fail, ok, type Result } from '@shared/result'
import { summarizeFieldErrors, toFieldErrors } from '@shared/validation'
import { expectedFailure } from '../failures'
import { log } from '../log'
import type { Handler, HandlerTable } from './registry'

/**
 * The one entry point of both transports: validates the input with the channel's zod schema,
 * runs the handler, and answers with a Result. Nothing thrown inside escapes.
 */
export async function dispatch<C extends Channel>(
  handlers: HandlerTable,
  channel: C,
  raw: unknown
): Promise<Result<ChannelOutput<C>>>
export async function dispatch(
  handlers: HandlerTable,
  channel: string,
  raw: unknown
): Promise<Result<unknown>>
export async function dispatch(
  handlers: HandlerTable,
  channel: string,
  raw: unknown
): Promise<Result<unknown>> {
  if (!isChannel(channel)) return fail('NOT_FOUND', `There is no channel named ${channel}.`)
  try {
    // inside the try: a refinement that throws on some input is a fault of Facturo, answered
    // like any other, never an exception out of the transport
    const parsed = contract[channel].input.safeParse(raw)
    if (!parsed.success) {
      const fieldErrors = toFieldErrors(parsed.error.issues, raw)
      return fail('VALIDATION', summarizeFieldErrors(fieldErrors), fieldErrors)
    }
    const handler = handlers[channel] as Handler<typeof channel>
    return ok(await handler(parsed.data as never))
  } catch (error) {
    const expected = expectedFailure(error)
    if (expected && expected.code !== 'INTERNAL') return { ok: false, error: expected.toInfo() }
    log.error(`${channel} failed`, error)
    return fail('INTERNAL', 'Something went wrong inside Facturo; the details are in its log.')
  }
}
