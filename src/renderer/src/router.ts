import { useEffect, useState } from 'react'

/** The route lives in the URL fragment (#/settings/company) so a reload keeps the page. */
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
