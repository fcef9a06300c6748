import { createHash } from 'node:crypto'
import {
  AFRelationship,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFString,
  type PDFRef
} from '@cantoo/pdf-lib'
import { srgbIccProfile } from '../pdf/srgb-icc'

/**
 * Factur-X 1.07 / ZUGFeRD 2.3, profile EN 16931: the invoice's own PDF made PDF/A-3b, with its
 * CII embedded as `factur-x.xml` (AFRelationship Alternative: the XML and the PDF say the
 * same), the XMP metadata PDF/A and Factur-X ask for (the pdfaid part and conformance, the
 * extension schema that declares the fx: properties, and their values), and an sRGB output
 * intent for the RGB the page is drawn in. The fonts are already embedded (DejaVu Sans).
 * Deterministic: the dates are the issue's, the document id is a hash of the content.
 */

export const FACTURX_FILE_NAME = 'factur-x.xml'
const FX_NAMESPACE = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#'

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An XMP date: the ISO instant without milliseconds. */
const xmpDate = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z')

export function facturxXmp(meta: {
  title: string
  author: string
  producer: string
  keywords: string
  created: Date
}): string {
  const t = escapeXml(meta.title)
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
      <pdfaid:part>3</pdfaid:part>
      <pdfaid:conformance>B</pdfaid:conformance>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${t}</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>${escapeXml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
      <pdf:Producer>${escapeXml(meta.producer)}</pdf:Producer>
      <pdf:Keywords>${escapeXml(meta.keywords)}</pdf:Keywords>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
      <xmp:CreatorTool>${escapeXml(meta.producer)}</xmp:CreatorTool>
      <xmp:CreateDate>${xmpDate(meta.created)}</xmp:CreateDate>
      <xmp:ModifyDate>${xmpDate(meta.created)}</xmp:ModifyDate>
      <xmp:MetadataDate>${xmpDate(meta.created)}</xmp:MetadataDate>
    </rdf:Description>
    <rdf:Description rdf:about=""
        xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
        xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>${FX_NAMESPACE}</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>fx</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>
${[
  ['DocumentFileName', 'The name of the embedded XML document'],
  ['DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER'],
  ['Version', 'The actual version of the standard applying to the embedded XML document'],
  ['ConformanceLevel', 'The conformance level of the embedded XML document']
]
  .map(
    ([name, description]) => `                <rdf:li rdf:parseType="Resource">
                  <pdfaProperty:name>${name}</pdfaProperty:name>
                  <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                  <pdfaProperty:category>external</pdfaProperty:category>
                  <pdfaProperty:description>${description}</pdfaProperty:description>
                </rdf:li>`
  )
  .join('\n')}
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:fx="${FX_NAMESPACE}">
      <fx:DocumentType>INVOICE</fx:DocumentType>
      <fx:DocumentFileName>${FACTURX_FILE_NAME}</fx:DocumentFileName>
      <fx:Version>1.0</fx:Version>
      <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

/** The invoice's PDF (as Facturo renders it) with its CII inside, as Factur-X. */
export async function facturxPdf(
  pdfBytes: Uint8Array,
  cii: Uint8Array,
  meta: { author: string; issuedAt: string }
): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false })
  const title = pdf.getTitle() ?? ''
  const created = new Date(meta.issuedAt)
  const producer = 'Facturo'
  const keywords = 'Factur-X, EN 16931'
  pdf.setTitle(title, { showInWindowTitleBar: true })
  pdf.setAuthor(meta.author)
  pdf.setProducer(producer)
  pdf.setCreator(producer)
  pdf.setKeywords([keywords])
  pdf.setCreationDate(created)
  pdf.setModificationDate(created)
  await pdf.attach(cii, FACTURX_FILE_NAME, {
    mimeType: 'text/xml',
    description: 'Factur-X invoice (EN 16931)',
    creationDate: created,
    modificationDate: created,
    afRelationship: AFRelationship.Alternative
  })
  const context = pdf.context
  const xmp = context.stream(
    new TextEncoder().encode(
      facturxXmp({ title, author: meta.author, producer, keywords, created })
    ),
    {
      Type: 'Metadata',
      Subtype: 'XML'
    }
  )
  pdf.catalog.set(PDFName.of('Metadata'), context.register(xmp))
  const icc = context.flateStream(srgbIccProfile(), { N: 3 })
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(icc) as PDFRef
  })
  pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]))
  // the document id PDF/A asks for: the same content, the same id
  const id = createHash('md5').update(pdfBytes).update(cii).digest('hex')
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)])
  return pdf.save({ useObjectStreams: false })
}
