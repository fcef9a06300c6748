import type { z } from 'zod'
import { valueAt } from '../validation'

/** A zod path as a bookkeeper reads it in a JSON file: prices[2].tiers[1].up_to */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`
    )
    .join('')
}

function reason(issue: z.core.$ZodIssue, input: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return 'is required'
      if (!issue.message.startsWith('Invalid input')) return issue.message
      return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'invalid_union': {
      const options = (issue as { options?: unknown }).options
      if (Array.isArray(options))
        return `must be one of ${options.map((v) => JSON.stringify(v)).join(', ')}`
      return valueAt(input, issue.path) === undefined ? 'is required' : issue.message
    }
    case 'too_small':
      if (issue.origin === 'array')
        return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
      if (issue.origin === 'string')
        return Number(issue.minimum) === 1
          ? 'must not be empty'
          : `must have at least ${issue.minimum} characters`
      return `must be at least ${issue.minimum}`
    case 'too_big':
      if (issue.origin === 'string') return `must have at most ${issue.maximum} characters`
      if (issue.origin === 'array') return `must have at most ${issue.maximum} items`
      return `must be at most ${issue.maximum}`
    default:
      return issue.message
  }
}

/** Orders paths as they appear in a file: prices[2] before prices[10], a field before its children. */
function comparePaths(a: readonly PropertyKey[], b: readonly PropertyKey[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]]
    if (x === y) continue
    if (typeof x === 'number' && typeof y === 'number') return x - y
    return 0
  }
  return a.length - b.length
}

/** One line per problem, in file order: "prices[2].tiers[1].up_to must be greater than 100". */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  const ordered = [...issues].sort((a, b) => comparePaths(a.path, b.path))
  return ordered.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${formatPath([...issue.path, key])} is not a known field`)
    }
    const where = formatPath(issue.path)
    return [`${where || 'the file'} ${reason(issue, input)}`]
  })
}
