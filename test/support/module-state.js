'use strict';
// Finds module-level state in TypeScript sources: anything one execution could leave behind for
// the next (n8n loads a node's module once per process and runs every execution through it).
// Flags: a module-level `let`/`var`; a module-level `const` that is changed anywhere in the file
// (`.set/.add/.push/...`, an assignment to one of its properties or elements, `delete`,
// Object.assign onto it); a `static` class property that is not readonly.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const MUTATING_METHODS = new Set([
	'set',
	'add',
	'delete',
	'clear',
	'push',
	'pop',
	'shift',
	'unshift',
	'splice',
	'sort',
	'reverse',
	'fill',
	'copyWithin',
]);
const ASSIGNMENTS = new Set([
	ts.SyntaxKind.EqualsToken,
	ts.SyntaxKind.PlusEqualsToken,
	ts.SyntaxKind.MinusEqualsToken,
	ts.SyntaxKind.AsteriskEqualsToken,
	ts.SyntaxKind.SlashEqualsToken,
	ts.SyntaxKind.BarEqualsToken,
	ts.SyntaxKind.AmpersandEqualsToken,
	ts.SyntaxKind.QuestionQuestionEqualsToken,
	ts.SyntaxKind.BarBarEqualsToken,
	ts.SyntaxKind.AmpersandAmpersandEqualsToken,
]);

/** The identifier an expression like `a.b[c].d` hangs off, or undefined. */
function rootName(node) {
	while (
		ts.isPropertyAccessExpression(node) ||
		ts.isElementAccessExpression(node) ||
		ts.isParenthesizedExpression(node) ||
		ts.isNonNullExpression(node) ||
		ts.isAsExpression(node) ||
		ts.isTypeAssertionExpression(node) ||
		ts.isSatisfiesExpression(node)
	) {
		node = node.expression;
	}
	return ts.isIdentifier(node) ? node.text : undefined;
}

function findModuleState(source, fileName = 'source.ts') {
	const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
	const findings = [];
	const where = (node) =>
		`${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
	const constants = new Map();

	for (const statement of file.statements) {
		if (ts.isVariableStatement(statement)) {
			const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
			for (const declaration of statement.declarationList.declarations) {
				if (!ts.isIdentifier(declaration.name)) continue;
				if (!isConst)
					findings.push({
						at: where(declaration),
						name: declaration.name.text,
						why: 'module-level let/var',
					});
				else constants.set(declaration.name.text, declaration);
			}
		}
	}

	const flagMutation = (name, node, how) => {
		if (constants.has(name))
			findings.push({ at: where(node), name, why: `module-level const changed (${how})` });
	};
	const visit = (node) => {
		if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
			const method = node.expression.name.text;
			const target = rootName(node.expression.expression);
			if (target && MUTATING_METHODS.has(method)) flagMutation(target, node, `.${method}()`);
			if (
				method === 'assign' &&
				ts.isIdentifier(node.expression.expression) &&
				node.expression.expression.text === 'Object' &&
				node.arguments[0]
			) {
				const assigned = rootName(node.arguments[0]);
				if (assigned) flagMutation(assigned, node, 'Object.assign');
			}
		}
		if (
			ts.isBinaryExpression(node) &&
			ASSIGNMENTS.has(node.operatorToken.kind) &&
			!ts.isIdentifier(node.left)
		) {
			const target = rootName(node.left);
			if (target) flagMutation(target, node, 'property assignment');
		}
		if (
			(ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
			!ts.isIdentifier(node.operand)
		) {
			const target = rootName(node.operand);
			if (
				target &&
				[ts.SyntaxKind.PlusPlusToken, ts.SyntaxKind.MinusMinusToken].includes(node.operator)
			)
				flagMutation(target, node, '++/--');
		}
		if (ts.isDeleteExpression(node)) {
			const target = rootName(node.expression);
			if (target) flagMutation(target, node, 'delete');
		}
		if (ts.isPropertyDeclaration(node)) {
			const mods = ts.getModifiers(node) ?? [];
			const isStatic = mods.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
			const isReadonly = mods.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
			if (isStatic && !isReadonly)
				findings.push({
					at: where(node),
					name: node.name.getText(file),
					why: 'static class property',
				});
		}
		ts.forEachChild(node, visit);
	};
	visit(file);
	return findings;
}

function typeScriptFiles(dir) {
	const out = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) out.push(...typeScriptFiles(full));
		else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
	}
	return out;
}

/** Findings for every .ts file under the given folders (paths relative to `root`). */
function scanFolders(root, folders) {
	const findings = [];
	for (const folder of folders) {
		for (const file of typeScriptFiles(path.join(root, folder))) {
			findings.push(...findModuleState(fs.readFileSync(file, 'utf8'), path.relative(root, file)));
		}
	}
	return findings;
}

module.exports = { findModuleState, scanFolders, typeScriptFiles };
