// Types of the web API (docs/web-api.md). Keep every shape the server sends or accepts in the file of its part.
export * from './access';
export * from './palette';
export * from './workflows';
export * from './approvals';
export * from './customers';
export * from './operations';
export * from './dashboard';
export * from './templates';
export * from './models';
export * from './ruleSets';
