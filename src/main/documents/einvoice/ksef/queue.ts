import { nextWorkingDay } from './calendar'

/**
 * The KSeF queue's rules, pure: an invoice's state from what has happened to it (events, kept in
 * order and never changed), and when it must reach KSeF. Whoever sends (the bookkeeper with a
 * ZIP and the Aplikacja Podatnika today, an API sender later) only adds events: "sent" when the
 * file leaves, "accepted" with the KSeF number, "rejected" with KSeF's reason.
 */

export type KsefState = 'to_send' | 'sent' | 'accepted' | 'rejected'

export interface KsefEvent {
  kind: 'sent' | 'accepted' | 'rejected'
  at: string
  ksefNumber: string | null
  reason: string | null
}

export interface KsefStatus {
  state: KsefState
  ksefNumber: string | null
  reason: string | null
  sentAt: string | null
  acceptedAt: string | null
}

/** The state after these events, in the order they happened: an accepted invoice stays accepted. */
export function ksefStatus(events: readonly KsefEvent[]): KsefStatus {
  const accepted = events.find((e) => e.kind === 'accepted')
  const sent = events.filter((e) => e.kind === 'sent').at(-1)
  const last = events.at(-1)
  return {
    state: accepted ? 'accepted' : (last?.kind ?? 'to_send'),
    ksefNumber: accepted?.ksefNumber ?? null,
    reason: !accepted && last?.kind === 'rejected' ? last.reason : null,
    sentAt: sent?.at ?? null,
    acceptedAt: accepted?.at ?? null
  }
}

/**
 * The last day to send an invoice issued offline: the next working day after its issue
 * (art. 106nh–106nf of the VAT act; weekends and Polish public holidays are not working days).
 */
export const ksefDeadline = (issueDate: string): string => nextWorkingDay(issueDate)

/** Whether the deadline has passed without KSeF having the invoice. */
export const ksefLate = (status: KsefState, deadline: string, today: string): boolean =>
  (status === 'to_send' || status === 'rejected') && today > deadline
