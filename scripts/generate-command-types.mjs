#!/usr/bin/env node
// Generates src/types/RedisCommander.ts and src/types/commandNames.ts: one method and one `…Buffer`
// twin for every command of @ioredis/commands, typed from the hand-curated table in
// scripts/command-signatures.mjs, with a loose fallback for the commands the table leaves out.
//
//   node scripts/generate-command-types.mjs            writes into src/types/
//   node scripts/generate-command-types.mjs --out DIR  writes into DIR (the drift test uses this)
//
// The output depends only on the installed @ioredis/commands, the table and src/types/commandArgs.ts,
// so running it twice gives the same bytes.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signatures } from './command-signatures.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { list } = require('@ioredis/commands');
const commandTable = require('@ioredis/commands/built/commands.json');
const commandsVersion = require('@ioredis/commands/package.json').version;

const FALLBACK_ARGS = 'Many<RedisValue>[]';

/** Splits `(params) => Reply` at the parenthesis that closes the parameter list. */
function parseSignature(sig, where) {
  if (!sig.startsWith('(')) throw new Error(`${where}: signature must start with "(": ${sig}`);
  let depth = 0;
  for (let i = 0; i < sig.length; i++) {
    const ch = sig[i];
    if (ch === '(' || ch === '[' || ch === '<' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '>' || ch === '}') {
      // `=>` is not a closing bracket.
      if (ch === '>' && sig[i - 1] === '=') continue;
      depth--;
      if (depth === 0) {
        const rest = sig.slice(i + 1);
        if (!rest.startsWith(' => ')) throw new Error(`${where}: expected " => " after the parameters: ${sig}`);
        const params = sig.slice(1, i).trim();
        if (/\?\s*:/.test(params)) throw new Error(`${where}: optional parameters are not allowed, add an overload: ${sig}`);
        return { params, reply: rest.slice(4).trim() };
      }
    }
  }
  throw new Error(`${where}: unbalanced brackets: ${sig}`);
}

/** Splits a type at its top-level `|`. */
function splitUnion(type) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    const ch = type[i];
    if ('([<{'.includes(ch)) depth++;
    else if (')]>}'.includes(ch)) depth--;
    else if (ch === '|' && depth === 0) {
      parts.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(type.slice(start).trim());
  return parts;
}

/** The reply type of the plain method (`Str` is a string) or of its Buffer twin. */
function replyType(reply, isBuffer) {
  if (!isBuffer) return reply.replace(/\bStr\b/g, 'string');
  // The twin resolves the raw reply bytes, status replies included.
  const replaced = reply.replace(/\bStr\b/g, 'Buffer').replace(/'[^']*'/g, 'Buffer');
  return [...new Set(splitUnion(replaced))].join(' | ');
}

function methodKey(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`;
}

/** One overload line: a plain parameter list with `callback?`, or a tuple rest when params spread. */
function overloadLine(method, params, reply) {
  const result = `Result<${reply}, Context>`;
  if (params.includes('...')) {
    return `${method}(...args: WithCallback<[${params}], ${reply}>): ${result};`;
  }
  const lead = params === '' ? '' : `${params}, `;
  return `${method}(${lead}callback?: Callback<${reply}>): ${result};`;
}

function subcommandsOf(name) {
  const subs = commandTable[name].subcommands;
  return subs ? Object.keys(subs).map((s) => s.toUpperCase()).sort() : [];
}

/** Subcommands a curated overload names in its first parameter, `subcommand: Token<'A' | 'B'>`. */
function coveredSubcommands(params) {
  const m = /^subcommand: Token<([^>]*)>/.exec(params);
  if (!m) return [];
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]);
}

/** The [params, reply] pairs of a command: curated ones, then loose ones for what they leave out. */
function overloadsOf(name) {
  const curated = signatures[name];
  const subs = subcommandsOf(name);
  const loose = (subcommands) => {
    if (subcommands.length === 0) return { params: `...args: ${FALLBACK_ARGS}`, reply: 'unknown' };
    const names = subcommands === subs ? `Subcommands['${name}']` : subcommands.map((s) => `'${s}'`).join(' | ');
    return { params: `subcommand: Token<${names}>, ...args: ${FALLBACK_ARGS}`, reply: 'unknown' };
  };
  if (curated === undefined) {
    return { overloads: [loose(subs)], curated: false };
  }
  const overloads = curated.map((sig, i) => parseSignature(sig, `${name}[${i}]`));
  if (subs.length > 0) {
    const covered = new Set(overloads.flatMap((o) => coveredSubcommands(o.params)));
    for (const c of covered) {
      if (!subs.includes(c)) throw new Error(`${name}: subcommand ${c} is not in @ioredis/commands`);
    }
    const left = subs.filter((s) => !covered.has(s));
    if (left.length > 0) overloads.push(loose(left));
  }
  return { overloads, curated: true };
}

function flagsNote(name) {
  const flags = commandTable[name].flags;
  return flags.length === 0 ? '' : ` · flags: ${flags.join(', ')}`;
}

function commandBlock(name) {
  const entry = signatures[name];
  const upper = name.toUpperCase();
  const plainDoc = `  /** \`${upper}\`${flagsNote(name)} */`;
  const bufferDoc = `  /** \`${upper}\`, resolving Buffers for string replies${flagsNote(name)} */`;
  if (entry !== undefined && !Array.isArray(entry)) {
    return [plainDoc, ...entry.raw.map((l) => `  ${l}`), bufferDoc, ...entry.rawBuffer.map((l) => `  ${l}`)];
  }
  const { overloads } = overloadsOf(name);
  const lines = [plainDoc];
  for (const o of overloads) lines.push(`  ${overloadLine(methodKey(name), o.params, replyType(o.reply, false))}`);
  lines.push(bufferDoc);
  for (const o of overloads) lines.push(`  ${overloadLine(methodKey(`${name}Buffer`), o.params, replyType(o.reply, true))}`);
  return lines;
}

/** Names exported by the hand-written helper file, so the import lists exactly those in use. */
function helperTypeNames() {
  const text = readFileSync(join(root, 'src/types/commandArgs.ts'), 'utf8');
  return [...text.matchAll(/^export type (\w+)/gm)].map((m) => m[1]);
}

export function generate() {
  for (const name of Object.keys(signatures)) {
    if (!list.includes(name)) throw new Error(`command-signatures.mjs names ${name}, which @ioredis/commands does not have`);
  }
  const commands = [...list].sort();
  const body = [];
  for (const name of commands) {
    body.push(...commandBlock(name), '');
  }
  body.pop();

  const callLines = [
    '  /** Sends any command, by name: `call(\'GET\', \'key\')`. */',
    '  call(...args: WithCallback<[command: string, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;',
    '  /** Like `call`, resolving Buffers for string replies. */',
    '  callBuffer(...args: WithCallback<[command: string, ...args: Many<RedisValue>[]], unknown>): Result<unknown, Context>;',
  ];
  const bodyText = [...callLines, '', ...body].join('\n');
  const reexported = ['Callback', 'RedisKey', 'RedisValue'];
  const used = helperTypeNames().filter((t) => reexported.includes(t) || new RegExp(`\\b${t}\\b`).test(bodyText));
  const curatedCount = commands.filter((c) => signatures[c] !== undefined).length;
  const source = `@ioredis/commands ${commandsVersion} (${commands.length} commands)`;

  const header = [
    '// GENERATED FILE, do not edit. Run `node scripts/generate-command-types.mjs` to rebuild it.',
    `// Source: ${source}; signatures from scripts/command-signatures.mjs`,
    `// (${curatedCount} commands typed precisely, the others take loose arguments and resolve \`unknown\`).`,
  ];

  const commander = [
    ...header,
    '',
    `import type {\n${used.map((t) => `  ${t},`).join('\n')}\n} from './commandArgs';`,
    '',
    `export type { ${reexported.join(', ')} } from './commandArgs';`,
    '',
    "/** Whether methods send at once (`'default'`: they return a Promise) or queue into a pipeline. */",
    "export interface ClientContext {\n  type: 'default' | 'pipeline';\n}",
    '',
    '/** What a command method returns: a Promise of its reply, or the pipeline itself for chaining. */',
    "export type Result<T, Context extends ClientContext> = Context extends { type: 'pipeline' } ? ChainableCommander : Promise<T>;",
    '',
    '/** A pipeline or MULTI transaction: command methods queue and return it; `exec()` sends the batch. */',
    "export interface ChainableCommander extends RedisCommander<{ type: 'pipeline' }> {\n  /** How many commands are queued. */\n  length: number;\n}",
    '',
    '/** The subcommands of each container command, as @ioredis/commands lists them. */',
    'export interface Subcommands {',
    ...commands
      .filter((c) => subcommandsOf(c).length > 0)
      .map((c) => `  ${methodKey(c)}: ${subcommandsOf(c).map((s) => `'${s}'`).join(' | ')};`),
    '}',
    '',
    '/**',
    ' * One method per Redis command, named in lower case, plus a `…Buffer` twin that resolves Buffers',
    ' * instead of strings. Arguments are strings, Buffers, numbers or arrays of them (flattened); a',
    ' * Node-style callback may come last. Replies are shaped as ioredis shapes them under RESP2.',
    ' */',
    "export interface RedisCommander<Context extends ClientContext = { type: 'default' }> {",
    bodyText,
    '}',
    '',
  ].join('\n');

  const names = [
    ...header,
    '',
    '/** Every command that RedisCommander types, as `@ioredis/commands` lists it (lower case, sorted). */',
    'export const typedCommandNames: readonly string[] = [',
    ...commands.map((c) => `  '${c}',`),
    '];',
    '',
    '/** The commands among them that have hand-curated signatures rather than the loose fallback. */',
    'export const curatedCommandNames: readonly string[] = [',
    ...commands.filter((c) => signatures[c] !== undefined).map((c) => `  '${c}',`),
    '];',
    '',
  ].join('\n');

  return { 'RedisCommander.ts': commander, 'commandNames.ts': names };
}

function main(argv) {
  const outIndex = argv.indexOf('--out');
  const outDir = outIndex === -1 ? join(root, 'src/types') : argv[outIndex + 1];
  if (outDir === undefined) throw new Error('--out needs a directory');
  mkdirSync(outDir, { recursive: true });
  for (const [file, text] of Object.entries(generate())) {
    writeFileSync(join(outDir, file), text);
    process.stdout.write(`wrote ${relative(process.cwd(), join(outDir, file)) || file} (${text.length} bytes)\n`);
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2));
}
