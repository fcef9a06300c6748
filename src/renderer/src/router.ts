import { useEffect, useState } from 'react'

/** The route lives in the URL fragment (#/invoices/12?tab=lines) so a reload keeps the page. */
function currentRoute(): string {
  const hash = window.location.hash.replace(/^#/, '')
  return hash.startsWith('/') ? hash : '/'
}

export function navigate(route: string): void {
  if (currentRoute() !== route) window.location.hash = route
}

export function useRoute(): string {
  const [route, setRoute] = useState(currentRoute)
  useEffect(() => {
    const update = () => setRoute(currentRoute())
    window.addEventListener('hashchange', update)
    return () => window.removeEventListener('hashchange', update)
  }, [])
  return route
}

/** A route split into its path and its query (the part after "?"). */
export function splitRoute(route: string): { path: string; query: URLSearchParams } {
  const at = route.indexOf('?')
  return at < 0
    ? { path: route, query: new URLSearchParams() }
    : { path: route.slice(0, at), query: new URLSearchParams(route.slice(at + 1)) }
}

/** Matches a path against a pattern like "/customers/:id/edit"; the named parts, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (const [i, part] of want.entries()) {
    if (part.startsWith(':')) {
      if (!got[i]) return null
      params[part.slice(1)] = decodeURIComponent(got[i]!)
    } else if (part !== got[i]) return null
  }
  return params
}

/** A route with a query built from the values that are set. */
export function withQuery(
  path: string,
  values: Record<string, string | number | boolean | undefined>
): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '' && value !== false) query.set(key, String(value))
  const text = query.toString()
  return text ? `${path}?${text}` : path
}
