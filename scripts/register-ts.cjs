// `node --require ./scripts/register-ts.cjs some-file.ts` runs the TypeScript sources with no
// build step and no ts-node: require() of a .ts file compiles it in memory with the project's
// own TypeScript compiler (transpileModule: no type check; the emit options of tsconfig.json).
// Nothing is written to disk and dist/ is not touched. Used by the worker tests and by
// `npm run schema:dump`.
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  useDefineForClassFields: false,
  resolveJsonModule: true,
  inlineSourceMap: true,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};
