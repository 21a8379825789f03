import { DEFAULT_BILLING_QUERY } from '../../domain/registry';
import { billingKindOf, DEFAULT_SQL_BILLING_QUERY, defaultBillingQuery, isDefaultBillingQuery } from './billing';

describe('billingKindOf', () => {
  test.each([
    ['prometheus', 'prometheus'],
    ['grafana-postgresql-datasource', 'sql'],
    ['postgres', 'sql'],
    ['mysql', 'sql'],
    ['mssql', 'sql'],
    [undefined, 'prometheus'],
  ])('%s → %s', (type, kind) => {
    expect(billingKindOf(type)).toBe(kind);
  });
});

describe('billing query defaults', () => {
  test('each kind has its own default, and both use $costTags', () => {
    expect(defaultBillingQuery('prometheus')).toBe(DEFAULT_BILLING_QUERY);
    expect(defaultBillingQuery('sql')).toBe(DEFAULT_SQL_BILLING_QUERY);
    expect(DEFAULT_SQL_BILLING_QUERY).toContain('$costTags');
    expect(DEFAULT_SQL_BILLING_QUERY).toContain('$__timeFilter(time)');
  });

  test.each([
    ['', true],
    [DEFAULT_BILLING_QUERY, true],
    [DEFAULT_SQL_BILLING_QUERY, true],
    ['sum(my_cost{$costTags})', false],
  ])('%j is a default: %s', (query, expected) => {
    expect(isDefaultBillingQuery(query)).toBe(expected);
  });
});
