import type { LookupResult } from '../../../device/lookup';
import type { PackLevel } from '../../../domain/catalog/product';
import { Problem } from '../../components/Screen';

const PACK_NAMES: Record<PackLevel, string> = { each: 'Each', inner: 'Inner pack', case: 'Case' };
const SYMBOLOGIES: Record<string, string> = { 'ean-13': 'EAN-13', 'ean-8': 'EAN-8', 'upc-a': 'UPC-A', 'upc-e': 'UPC-E', 'gtin-14': 'GTIN-14' };

/** What a looked-up code is. Every text from the server is rendered as text, never as HTML. */
export function FindResult({ result }: { result: LookupResult }) {
  switch (result.kind) {
    case 'invalid':
    case 'unknown':
      return <Problem message={result.message} />;
    case 'product':
      return <ProductFound result={result} />;
    case 'bin':
      return <BinFound result={result} />;
  }
}

function ProductFound({ result }: { result: Extract<LookupResult, { kind: 'product' }> }) {
  const { product, scannedCode, places, totalQty, fromCode } = result;
  return (
    <section className="result" aria-label="Product" data-testid="product-result">
      <h2>{product.name}</h2>
      <p className="sku">{product.sku}</p>
      {scannedCode.packQty > 1 && (
        <p className="pack" data-testid="scanned-pack">
          {PACK_NAMES[scannedCode.packLevel]} of {scannedCode.packQty} {product.unit}
        </p>
      )}
      {fromCode && (
        <dl className="from-code" data-testid="from-code" aria-label="From the scanned code">
          {fromCode.lot !== undefined && (<><dt>Lot</dt><dd>{fromCode.lot}</dd></>)}
          {fromCode.expiry !== undefined && (<><dt>Expiry</dt><dd>{fromCode.expiry}</dd></>)}
          {fromCode.bestBefore !== undefined && (<><dt>Best before</dt><dd>{fromCode.bestBefore}</dd></>)}
          {fromCode.serial !== undefined && (<><dt>Serial</dt><dd>{fromCode.serial}</dd></>)}
          {fromCode.count !== undefined && (<><dt>Count</dt><dd>{fromCode.count}</dd></>)}
        </dl>
      )}
      <p className="total" data-testid="total-qty">
        {totalQty.toLocaleString()} {product.unit} in stock
      </p>
      {places.length === 0 ? (
        <p>Not in any bin.</p>
      ) : (
        <table className="lines">
          <thead>
            <tr>
              <th>Bin</th>
              <th>Qty</th>
              {product.lotTracked && <th>Lot</th>}
              {product.expiryTracked && <th>Expiry</th>}
            </tr>
          </thead>
          <tbody>
            {places.map((place) => (
              <tr key={`${place.binCode}|${place.lot}`}>
                <td>{place.binCode}</td>
                <td>{place.qty.toLocaleString()}</td>
                {product.lotTracked && <td>{place.lot || '—'}</td>}
                {product.expiryTracked && <td>{place.expiry ?? '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Codes</h3>
      <ul className="codes">
        {product.codes.map((code) => (
          <li key={code.gtin}>
            {SYMBOLOGIES[code.symbology] ?? code.symbology} {code.printed} · {PACK_NAMES[code.packLevel]}
            {code.packQty > 1 ? ` of ${code.packQty}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function BinFound({ result }: { result: Extract<LookupResult, { kind: 'bin' }> }) {
  const { bin, contents } = result;
  return (
    <section className="result" aria-label="Bin" data-testid="bin-result">
      <h2>Bin {bin.code}</h2>
      <p>
        Zone {bin.zone} · aisle {bin.aisle} · walk {bin.walkSeq}
      </p>
      {contents.length === 0 ? (
        <p>The bin is empty.</p>
      ) : (
        <table className="lines">
          <thead>
            <tr>
              <th>Product</th>
              <th>Qty</th>
              <th>Lot</th>
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
