import { useTranslation } from 'react-i18next'

/** Tabs between the pages of one section (links, so each page has its own address). */
export function SubNav({
  label,
  tabs,
  active
}: {
  label: string
  tabs: readonly { route: string; key: string }[]
  active: string
}) {
  const { t } = useTranslation()
  return (
    <nav className="subnav" aria-label={label}>
      {tabs.map((tab) => (
        <a
          key={tab.route}
          href={`#${tab.route}`}
          className="subnav-link"
          aria-current={tab.route === active ? 'page' : undefined}
        >
          {t(tab.key)}
        </a>
      ))}
    </nav>
  )
}
