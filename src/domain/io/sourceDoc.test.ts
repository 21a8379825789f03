import { Problem } from '../problems';
import { ReportEntry } from './migrationReport';
import { readDocuments } from './sourceDoc';

const BOMB =
  'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';

function read(files: Array<{ text: string; file?: string }>) {
  const problems: Problem[] = [];
  const report: ReportEntry[] = [];
  const documents = readDocuments(files, problems, report);
  return { documents, problems, report };
}

describe('readDocuments', () => {
  test('reads every document of every file, leaving out empty ones', () => {
    const { documents, problems } = read([
      { text: '---\nkind: A\n---\n---\nkind: B\n', file: 'one.yaml' },
      { text: 'kind: C\n', file: 'two.yaml' },
    ]);
    expect(problems).toEqual([]);
    expect(documents.map(({ value }) => value)).toEqual([{ kind: 'A' }, { kind: 'B' }, { kind: 'C' }]);
    expect(documents.map(({ src }) => src.origin(['kind']))).toEqual([
      { file: 'one.yaml', line: 2, document: 1 },
      { file: 'one.yaml', line: 5, document: 3 },
      { file: 'two.yaml', line: 1 },
    ]);
  });

  test('a file with a syntax error is skipped as a whole, the error at its file, line and document', () => {
    const { documents, problems } = read([
      { text: 'kind: A\n---\nkind: [B\n', file: 'bad.yaml' },
      { text: 'kind: C\n', file: 'good.yaml' },
    ]);
    expect(documents.map(({ value }) => value)).toEqual([{ kind: 'C' }]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'bad.yaml',
        line: expect.any(Number),
        document: 2,
        message: expect.stringMatching(/^YAML syntax error: /),
      }),
    ]);
  });

  test('a document that cannot be read is a problem at its file, line and document; the others are read', () => {
    const { documents, problems } = read([{ text: `kind: A\n---\n${BOMB}`, file: 'bomb.yaml' }]);
    expect(documents.map(({ value }) => value)).toEqual([{ kind: 'A' }]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'bomb.yaml',
        line: 3,
        document: 2,
        message: expect.stringContaining('YAML cannot be read'),
      }),
    ]);
  });
});
