/**
 * Levitate reports an exported value as changed when anything in its type changed: `config` from
 * @grafana/runtime is "changed" in 13.x because GrafanaBootConfig lost `regionalFormat`, whatever
 * the plugin reads from it. For an exported *value* this narrows the verdict to what the plugin
 * reads: every use must be a property path (`config.bootData.user`) that still exists in the target
 * version with the same type (compared one level into its members). A use of the value as a whole,
 * or any path that is gone or typed differently, keeps the incompatibility. Types, functions and
 * classes keep levitate's verdict: the plugin may implement or call them in ways a path cannot show.
 */
import ts from 'typescript';

/** The parts of a levitate change this needs (ts objects from levitate's own TypeScript). */
export interface ExportChange {
  prev: ts.Symbol;
  current: ts.Symbol;
  prevProgram: ts.Program;
  currentProgram: ts.Program;
}

/** `reason` unset: the export is not a value (a type, function or class), judged as levitate does. */
export type MemberVerdict = { affected: false; paths: string[] } | { affected: true; reason?: string };

function valueType(symbol: ts.Symbol, program: ts.Program): ts.Type | undefined {
  const checker = program.getTypeChecker();
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declaration = target.valueDeclaration;
  if (!(target.flags & ts.SymbolFlags.Variable) || !declaration) {
    return undefined;
  }
  return checker.getTypeOfSymbolAtLocation(target, declaration);
}

const FLAGS = ts.TypeFormatFlags.NoTruncation;

/** An object type's members as text (a named interface prints as its name only), by name. */
function membersOf(type: ts.Type, checker: ts.TypeChecker): Map<string, string> {
  const members = new Map<string, string>();
  for (const member of type.flags & ts.TypeFlags.Object ? checker.getPropertiesOfType(type) : []) {
    const declaration = member.valueDeclaration ?? member.declarations?.[0];
    const memberType = declaration ? checker.getTypeOfSymbolAtLocation(member, declaration) : undefined;
    members.set(member.name, memberType ? checker.typeToString(memberType, undefined, FLAGS) : '?');
  }
  return members;
}

/**
 * How a type read by the plugin differs between versions, looking one level into its members:
 * undefined when it reads the same (members only added do not change a read).
 */
function difference(prev: ts.Type, prevChecker: ts.TypeChecker, current: ts.Type, currentChecker: ts.TypeChecker) {
  const before = prevChecker.typeToString(prev, undefined, FLAGS);
  const after = currentChecker.typeToString(current, undefined, FLAGS);
  if (before !== after) {
    return `changed from ${before} to ${after}`;
  }
  const currentMembers = membersOf(current, currentChecker);
  const changes: string[] = [];
  for (const [name, text] of membersOf(prev, prevChecker)) {
    const now = currentMembers.get(name);
    if (now === undefined) {
      changes.push(`${name} removed`);
    } else if (now !== text) {
      changes.push(`${name}: ${text} → ${now}`);
    }
  }
  return changes.length > 0 ? changes.join('; ') : undefined;
}

function propertyType(type: ts.Type, name: string, checker: ts.TypeChecker): ts.Type | undefined {
  const property = checker.getNonNullableType(type).getProperty(name);
  const declaration = property?.valueDeclaration ?? property?.declarations?.[0];
  return property && declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : undefined;
}

/** Compares the type at `path` in both versions; a reason when the plugin would notice. */
function comparePath(change: ExportChange, name: string, path: string[]): string | undefined {
  const prevChecker = change.prevProgram.getTypeChecker();
  const currentChecker = change.currentProgram.getTypeChecker();
  let prev = valueType(change.prev, change.prevProgram);
  let current = valueType(change.current, change.currentProgram);
  for (let depth = 0; depth < path.length && prev && current; depth++) {
    const shown = [name, ...path.slice(0, depth + 1)].join('.');
    prev = propertyType(prev, path[depth], prevChecker);
    current = propertyType(current, path[depth], currentChecker);
    if (!current) {
      return `${shown} is gone`;
    }
  }
  if (!prev || !current) {
    return `${[name, ...path].join('.')} could not be compared`;
  }
  const changed = difference(prev, prevChecker, current, currentChecker);
  return changed && `${[name, ...path].join('.')}: ${changed}`;
}

/**
 * The property paths read at `node`: `config.bootData.user?.login` → [bootData, user, login];
 * `const { login, orgRole } = config.bootData.user` → [bootData, user, login], [bootData, user, orgRole].
 * An empty path means the value is used as a whole.
 */
function pathsAt(node: ts.Node): string[][] {
  const path: string[] = [];
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (ts.isNonNullExpression(parent) || ts.isParenthesizedExpression(parent)) {
      current = parent;
    } else if (ts.isPropertyAccessExpression(parent) && parent.expression === current) {
      path.push(parent.name.text);
      current = parent;
    } else if (ts.isVariableDeclaration(parent) && parent.initializer === current && destructured(parent.name)) {
      return (parent.name as ts.ObjectBindingPattern).elements.map((element) => [
        ...path,
        ((element.propertyName ?? element.name) as ts.Identifier).text,
      ]);
    } else {
      return [path];
    }
  }
}

/** `{ a, b: c }`: plain names only (no rest, no nested pattern, no computed name). */
function destructured(name: ts.BindingName): boolean {
  return (
    ts.isObjectBindingPattern(name) &&
    name.elements.every(
      (element) =>
        !element.dotDotDotToken &&
        ts.isIdentifier(element.name) &&
        (!element.propertyName || ts.isIdentifier(element.propertyName))
    )
  );
}

/** Uses of the binding `name` imports from `moduleName` in one file, excluding the import itself. */
function usesIn(sourceFile: ts.SourceFile, checker: ts.TypeChecker, moduleName: string, name: string): ts.Identifier[] {
  const bindings: ts.Symbol[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || (statement.moduleSpecifier as ts.StringLiteral).text !== moduleName) {
      continue;
    }
    const named = statement.importClause?.namedBindings;
    for (const element of named && ts.isNamedImports(named) ? named.elements : []) {
      const symbol = (element.propertyName ?? element.name).text === name && checker.getSymbolAtLocation(element.name);
      if (symbol) {
        bindings.push(symbol);
      }
    }
  }
  const uses: ts.Identifier[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      return;
    }
    if (ts.isIdentifier(node)) {
      const symbol = checker.getSymbolAtLocation(node);
      if (symbol && bindings.includes(symbol)) {
        uses.push(node);
      }
    }
    ts.forEachChild(node, visit);
  };
  if (bindings.length > 0) {
    visit(sourceFile);
  }
  return uses;
}

/**
 * Whether the plugin's reads of the changed value `name` (imported from `moduleName` in
 * `sourceFile`) still hold in the target version.
 */
export function memberVerdict(
  project: ts.Program,
  sourceFile: ts.SourceFile,
  moduleName: string,
  name: string,
  change: ExportChange
): MemberVerdict {
  if (!valueType(change.prev, change.prevProgram) || !valueType(change.current, change.currentProgram)) {
    return { affected: true };
  }
  const checker = project.getTypeChecker();
  const paths = new Set<string>();
  for (const use of usesIn(sourceFile, checker, moduleName, name)) {
    const line = sourceFile.getLineAndCharacterOfPosition(use.getStart()).line + 1;
    for (const path of pathsAt(use)) {
      if (path.length === 0) {
        return { affected: true, reason: `${name} is used as a whole (line ${line})` };
      }
      const reason = comparePath(change, name, path);
      if (reason) {
        return { affected: true, reason: `${reason} (line ${line})` };
      }
      paths.add([name, ...path].join('.'));
    }
  }
  return { affected: false, paths: [...paths] };
}
