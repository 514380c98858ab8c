/** How an arrived character is shown on the scanner test screen: control characters by name. */
const NAMES: Readonly<Record<string, string>> = { '\u001d': 'GS', '\u001e': 'RS', '\u0004': 'EOT', Enter: 'Enter', Tab: 'Tab', ' ': 'space' };

export function visibleKey(key: string, ctrlKey = false): string {
  if (ctrlKey && key.length === 1) return `Ctrl+${key}`;
  return NAMES[key] ?? key;
}
