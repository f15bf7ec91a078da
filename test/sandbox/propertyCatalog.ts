// The sandbox portal's contact properties: HubSpot's defaults (schemas/default-properties.json) plus
// a few custom ones, served in the v1 and v3 shapes and used by the sandbox's own validation.
import defaults from '../../schemas/default-properties.json';

export interface SandboxOption {
  readonly value: string;
  readonly label: string;
  readonly hidden?: boolean;
}

export interface SandboxProperty {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly fieldType: string;
  readonly description?: string;
  readonly options?: readonly SandboxOption[];
  readonly readOnlyValue?: boolean;
  readonly externalOptions?: boolean;
  readonly hubspotDefined?: boolean;
}

/** Custom properties a real portal would have: an enumeration with a hidden option, a number, a date. */
export const CUSTOM_PROPERTIES: readonly SandboxProperty[] = [
  {
    name: 'favorite_color',
    label: 'Favorite color',
    type: 'enumeration',
    fieldType: 'select',
    description: 'Custom enumeration of the sandbox portal. "octarine" is a hidden option.',
    options: [
      { value: 'red', label: 'Red' },
      { value: 'green', label: 'Green' },
      { value: 'blue', label: 'Blue' },
      { value: 'octarine', label: 'Octarine', hidden: true },
    ],
  },
  { name: 'loyalty_points', label: 'Loyalty points', type: 'number', fieldType: 'number', description: 'Custom number of the sandbox portal.' },
  {
    name: 'contract_start_date',
    label: 'Contract start date',
    type: 'date',
    fieldType: 'date',
    description: 'Custom date of the sandbox portal: epoch milliseconds at midnight UTC.',
  },
];

const DEFINED_AT = Date.UTC(2019, 4, 4);
const GROUP = 'contactinformation';

export function sandboxProperties(): readonly SandboxProperty[] {
  const hubspotDefined = (defaults.properties as readonly SandboxProperty[]).map((property) => ({ ...property, hubspotDefined: true }));
  return [...hubspotDefined, ...CUSTOM_PROPERTIES];
}

/** `GET /properties/v1/contacts/properties`: a JSON array of v1 definitions. */
export function toV1Definition(property: SandboxProperty, displayOrder: number): Record<string, unknown> {
  return {
    name: property.name,
    label: property.label,
    description: property.description ?? '',
    groupName: GROUP,
    type: property.type,
    fieldType: property.fieldType,
    options: (property.options ?? []).map((option, index) => ({
      label: option.label,
      value: option.value,
      description: null,
      displayOrder: index,
      hidden: option.hidden ?? false,
      readOnly: false,
      doubleData: null,
    })),
    displayOrder,
    formField: !property.readOnlyValue,
    readOnlyValue: property.readOnlyValue ?? false,
    readOnlyDefinition: property.hubspotDefined ?? false,
    hidden: false,
    mutableDefinitionNotDeletable: property.hubspotDefined ?? false,
    favorited: false,
    favoritedOrder: -1,
    calculated: property.fieldType.startsWith('calculation_'),
    externalOptions: property.externalOptions ?? false,
    displayMode: 'current_value',
    deleted: false,
    hubspotDefined: property.hubspotDefined ?? null,
    createdAt: DEFINED_AT,
    updatedAt: DEFINED_AT,
    createdUserId: null,
    updatedUserId: null,
  };
}

/** `GET /crm/v3/properties/contacts`: `readOnlyValue` moves under `modificationMetadata`. */
export function toV3Definition(property: SandboxProperty, displayOrder: number): Record<string, unknown> {
  const definedAt = new Date(DEFINED_AT).toISOString();
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    description: property.description ?? '',
    groupName: GROUP,
    options: (property.options ?? []).map((option, index) => ({
      label: option.label,
      value: option.value,
      displayOrder: index,
      hidden: option.hidden ?? false,
    })),
    displayOrder,
    calculated: property.fieldType.startsWith('calculation_'),
    externalOptions: property.externalOptions ?? false,
    hasUniqueValue: false,
    hidden: false,
    hubspotDefined: property.hubspotDefined ?? false,
    modificationMetadata: {
      archivable: !property.hubspotDefined,
      readOnlyDefinition: property.hubspotDefined ?? false,
      readOnlyValue: property.readOnlyValue ?? false,
    },
    formField: !property.readOnlyValue,
    createdAt: definedAt,
    updatedAt: definedAt,
    archived: false,
  };
}
