// The property catalog: what the server knows about the portal's contact properties.
// Lookups go through a Map so that names such as `__proto__` or `toString` never reach Object.prototype.
import bundled from '../../../schemas/default-properties.json';

/** HubSpot's property value types (v1 `type`). Portals may report types we do not know; they are checked as strings. */
export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number' | (string & {});

export interface PropertyOption {
  readonly value: string;
  readonly label: string;
  readonly description?: string;
  readonly hidden?: boolean;
}

/** One property definition, normalised from the v1 or v3 properties API (or the bundled defaults). */
export interface PropertyDefinition {
  readonly name: string;
  readonly label: string;
  readonly type: PropertyType;
  readonly fieldType: string;
  readonly description?: string;
  readonly groupName?: string;
  readonly options?: readonly PropertyOption[];
  /** The value cannot be written (HubSpot's `readOnlyValue`). */
  readonly readOnlyValue?: boolean;
  /** Computed by HubSpot (`calculated`); writes are ignored or rejected. */
  readonly calculated?: boolean;
  /** Options live elsewhere (owners): values are not checked against `options`. */
  readonly externalOptions?: boolean;
}

/** Where the catalog in force came from; shown to the user. */
export interface CatalogSource {
  readonly kind: 'bundled' | 'portal';
  readonly description: string;
}

export interface PropertyCatalog {
  readonly source: CatalogSource;
  readonly properties: ReadonlyMap<string, PropertyDefinition>;
}

export function createCatalog(definitions: readonly PropertyDefinition[], source: CatalogSource): PropertyCatalog {
  const properties = new Map<string, PropertyDefinition>();
  for (const definition of definitions) properties.set(definition.name, definition);
  return { source, properties };
}

let bundledCatalog: PropertyCatalog | undefined;

/** HubSpot's default contact properties, shipped in schemas/default-properties.json. */
export function bundledDefaultCatalog(): PropertyCatalog {
  bundledCatalog ??= createCatalog(bundled.properties, { kind: 'bundled', description: bundled.source });
  return bundledCatalog;
}

/** True when the property is an enumeration whose option values can be checked and offered. */
export function hasCheckableOptions(definition: PropertyDefinition): boolean {
  return !definition.externalOptions && (definition.options?.length ?? 0) > 0;
}

export function isMultiSelect(definition: PropertyDefinition): boolean {
  return definition.type === 'enumeration' && definition.fieldType === 'checkbox';
}

export function isReadOnly(definition: PropertyDefinition): boolean {
  return definition.readOnlyValue === true || definition.calculated === true;
}
