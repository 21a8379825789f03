import { parse } from 'yaml';
import { RULE_FIXTURES } from './fixtures';
import { generateRuleFiles } from './generate';
import { renderRuleFile, scalar } from './render';
import { RuleFile } from './types';

const TRICKY = [
  'plain',
  'page-fast',
  '5m',
  '1',
  '0.999',
  'true',
  'No',
  '~',
  'null',
  '',
  ' leading space',
  'trailing space ',
  "it's",
  'say "hi"',
  'a: b',
  'a #comment',
  '- dash',
  '? question',
  '{{ $value | humanizePercentage }}',
  '[1, 2]',
  '*alias',
  '&anchor',
  '!tag',
  '%directive',
  '@at',
  '`tick`',
  'tab\there',
  'line\nbreak',
  '(\n  a\n  and\n  b\n)',
  '  indented\nfirst line',
  'ends with newline\n',
  'blank\n\nline',
  'spaces only\n   \nline',
  'crlf\r\nline',
  'bell\u0007',
  'ünïcödé ✓',
  'back\\slash',
  '1 - x',
  '30d',
  '5m',
  '.inf',
  '+1',
  '-1',
  '2001-12-14 21:59:43.10 -5',
  '2001-12-14',
  '12:30',
  '0x1F',
  '0o17',
  '1e3',
  '1_000',
  'a:b',
  'key:',
  'a #b',
  'a# b',
  '<<',
  '=',
];

test.each(TRICKY)('scalar %p reads back as itself', (value) => {
  const file: RuleFile = {
    groups: [{ name: value, rules: [{ record: 'r', expr: value, labels: { [value || 'k']: value } }] }],
  };
  expect(parse(renderRuleFile(file))).toEqual(file);
});

test.each([
  ['checkout', 'checkout'],
  ['slo:sli_error:ratio_rate5m', 'slo:sli_error:ratio_rate5m'],
  ['1', "'1'"],
  ['30d', '30d'],
  ['0xfe', "'0xfe'"],
  ['1 - slo:x{a="b"}', '1 - slo:x{a="b"}'],
  ['1 - x', "'1 - x'"],
  ['sum(rate(x[5m])) > 0', 'sum(rate(x[5m])) > 0'],
  ['Checkout: latency', "'Checkout: latency'"],
  ['true', "'true'"],
  ["it's", "it's"],
  ["'quoted'", "'''quoted'''"],
  ['a\u0007', '"a\\u0007"'],
])('scalar %p is written %s', (value, text) => {
  expect(scalar(value, 2)).toBe(text);
});

test.each(Object.keys(RULE_FIXTURES))('the %s rule files read back as the generated data', (name) => {
  const files = generateRuleFiles(RULE_FIXTURES[name]);
  for (const { file } of [...files.prometheus, ...files.loki]) {
    expect(parse(renderRuleFile(file))).toEqual(JSON.parse(JSON.stringify(file)));
  }
});

test('empty files and groups stay valid', () => {
  expect(parse(renderRuleFile({ groups: [] }))).toEqual({ groups: [] });
  expect(parse(renderRuleFile({ groups: [{ name: 'g', interval: '1h', rules: [] }] }))).toEqual({
    groups: [{ name: 'g', interval: '1h', rules: [] }],
  });
});
