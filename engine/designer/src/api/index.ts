export * from './types';
export * from './endpoints';
export { ApiError, errorMessage, setAntiforgeryToken, setUnauthorizedHandler } from './http';
