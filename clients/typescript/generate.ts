import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = `/**
 * Generated from the Redress OpenAPI document by \`npm run client:generate\`; do not edit.
 * A test fails when this file no longer matches the API, so it cannot drift.
 */
`;

/** The TypeScript types of every path and schema in the API's own OpenAPI document. */
export async function clientTypes(document: object): Promise<string> {
  const ast = await openapiTS(JSON.stringify(document));
  return HEADER + astToString(ast);
}
