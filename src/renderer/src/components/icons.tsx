// Stroke icons drawn for Facturo (24×24 grid), decorative: the text beside them carries the meaning.
const base = {
  width: 18,
  height: 18,
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true
}

export const HomeIcon = () => (
  <svg {...base}>
    <path d="M3 11.5 12 4l9 7.5" />
    <path d="M5.5 10v9.5h13V10" />
    <path d="M10 19.5v-5h4v5" />
  </svg>
)

export const SettingsIcon = () => (
  <svg {...base}>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 2.5v3M12 18.5v3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M2.5 12h3M18.5 12h3M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1" />
  </svg>
)

export const FileIcon = () => (
  <svg {...base}>
    <path d="M6 2.5h8l4.5 4.5v14.5H6z" />
    <path d="M14 2.5V7h4.5" />
    <path d="M9 12h6M9 15.5h6" />
  </svg>
)

export const CustomersIcon = () => (
  <svg {...base}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20c.5-3.5 3.2-5.5 6.5-5.5s6 2 6.5 5.5" />
    <path d="M16 4.8a3.5 3.5 0 0 1 0 6.4M18.5 14.8c1.7.8 2.8 2.6 3 5.2" />
  </svg>
)

export const PlansIcon = () => (
  <svg {...base}>
    <path d="M3.5 12.5 12 4h7.5v7.5L11 20z" />
    <circle cx="15.5" cy="8" r="1.5" />
  </svg>
)

export const SubscriptionsIcon = () => (
  <svg {...base}>
    <path d="M20 12a8 8 0 0 1-14 5.3M4 12a8 8 0 0 1 14-5.3" />
    <path d="M18.5 3v4h-4M5.5 21v-4h4" />
  </svg>
)

export const UsageIcon = () => (
  <svg {...base}>
    <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
  </svg>
)

export const BillingIcon = () => (
  <svg {...base}>
    <path d="M5 3.5h14v17l-3-2-2 2-2-2-2 2-2-2-3 2z" />
    <path d="M9 8.5h6M9 12h6" />
  </svg>
)

export const InvoicesIcon = () => (
  <svg {...base}>
    <path d="M6 2.5h8l4.5 4.5v14.5H6z" />
    <path d="M14 2.5V7h4.5" />
    <path d="M9 13h6M9 16.5h4" />
  </svg>
)

/** The app icon (resources/icon.svg, served as favicon.svg). */
export const LogoMark = () => <img src="./favicon.svg" width={28} height={28} alt="" />

export const ComplianceIcon = () => (
  <svg {...base}>
    <path d="M12 2.5 4.5 5.5v6c0 4.6 3.1 8.4 7.5 10 4.4-1.6 7.5-5.4 7.5-10v-6z" />
    <path d="m8.8 12 2.3 2.3 4.3-4.6" />
  </svg>
)
