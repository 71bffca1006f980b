import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { badRequest, conflict, errorBody, installErrorHandlers } from '../../reference/errors.js';

describe('errorBody', () => {
  it('gives 400 an array of messages and every other status one string', () => {
    expect(errorBody(400, ['name must be string', 'x is required'])).toEqual({
      message: ['name must be string', 'x is required'],
      error_code: 400,
    });
    expect(errorBody(404, ['client "x" not found'])).toEqual({ message: 'client "x" not found', error_code: 404 });
  });
});

describe('installErrorHandlers', () => {
  it('answers deliberate errors with their status, framework 4xx as JSON, and an unexpected throw as JSON 500', async () => {
    const app = Fastify({ logger: false });
    installErrorHandlers(app);
    app.get('/bad', async () => {
      throw badRequest('name must be string');
    });
    app.get('/taken', async () => {
      throw conflict('taken', 'IDENTIFIER_IS_TAKEN');
    });
    app.get('/bug', async () => {
      throw new TypeError('cannot read x of undefined');
    });
    app.get('/framework', async () => {
      throw Object.assign(new Error('too big'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    });
    const bad = await app.inject({ url: '/bad' });
    expect([bad.statusCode, bad.json()]).toEqual([400, { message: ['name must be string'], error_code: 400 }]);
    const taken = await app.inject({ url: '/taken' });
    expect(taken.json()).toEqual({ message: 'taken', error_code: 409, ts_error_code: 'IDENTIFIER_IS_TAKEN' });
    const bug = await app.inject({ url: '/bug' });
    expect(bug.statusCode).toBe(500);
    expect(bug.json().message).toMatch(/internal error in the reference emulator/);
    const framework = await app.inject({ url: '/framework' });
    expect([framework.statusCode, framework.json().error_code]).toEqual([413, 413]);
    const missing = await app.inject({ url: '/nowhere' });
    expect([missing.statusCode, missing.json().error_code]).toEqual([404, 404]);
    await app.close();
  });
});
