import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * The development query editor: GraphiQL served from this service's own assets, so it works with no
 * network beyond the subgraph (Apollo's local landing page loads Sandbox from a CDN and shows "you might
 * be offline" instead). GraphiQL 3's UMD bundle needs React 18's UMD builds beside it:
 * https://github.com/graphql/graphiql/tree/graphiql%403.8.3/examples/graphiql-cdn
 */

/** The URL prefix the editor's files are served under. */
export const EDITOR_ASSET_PREFIX = '/graphiql/';

export interface EditorAsset {
  readonly body: Buffer;
  readonly contentType: string;
}

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const ASSET_SOURCES: Readonly<Record<string, { readonly pkg: string; readonly file: string; readonly contentType: string }>> = {
  'react.production.min.js': { pkg: 'react', file: 'umd/react.production.min.js', contentType: JAVASCRIPT },
  'react-dom.production.min.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', contentType: JAVASCRIPT },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', contentType: JAVASCRIPT },
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', contentType: 'text/css; charset=utf-8' },
};

/**
 * The editor's files by name, read once from the installed packages. (React's `exports` hide its UMD
 * folder from `require.resolve`, so files are found beside each package's package.json.)
 */
export function loadEditorAssets(): ReadonlyMap<string, EditorAsset> {
  const require = createRequire(import.meta.url);
  const inPackage = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
  return new Map(
    Object.entries(ASSET_SOURCES).map(([name, source]) => [name, { body: readFileSync(inPackage(source.pkg, source.file)), contentType: source.contentType }]),
  );
}

/** What a newcomer sees first: the order page's query against an embedded simulator's sample payment. */
const EXAMPLE_QUERY = `# Run it with the pink button or Ctrl-Enter.
# More ids to try: README, "Sample ids".
query OrderPagePayment {
  payment(id: "pay_settled", provider: PRIMER) {
    id
    outcome
    isFinal
    status
    amount { decimal currency }
    card { network last4 }
  }
}
`;

/** GET /graphql from a browser, outside production: the editor page. */
export function graphiqlLandingPage(): ApolloServerPlugin {
  const html = editorPage(EXAMPLE_QUERY);
  return {
    serverWillStart() {
      return Promise.resolve({ renderLandingPage: () => Promise.resolve({ html }) });
    },
  };
}

function editorPage(defaultQuery: string): string {
  // The query is embedded as JSON inside a script: `<` is escaped so no `</script>` can end it early.
  const config = JSON.stringify({ defaultQuery }).replace(/</g, '\\u003c');
  const asset = (name: string) => `${EDITOR_ASSET_PREFIX}${name}`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Payments subgraph · GraphiQL</title>
  <link rel="stylesheet" href="${asset('graphiql.min.css')}">
  <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
</head>
<body>
  <div id="graphiql">Loading the editor…</div>
  <script src="${asset('react.production.min.js')}"></script>
  <script src="${asset('react-dom.production.min.js')}"></script>
  <script src="${asset('graphiql.min.js')}"></script>
  <script>
    const config = ${config};
    const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
    ReactDOM.createRoot(document.getElementById('graphiql')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: config.defaultQuery, defaultEditorToolsVisibility: false }),
    );
  </script>
</body>
</html>
`;
}
