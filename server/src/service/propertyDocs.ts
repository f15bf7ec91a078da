// How a property and its options are described to a person, in Markdown. Hover shows it, and
// completion shows the same text beside each property name. Catalog text comes from the portal, so it
// is cut short and escaped: a label or description never turns into a link, an image or HTML, and never
// fills a hover with 100 000 characters.
import { hasCheckableOptions, isMultiSelect, type PropertyDefinition, type PropertyOption } from './catalog';
import { MAX_DESCRIPTION_LENGTH, MAX_LABEL_LENGTH, shortened } from './portalText';

/** Options listed in full before the rest are only counted. */
export const MAX_OPTIONS_LISTED = 20;

const BOOL_OPTIONS: readonly PropertyOption[] = [
  { value: 'true', label: 'True' },
  { value: 'false', label: 'False' },
];

/** The options a value may take that completion offers and hover explains: visible enumeration options, or true/false for a bool. */
export function choosableOptions(definition: PropertyDefinition): readonly PropertyOption[] {
  if (hasCheckableOptions(definition)) return (definition.options ?? []).filter((option) => !option.hidden);
  return definition.type === 'bool' ? BOOL_OPTIONS : [];
}

/** `string/text`, `enumeration/checkbox`: HubSpot's type and field type. */
export function typeLabel(definition: PropertyDefinition): string {
  return `${definition.type}/${definition.fieldType}`;
}

/** Why writing the property is pointless, or undefined when it can be written. */
export function readOnlyReason(definition: PropertyDefinition): string | undefined {
  if (definition.calculated) return 'Calculated by HubSpot: values written to it are ignored or rejected.';
  if (definition.readOnlyValue) return 'Read-only: HubSpot ignores or rejects values written to it.';
  return undefined;
}

/** A label from the portal, as Markdown. */
export function labelMarkdown(label: string): string {
  return escapeMarkdown(shortened(label, MAX_LABEL_LENGTH));
}

/** A description from the portal, as Markdown. */
export function descriptionMarkdown(description: string): string {
  return escapeMarkdown(shortened(description, MAX_DESCRIPTION_LENGTH));
}

export function propertyMarkdown(definition: PropertyDefinition): string {
  const paragraphs = [
    `**${labelMarkdown(definition.label)}** ${inlineCode(definition.name)}`,
    `Type ${inlineCode(typeLabel(definition))}${isMultiSelect(definition) ? ' (multi-select: separate several values with `;`)' : ''}`,
  ];
  if (definition.groupName) paragraphs.push(`Group ${inlineCode(definition.groupName)}`);
  const readOnly = readOnlyReason(definition);
  if (readOnly) paragraphs.push(readOnly);
  if (definition.description) paragraphs.push(descriptionMarkdown(definition.description));
  if (definition.externalOptions) {
    paragraphs.push('Its values are ids from another list (such as the portal\'s users); they are not checked here.');
  } else if ((definition.options?.length ?? 0) > 0) {
    paragraphs.push(optionsMarkdown(definition.options ?? []));
  }
  return paragraphs.join('\n\n');
}

function optionsMarkdown(options: readonly PropertyOption[]): string {
  const lines = ['Options (value — label):', ''];
  for (const option of options.slice(0, MAX_OPTIONS_LISTED)) {
    lines.push(`- ${inlineCode(option.value)} — ${labelMarkdown(option.label)}${option.hidden ? ' (hidden)' : ''}`);
  }
  const more = options.length - MAX_OPTIONS_LISTED;
  if (more > 0) lines.push(`- … and ${more} more`);
  return lines.join('\n');
}

/** What a value of an enumeration or bool property means: the label of each option it names. */
export function valueMarkdown(definition: PropertyDefinition, value: string): string {
  const options = choosableOptions(definition);
  const property = `**${labelMarkdown(definition.label)}** ${inlineCode(definition.name)}`;
  if (!isMultiSelect(definition)) {
    const option = options.find((o) => o.value === value);
    if (!option) return `${inlineCode(value)} is not an option value of ${property}.${labelHint(options, value)}`;
    const paragraphs = [`**${labelMarkdown(option.label)}**`, `Option ${inlineCode(option.value)} of ${property}`];
    if (option.description) paragraphs.push(descriptionMarkdown(option.description));
    return paragraphs.join('\n\n');
  }
  const lines = [`${property}, multi-select:`, ''];
  for (const part of value.split(';')) {
    if (part === '') continue;
    const option = options.find((o) => o.value === part);
    lines.push(option
      ? `- ${inlineCode(part)} — ${labelMarkdown(option.label)}`
      : `- ${inlineCode(part)} — not an option value.${labelHint(options, part)}`);
  }
  return lines.join('\n');
}

function labelHint(options: readonly PropertyOption[], text: string): string {
  const byLabel = options.find((o) => o.label === text);
  return byLabel ? ` It is the label of the option ${inlineCode(byLabel.value)}.` : '';
}

/**
 * Backslash-escapes what Markdown would otherwise turn into formatting, links or HTML; a run of
 * whitespace with a line break in it becomes one space. Linear: each run of whitespace is matched once,
 * where a pattern that begins with `\s*` and needs a line break retries at every space of a long run.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run)).replace(/[\\`*_[\]<>|#~]/g, '\\$&');
}

/** A code span that survives backticks in the text: the fence is longer than any run of backticks inside. Names and values are cut short too. */
export function inlineCode(text: string): string {
  const flat = shortened(text, MAX_LABEL_LENGTH).replace(/[\r\n]+/g, ' ');
  const longestRun = (flat.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
  const fence = '`'.repeat(longestRun + 1);
  const padding = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${padding}${flat}${padding}${fence}`;
}
