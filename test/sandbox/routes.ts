// Which endpoint a request is for, and the request and answer as the endpoints see them. v1 and the
// CRM objects API share the route names (createContact, updateContact, getContact), so scopes, rate
// limits and injected faults apply to both alike; `objects` tells the CRM paths apart.
import type { SandboxRoute } from './faults';

/** What a CRM objects path names besides the route. */
export interface ObjectsPath {
  /** "v3", or the date version of `/crm/objects/{YYYY-MM}/…` ("2026-09"). */
  readonly version: string;
}

export interface MatchedRoute {
  readonly route: SandboxRoute;
  /** The id path segment as sent (it may not be a number; by email, the email). */
  readonly vid?: string;
  /**
   * The property the id segment is a value of, when not the id: `email` for v1's `/email/{email}/profile`,
   * the `idProperty` query parameter of a CRM objects path.
   */
  readonly idProperty?: string;
  /** Set for the CRM objects API's paths. */
  readonly objects?: ObjectsPath;
}

/**
 * `/crm/v3/objects/contacts[/{id} | /batch/{operation}]` or the same under `/crm/objects/{YYYY-MM}`;
 * another version format is no path HubSpot has.
 */
const OBJECTS_PATH = /^\/crm\/(?:v3\/objects|objects\/(\d{4}-(?:0[1-9]|1[0-2])))\/contacts(?:\/batch\/(create|update|upsert|read)|\/([^/]+))?$/;

const BATCH_ROUTES: Readonly<Record<string, SandboxRoute>> = { create: 'batchCreate', update: 'batchUpdate', upsert: 'batchUpsert', read: 'batchRead' };

export function matchRoute(method: string, url: URL): MatchedRoute {
  const { pathname } = url;
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (method === 'POST' && path === '/contacts/v1/contact') return { route: 'createContact' };
  const byVid = /^\/contacts\/v1\/contact\/vid\/([^/]+)\/profile$/.exec(path);
  if (byVid && method === 'POST') return { route: 'updateContact', vid: decodeURIComponent(byVid[1] ?? '') };
  if (byVid && method === 'GET') return { route: 'getContact', vid: decodeURIComponent(byVid[1] ?? '') };
  const byEmail = /^\/contacts\/v1\/contact\/email\/([^/]+)\/profile$/.exec(path);
  if (byEmail && method === 'POST') return { route: 'updateContact', vid: decodeURIComponent(byEmail[1] ?? ''), idProperty: 'email' };
  const objects = OBJECTS_PATH.exec(path);
  if (objects) {
    const shape: ObjectsPath = { version: objects[1] ?? 'v3' };
    const idProperty = url.searchParams.get('idProperty') ?? undefined;
    const batch = objects[2] === undefined ? undefined : BATCH_ROUTES[objects[2]];
    if (batch && method === 'POST') return { route: batch, objects: shape };
    const id = objects[3] === undefined ? undefined : decodeURIComponent(objects[3]);
    if (id === undefined && method === 'POST') return { route: 'createContact', objects: shape };
    if (id !== undefined && method === 'PATCH') return { route: 'updateContact', vid: id, idProperty, objects: shape };
    if (id !== undefined && method === 'GET') return { route: 'getContact', vid: id, idProperty, objects: shape };
  }
  if (method === 'GET' && path === '/properties/v1/contacts/properties') return { route: 'listPropertiesV1' };
  if (method === 'GET' && path === '/crm/v3/properties/contacts') return { route: 'listPropertiesV3' };
  if (method === 'GET' && path === '/account-info/v3/details') return { route: 'accountDetails' };
  if (method === 'POST' && path === '/oauth/v2/private-apps/get/access-token-info') return { route: 'tokenInfo' };
  const profile = /^\/contacts\/\d+\/contact\/(\d+)$/.exec(path);
  if (profile && method === 'GET') return { route: 'profilePage', vid: profile[1] ?? '' };
  return { route: 'unknown' };
}

export interface ApiResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON body; no body when undefined. */
  readonly body?: unknown;
}

/** A request body that did not parse as JSON. */
export const INVALID_JSON = Symbol('invalid JSON');

export interface ApiRequest extends MatchedRoute {
  readonly body: unknown;
  readonly correlationId: string;
}
