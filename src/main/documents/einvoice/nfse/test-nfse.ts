/**
 * For tests: the NFS-e the Sefin Nacional would return for a DPS, shaped like the national
 * layout's (the DPS inside, the tax system's fields around it, a placeholder signature, as the
 * layout's published test documents carry), so the import can be tested on what it will read.
 */

/** An access key: cMun(7) ambGer(1) tpInsc(1) inscFed(14) nNFSe(13) AAMM(4) cNum(9) DV(1). */
export function accessKeyFor(dps: string, nfseNumber: string, processedAt: string): string {
  const id = /Id="DPS(\d{42})"/.exec(dps)![1]!
  const municipality = id.slice(0, 7)
  const inscription = id.slice(7, 22)
  const yymm = processedAt.slice(2, 4) + processedAt.slice(5, 7)
  return `${municipality}2${inscription}${nfseNumber.padStart(13, '0')}${yymm}123456789${Number(nfseNumber) % 10}`
}

export function returnedNfse(
  dps: string,
  { nfseNumber = '1', processedAt = '2026-03-10T10:00:05-03:00', accessKey = '' } = {}
): { xml: string; accessKey: string } {
  const key = accessKey || accessKeyFor(dps, nfseNumber, processedAt)
  const inner = dps.replace(/^<\?xml[^>]*>\s*/, '').replace(/ xmlns="[^"]*"/, '')
  const provider = /<prest>\s*<(CNPJ|CPF)>(\d+)</.exec(dps)!
  const municipality = /<cLocEmi>(\d{7})</.exec(dps)![1]
  const value = /<vServ>([\d.]+)</.exec(dps)![1]
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<NFSe versao="1.01" xmlns="http://www.sped.fazenda.gov.br/nfse">
  <infNFSe Id="NFS${key}">
    <xLocEmi>São Paulo</xLocEmi>
    <xLocPrestacao>São Paulo</xLocPrestacao>
    <nNFSe>${nfseNumber}</nNFSe>
    <cLocIncid>${municipality}</cLocIncid>
    <xLocIncid>São Paulo</xLocIncid>
    <xTribNac>Análise e desenvolvimento de sistemas.</xTribNac>
    <verAplic>SefinNac_Pre_1.5.0</verAplic>
    <ambGer>2</ambGer>
    <tpEmis>1</tpEmis>
    <procEmi>1</procEmi>
    <cStat>100</cStat>
    <dhProc>${processedAt}</dhProc>
    <nDFSe>${nfseNumber}</nDFSe>
    <emit>
      <${provider[1]}>${provider[2]}</${provider[1]}>
      <xNome>PRESTADORA DE TESTE LTDA</xNome>
      <enderNac>
        <xLgr>AVENIDA PAULISTA</xLgr>
        <nro>1000</nro>
        <xBairro>BELA VISTA</xBairro>
        <cMun>${municipality}</cMun>
        <UF>SP</UF>
        <CEP>01310100</CEP>
      </enderNac>
    </emit>
    <valores>
      <vBC>${value}</vBC>
      <pAliqAplic>2.00</pAliqAplic>
      <vISSQN>0.00</vISSQN>
      <vLiq>${value}</vLiq>
    </valores>
    ${inner.trim()}
  </infNFSe>
  <Signature xmlns="http://www.w3.org/2000/09/xmldsig#">
    <SignedInfo>
      <CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
      <SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
      <Reference URI="#NFS${key}">
        <Transforms>
          <Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
          <Transform Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>
        </Transforms>
        <DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
        <DigestValue>AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=</DigestValue>
      </Reference>
    </SignedInfo>
    <SignatureValue>AAAA</SignatureValue>
    <KeyInfo><X509Data><X509Certificate>AAAA</X509Certificate></X509Data></KeyInfo>
  </Signature>
</NFSe>
`
  return { xml, accessKey: key }
}
