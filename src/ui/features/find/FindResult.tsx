import { Fragment } from 'react';
import type { LookupResult } from '../../../device/lookup';
import type { PackLevel } from '../../../domain/catalog/product';
import { Problem } from '../../components/Screen';
import { useSay, useShowDate, useT } from '../../i18n/useT';
import { BinCode, Words } from '../../components/Words';

const PACK_NAMES = { each: 'pack.each', inner: 'pack.inner', case: 'pack.case' } as const satisfies Record<PackLevel, string>;
const SYMBOLOGIES: Record<string, string> = { 'ean-13': 'EAN-13', 'ean-8': 'EAN-8', 'upc-a': 'UPC-A', 'upc-e': 'UPC-E', 'gtin-14': 'GTIN-14' };

/** What a looked-up code is. Every text from the server is rendered as text, never as HTML. */
export function FindResult({ result }: { result: LookupResult }) {
  const say = useSay();
  switch (result.kind) {
    case 'invalid':
    case 'unknown':
      return <Problem message={say(result.why)} />;
    case 'product':
      return <ProductFound result={result} />;
    case 'bin':
      return <BinFound result={result} />;
  }
}

function ProductFound({ result }: { result: Extract<LookupResult, { kind: 'product' }> }) {
  const { product, scannedCode, places, totalQty, fromCode } = result;
  const t = useT();
  const showDate = useShowDate();
  return (
    <section className="result" aria-label={t('find.product')} data-testid="product-result">
      <h2>{product.name}</h2>
      <p className="sku">{product.sku}</p>
      {scannedCode.packQty > 1 && (
        <p className="pack" data-testid="scanned-pack">
          {t('find.pack', t(PACK_NAMES[scannedCode.packLevel]), scannedCode.packQty, product.unit)}
        </p>
      )}
      {fromCode && (
        <dl className="from-code" data-testid="from-code" aria-label={t('find.fromCode')}>
          {fromCode.lot !== undefined && (<><dt>{t('find.lot')}</dt><dd>{fromCode.lot}</dd></>)}
          {fromCode.expiry !== undefined && (<><dt>{t('find.expiry')}</dt><dd>{showDate(fromCode.expiry)}</dd></>)}
          {fromCode.bestBefore !== undefined && (<><dt>{t('find.bestBefore')}</dt><dd>{showDate(fromCode.bestBefore)}</dd></>)}
          {fromCode.serial !== undefined && (<><dt>{t('find.serial')}</dt><dd>{fromCode.serial}</dd></>)}
          {fromCode.count !== undefined && (<><dt>{t('find.count')}</dt><dd>{fromCode.count}</dd></>)}
          {fromCode.others.map((element, i) => (
            <Fragment key={`${element.ai}-${i}`}>
              <dt>({element.ai}) {element.title}</dt>
              <dd className="code">{element.value}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      <p className="total" data-testid="total-qty">
        {t('find.inStock', totalQty.toLocaleString(), product.unit)}
      </p>
      {places.length === 0 ? (
        <p>{t('find.notInAnyBin')}</p>
      ) : (
        <table className="lines">
          <thead>
            <tr>
              <th>{t('find.bin')}</th>
              <th>{t('find.qty')}</th>
              {product.lotTracked && <th>{t('find.lot')}</th>}
              {product.expiryTracked && <th>{t('find.expiry')}</th>}
            </tr>
          </thead>
          <tbody>
            {places.map((place) => (
              <tr key={`${place.binCode}|${place.lot}`}>
                <td>
                  <BinCode code={place.binCode} />
                </td>
                <td>{place.qty.toLocaleString()}</td>
                {product.lotTracked && <td>{place.lot ? <BinCode code={place.lot} /> : '—'}</td>}
                {product.expiryTracked && <td className="code-whole">{place.expiry ? showDate(place.expiry) : '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('find.codes')}</h3>
      <ul className="codes">
        {product.codes.map((code) => (
          <li key={code.gtin}>
            {t('find.codeLine', SYMBOLOGIES[code.symbology] ?? code.symbology, code.printed, t(PACK_NAMES[code.packLevel]), code.packQty)}
          </li>
        ))}
      </ul>
    </section>
  );
}

function BinFound({ result }: { result: Extract<LookupResult, { kind: 'bin' }> }) {
  const { bin, contents } = result;
  const t = useT();
  return (
    <section className="result" aria-label={t('find.bin')} data-testid="bin-result">
      <h2>
        <Words text={t('find.binTitle', bin.code)} />
      </h2>
      <p>{t('find.binPlace', bin.zone, bin.aisle, bin.walkSeq)}</p>
      {contents.length === 0 ? (
        <p>{t('find.binEmpty')}</p>
      ) : (
        <table className="lines">
          <thead>
            <tr>
              <th>{t('find.product')}</th>
              <th>{t('find.qty')}</th>
              <th>{t('find.lot')}</th>
            </tr>
          </thead>
          <tbody>
            {contents.map((line) => (
              <tr key={`${line.productId}|${line.lot}`}>
                <td>{line.product?.name ?? line.productId}</td>
                <td>{line.qty.toLocaleString()}</td>
                <td>{line.lot || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
