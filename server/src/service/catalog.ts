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

/**
 * The definitions of a catalog that came over the wire, as far as they are well formed: a name, a
 * label, a type and a field type that are strings, and options that have a string value and label.
 * A definition that is exactly that already (what the extension sends) is kept as it came rather than
 * copied (at 100 000 properties a copy of each is some 40 MB more at the peak, with both alive), but
 * for its options, which are shared with every definition that lists the same ones.
 */
export function wellFormedDefinitions(items: readonly unknown[]): PropertyDefinition[] {
  // Options written alike are one array: a portal's hundreds of checkboxes all have true/false, and
  // its enumerations often share a list; at 100 000 properties a list each is tens of megabytes.
  const sharedOptions = new Map<string, readonly PropertyOption[]>();
  const shared = (options: readonly PropertyOption[]): readonly PropertyOption[] => {
    const key = JSON.stringify(options);
    const known = sharedOptions.get(key);
    if (known) return known;
    sharedOptions.set(key, options);
    return options;
  };
  return items.flatMap((item): PropertyDefinition[] => {
    if (typeof item !== 'object' || item === null) return [];
    const raw = item as Record<string, unknown>;
    if (!isText(raw.name) || !isText(raw.label) || !isText(raw.type) || !isText(raw.fieldType)) return [];
    if (isExactDefinition(raw)) {
      const definition = raw as unknown as PropertyDefinition;
      return [definition.options ? { ...definition, options: shared(definition.options) } : definition];
    }
    const options = Array.isArray(raw.options) ? raw.options.filter(isWellFormedOption) : undefined;
    return [{
      name: raw.name, label: raw.label, type: raw.type, fieldType: raw.fieldType,
      ...(isText(raw.description) ? { description: raw.description } : {}),
      ...(isText(raw.groupName) ? { groupName: raw.groupName } : {}),
      ...(options?.length ? { options: shared(options.map((o) => ({ value: o.value, label: o.label, ...(o.hidden === true ? { hidden: true } : {}) }))) } : {}),
      ...(raw.readOnlyValue === true ? { readOnlyValue: true } : {}),
      ...(raw.calculated === true ? { calculated: true } : {}),
      ...(raw.externalOptions === true ? { externalOptions: true } : {}),
    }];
  });
}

const isText = (value: unknown): value is string => typeof value === 'string';

function isWellFormedOption(option: unknown): option is PropertyOption {
  return typeof option === 'object' && option !== null && isText((option as PropertyOption).value) && isText((option as PropertyOption).label);
}

/** The keys a definition may have, each with the test its value must pass to be kept as it came. */
const DEFINITION_KEYS: Readonly<Record<string, (value: unknown) => boolean>> = {
  name: isText, label: isText, type: isText, fieldType: isText, description: isText, groupName: isText,
  options: (value) => Array.isArray(value) && value.length > 0 && value.every(isExactOption),
  readOnlyValue: (value) => value === true, calculated: (value) => value === true, externalOptions: (value) => value === true,
};

/** Own keys only, each known and of its kind: what a copy would hold, key for key. */
function isExactDefinition(raw: Record<string, unknown>): boolean {
  for (const key of Object.keys(raw)) {
    const test = Object.hasOwn(DEFINITION_KEYS, key) ? DEFINITION_KEYS[key] : undefined;
    if (!test || !test(raw[key])) return false;
  }
  return true;
}

function isExactOption(option: unknown): boolean {
  if (!isWellFormedOption(option)) return false;
  for (const key of Object.keys(option)) {
    if (key === 'value' || key === 'label') continue;
    if (key !== 'hidden' || option.hidden !== true) return false;
  }
  return true;
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
