/**
 * The membership area's reads and writes: query options, key factories and the calls that
 * write (the ledger, surveys, imports). Screens call these, never the client.
 */
export * from './members/queries';
export * from './imports/queries';
