import type { Schema } from './schema-values.ts';

/** Text that is odd but storable: whether it passes depends on the field's pattern or format. */
export const oddTexts: [string, string][] = [
  ['control characters', 'a\u0001\u0008\u001b\u007f'],
  ['a right-to-left override', 'abc\u202edcb'],
  ['emoji with joiners', '👩🏽‍⚖️✊🏿'],
  ['combining marks', 'e\u0301\u0327'],
  ['SQL', "x'; DROP TABLE es_events; --"],
  ['markup', '<script>alert(1)</script>'],
  ['a path', '../../etc/passwd'],
  ['blanks', '   '],
  ['an empty string', ''],
  ['other scripts', 'Zoë Łódź 東京 مرحبا'],
  ['a byte-order mark and zero widths', '\ufeff\u200b\u200d'],
];

export const unstorableTexts: [string, string][] = [
  ['a NUL character', 'before\u0000after'],
  ['a lone high surrogate', 'before\ud800after'],
  ['a lone low surrogate', 'before\udc00after'],
];

/** Values of each JSON type, to find those a field refuses. */
export const valuesByType: [string, unknown][] = [
  ['a string', 'text'],
  ['an integer', 12345],
  ['a fraction', 1.5],
  ['a boolean', true],
  ['an object', { a: 1 }],
  ['an array', ['a']],
  ['null', null],
];

/** Whether the schema surely refuses a text: not among its values, too short, or off its pattern. */
function refusesText(schema: Schema, text: string): boolean {
  if (Array.isArray(schema['enum'])) return !schema['enum'].includes(text);
  if ('const' in schema) return schema['const'] !== text;
  if ([...text].length < Number(schema['minLength'] ?? 0)) return true;
  const pattern = schema['pattern'];
  return typeof pattern === 'string' && !new RegExp(pattern, 'u').test(text);
}

/** An odd text is refused where the schema surely refuses it; elsewhere it may pass. */
export const oddExpectation = (
  schema: Schema,
  text: string,
  field: string,
): { kind: 'invalid' | 'any'; field: string } =>
  refusesText(schema, text) ? { kind: 'invalid', field } : { kind: 'any', field };

export const encodable = (text: string) => {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
};
