/** A setting the HTTP layer cannot work with (base URL, token, proxy). Its message is meant for the user as is. */
export class HubSpotConfigError extends Error {
  override readonly name = 'HubSpotConfigError';
}
