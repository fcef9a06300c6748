declare module '*?url' {
  /** The URL Vite gives an asset imported with ?url (the pdf.js worker). */
  const url: string
  export default url
}
