import { rebaseDraft } from './rebaseDraft';

describe('rebaseDraft', () => {
  const base = { name: 'Search', description: 'Product search.', tags: ['a'] };

  test('fields the user left alone take the newer stored value; edited fields keep the edit', () => {
    const draft = { ...base, name: 'Search and suggestions' };
    const latest = { ...base, description: 'Product search and spelling.', tags: ['a', 'b'] };
    expect(rebaseDraft(draft, base, latest)).toEqual({
      name: 'Search and suggestions',
      description: 'Product search and spelling.',
      tags: ['a', 'b'],
    });
  });

  test('an edit wins over a newer stored value of the same field', () => {
    const draft = { ...base, description: 'Mine.' };
    const latest = { ...base, description: 'Theirs.' };
    expect(rebaseDraft(draft, base, latest).description).toBe('Mine.');
  });

  test('optional fields: removed upstream when untouched, kept when the user set them', () => {
    type Draft = { id: string; note?: string; extra?: string };
    const start: Draft = { id: 'x', note: 'old' };
    expect(rebaseDraft<Draft>({ ...start }, start, { id: 'x' })).toEqual({ id: 'x' });
    expect(rebaseDraft<Draft>({ ...start, extra: 'typed' }, start, { id: 'x' })).toEqual({ id: 'x', extra: 'typed' });
  });

  test('key order follows the stored version, so an unchanged draft compares equal to it', () => {
    const latest = { description: 'Product search.', name: 'Search', tags: ['a'] };
    expect(JSON.stringify(rebaseDraft(base, base, latest))).toBe(JSON.stringify(latest));
  });
});
