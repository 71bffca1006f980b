export { createCisClient, type CisClient, type Send, type Token } from './cisClient.js';
export { toCisResponse, type CisResponse, type CisSuccess, type CisFailure } from './cisResponse.js';
export { fetchSend, type FetchSendOptions } from './fetchSend.js';
export { requestUrl } from '../http/paths.js';
export { CIS_OPERATIONS, fillPath, type CisOperation, type CisOperationName } from './operations.js';
export type * from '../model/cisBodies.js';
