export { createCisClient, type CisClient, type Send, type Token } from './cisClient.js';
export { toCisResponse, type CisResponse, type CisSuccess, type CisFailure } from './cisResponse.js';
export { fetchSend, requestUrl, type FetchSendOptions } from './fetchSend.js';
export { CIS_OPERATIONS, fillPath, type CisOperation, type CisOperationName } from './operations.js';
export type * from '../model/cisBodies.js';
