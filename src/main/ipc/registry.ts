import { CHANNELS, type Channel } from '@shared/channels'
import type { ChannelOutput, ValidInput } from '@shared/contract'

export type Handler<C extends Channel> = (
  input: ValidInput<C>
) => Promise<ChannelOutput<C>> | ChannelOutput<C>

export type HandlerTable = { readonly [C in Channel]: Handler<C> }

/**
 * Collects the handlers of every domain into the one table both transports serve.
 * A channel registered twice is a programming error and throws at start-up.
 */
export class HandlerRegistry {
  private readonly handlers = new Map<Channel, Handler<Channel>>()

  register<C extends Channel>(channel: C, handler: Handler<C>): this {
    if (this.handlers.has(channel)) {
      throw new Error(`The channel ${channel} is registered twice`)
    }
    this.handlers.set(channel, handler as unknown as Handler<Channel>)
    return this
  }

  /** The finished table; throws when a channel of the contract has no handler. */
  table(): HandlerTable {
    const missing = CHANNELS.filter((c) => !this.handlers.has(c))
    if (missing.length > 0) throw new Error(`No handler for ${missing.join(', ')}`)
    return Object.fromEntries(this.handlers) as unknown as HandlerTable
  }
}
