/// <reference types="vitest/config" />
import { build, defineConfig, minify, parseAst, type Plugin, type Rolldown, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const apiTarget = process.env.API_TARGET ?? 'http://127.0.0.1:8787';

// The API's base for the app's requests (src/api/http.ts) and index.html's early reads; empty,
// the default, is this origin. Set here so that index.html's `%VITE_API_BASE%` always has a value.
process.env.VITE_API_BASE ??= '';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;

/**
 * The classic scripts of public/ (zod-jitless.js, early-reads.js) load with every page: they are
 * kept readable, with their comments, in the repository, and minified in the build.
 */
async function minifyPublicScripts(outDir: string): Promise<void> {
  const files = (await readdir(outDir)).filter((file) => file.endsWith('.js'));
  await Promise.all(
    files.map(async (file) => {
      const path = join(outDir, file);
      const { code } = await minify(file, await readFile(path, 'utf8'), { compress: true, mangle: true });
      await writeFile(path, code);
    }),
  );
}

/**
 * Writes a brotli (`.br`, best quality) and a gzip (`.gz`) copy beside every text file of the
 * build, once, so the server sends compressed bytes without compressing per request
 * (server/web-server.ts serves them with `precompressed`). Files under 1 kB stay as they are.
 * The public scripts are minified first.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'ejento:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async closeBundle() {
      await minifyPublicScripts(outDir);
      const files = await readdir(outDir, { recursive: true });
      await Promise.all(
        files
          .filter((file) => COMPRESSIBLE.test(file))
          .map(async (file) => {
            const path = join(outDir, file);
            if ((await stat(path)).size < 1024) return;
            const body = await readFile(path);
            const [br, gz] = await Promise.all([
              promisify(brotliCompress)(body, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 11,
                  [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
                },
              }),
              promisify(gzip)(body, { level: 9 }),
            ]);
            await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
          }),
      );
    },
  };
}

/** V8's explicit compile hint (Chromium 136+; other engines read a comment): compile every function now. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * Marks the chunks a screen runs as it first shows for eager compilation. V8 otherwise compiles
 * each function on its first call, on the main thread: on a cold load of the Review screen that
 * was much of the first bundle's evaluation, the longest task, and of the first renders. Marked,
 * the functions are compiled while the file streams in, on a background thread. What loads later
 * (menus, dialogs, the diff viewer, workers) is left to compile when it runs: most of it may never.
 */
function compileHints(): Plugin {
  let marked: string[] = [];
  return {
    name: 'ejento:compile-hints',
    apply: 'build',
    // The hint is part of what a file holds: a build with it and one without must not share file
    // names, which browsers and the server keep as immutable.
    augmentChunkHash: () => `${COMPILE_HINT} ${SCREEN_CHUNKS.join(' ')}`,
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item) => item.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      const onFirstLoad = new Set(entry ? [entry.fileName, ...entry.imports] : []);
      marked = chunks
        .filter((chunk) => onFirstLoad.has(chunk.fileName) || SCREEN_CHUNKS.includes(chunk.name))
        .map((chunk) => chunk.fileName);
    },
    // On the files written: Vite writes the chunks that import others lazily anew after every
    // plugin's generateBundle. The compressed copies are made after this (precompress, closeBundle).
    async writeBundle(options) {
      const outDir = options.dir ?? 'dist';
      await Promise.all(
        marked.map(async (fileName) => {
          const path = join(outDir, fileName);
          await writeFile(path, `${COMPILE_HINT}\n${await readFile(path, 'utf8')}`);
        }),
      );
    },
  };
}

/** zod's conversion of schemas to JSON Schema, which every zod schema links to (`toJSONSchema()`). */
const ZOD_JSON_SCHEMA = /[\\/]zod[\\/]v4[\\/]core[\\/](json-schema-processors|to-json-schema)\.js$/;

/** The names a module exports, from its syntax tree. */
function exportNames(code: string): string[] {
  const names: string[] = [];
  for (const node of parseAst(code).body) {
    if (node.type !== 'ExportNamedDeclaration') continue;
    const declaration = node.declaration;
    if (declaration?.type === 'VariableDeclaration') {
      for (const item of declaration.declarations)
        if (item.id.type === 'Identifier') names.push(item.id.name);
    } else if (declaration && 'id' in declaration && declaration.id && 'name' in declaration.id) {
      names.push(declaration.id.name);
    }
    for (const specifier of node.specifiers) {
      const exported = specifier.exported;
      names.push(exported.type === 'Identifier' ? exported.name : String(exported.value));
    }
  }
  return names;
}

/**
 * The console never turns a schema into JSON Schema, yet zod links that code to every schema
 * (5 kB gzip of the first load). In the build, the two modules keep their exports, each a
 * function that throws if it is ever called, so a use added later fails loudly, never silently.
 * The `create…Method` factories are the exception: zod calls them whenever a schema's Standard
 * Schema interface is read (the forms' validation does), so they still return a method, one that
 * throws. Tests and the development server run zod as it is.
 */
function withoutZodJsonSchema(): Plugin {
  return {
    name: 'ejento:without-zod-json-schema',
    apply: 'build',
    async load(id) {
      if (!ZOD_JSON_SCHEMA.test(id)) return null;
      const names = exportNames(await readFile(id, 'utf8'));
      return [
        'function unavailable() {',
        "  throw new Error('JSON Schema conversion is not part of the console build (vite.config.ts).');",
        '}',
        ...names.map((name) =>
          /^create\w*Method$/.test(name)
            ? `export const ${name} = () => unavailable;`
            : `export const ${name} = unavailable;`,
        ),
      ].join('\n');
    },
  };
}

/** Which screens load a module, by the route modules' names (`agent-review`), or `main` for the entry. */
type ChunkPlan = Map<string, Set<string>>;

const ROUTE_MODULE = /[\\/]src[\\/]app[\\/]routes[\\/]([\w-]+)\.tsx$/;
const MAIN = 'main';

/**
 * Which screens load each module, read from a first build that is not written: the chunks
 * each entry's static imports reach, and the modules in them (after tree-shaking, so a component
 * imported through a library's index counts only where it is used).
 */
async function planScreenChunks(config: UserConfig): Promise<ChunkPlan> {
  const output = (await build({
    ...config,
    configFile: false,
    logLevel: 'silent',
    plugins: [react(), withoutZodJsonSchema()],
    build: { ...config.build, write: false },
  })) as Rolldown.RolldownOutput;
  const chunks = new Map<string, Rolldown.OutputChunk>();
  for (const item of output.output) if (item.type === 'chunk') chunks.set(item.fileName, item);
  const plan: ChunkPlan = new Map();
  for (const chunk of chunks.values()) {
    const screen = chunk.isEntry ? MAIN : ROUTE_MODULE.exec(chunk.facadeModuleId ?? '')?.[1];
    if (!screen || !(chunk.isEntry || chunk.isDynamicEntry)) continue;
    const reached = new Set<string>();
    const visit = (fileName: string) => {
      if (reached.has(fileName)) return;
      reached.add(fileName);
      chunks.get(fileName)?.imports.forEach(visit);
    };
    visit(chunk.fileName);
    for (const fileName of reached) {
      for (const id of chunks.get(fileName)?.moduleIds ?? []) {
        const screens = plan.get(id) ?? new Set<string>();
        screens.add(screen);
        plan.set(id, screens);
      }
    }
  }
  return plan;
}

const AGENT_TABS = ['agent-edit', 'agent-review', 'agent-history'];
/** The chunks of screenChunk, and the route modules whose code runs as their screen first shows. */
const SCREEN_CHUNKS = ['first', 'frame', 'agent', ...AGENT_TABS, 'sign-in', 'scroll-area'];

/**
 * The chunk a module goes in, by the screens that load it: what sign-in shares with the other
 * screens; what the rest of the first screens (the frame, the agent list) add; what every agent
 * screen shares; what one tab alone needs. Anything the entry loads, what one first screen alone
 * needs (the sign-in form, the not-found page), or what a lazy part of a screen loads (a menu, a
 * dialog, the diff viewer), stays where the bundler puts it, so the first loads (the agent list is
 * within a kilobyte of its budget) and those parts do not grow.
 */
function screenChunk(screens: Set<string> | undefined): string | null {
  if (!screens || screens.has(MAIN)) return null;
  if (screens.size === 1 && (screens.has('sign-in') || screens.has('not-found'))) return null;
  if (screens.has('sign-in')) return 'first';
  if (screens.has('shell') || screens.has('agent-list') || screens.has('not-found')) return 'frame';
  const tabs = [...screens].filter((screen) => AGENT_TABS.includes(screen));
  if (tabs.length === 1 && screens.size === 1) return tabs[0]!;
  return screens.has('agent') || tabs.length > 1 ? 'agent' : null;
}

/**
 * React Router's package resolves to its development build under every condition (its exports
 * list no other), so a production bundle would carry its development warnings and checks. The
 * build takes the production files it ships beside them.
 */
const routerProductionBuild = fileURLToPath(
  new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
);

function sharedConfig(command: 'build' | 'serve'): UserConfig {
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    resolve: {
      alias: [
        { find: '@contract', replacement: fileURLToPath(new URL('./contract/index.ts', import.meta.url)) },
        { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
        ...(command === 'build' ? [{ find: /^react-router$/, replacement: routerProductionBuild }] : []),
      ],
    },
  };
}

export default defineConfig(async ({ command }) => {
  const shared = sharedConfig(command);
  const plan: ChunkPlan =
    command === 'build' ? await planScreenChunks(shared) : new Map<string, Set<string>>();
  return {
    ...shared,
    plugins: [react(), withoutZodJsonSchema(), compileHints(), precompress()],
    server: {
      host: '127.0.0.1',
      proxy: {
        '/api': apiTarget,
        '/auth-service': apiTarget,
        '/healthz': apiTarget,
      },
    },
    build: {
      outDir: 'dist',
      sourcemap: false,
      // Every browser the console supports preloads modules itself (Chromium 66, Firefox 115,
      // Safari 17): the polyfill would be 0.4 kB of the first load that never runs.
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 800,
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // Left to itself the bundler puts Mantine's ScrollArea (used by the editors) beside the
              // agent queries that every screen shares, and ScrollArea pulls the positioning library
              // (floating-ui) into the agent list's first load. Its own chunk loads with the screens
              // that use it.
              {
                name: 'scroll-area',
                test: /[\\/]@mantine[\\/]core[\\/]esm[\\/]components[\\/]ScrollArea[\\/]/,
                includeDependenciesRecursively: false,
              },
              // A chunk per screen tier rather than per set of lazy modules sharing code: a cold load
              // of the Review screen asked for 45 chunks, and Chromium here spends 7 to 10 ms on
              // each request, six at a time; now it asks for 5 (see screenChunk).
              {
                name: (id: string) => screenChunk(plan.get(id)),
                debugName: 'screens',
                includeDependenciesRecursively: false,
              },
            ],
          },
        },
      },
    },
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'contract/**/*.test.ts', 'server/**/*.test.ts'],
      environment: 'node',
      setupFiles: ['./src/test/setup.ts'],
      testTimeout: 20_000,
      pool: 'threads',
    },
  };
});
