// The property names one validation meets: for each, its definition in the catalog and where it was
// first set. Each name gets a slot the first time any validation meets it, and the slots outlive
// validations: typed arrays stamped with the validation's number say what this one has seen, so a
// keystroke in a 100 000-property file allocates no 100 000-entry Map (a second lookup per name and
// tens of megabytes of garbage every keystroke, as measured by the benchmark). The slot of each
// assignment is remembered too, for as long as the file's array of assignments lives: an edit inside
// one property keeps that array and every other assignment in it (payloadUpdate.ts), so the next
// validation looks up one name, not all of them (a hash lookup per name was a third of its time).
import type { PropertyCatalog, PropertyDefinition } from './catalog';
import type { PropertyAssignment } from './payloadModel';

/** Past this many distinct names, the slots start over (a stream of random names must not grow them forever). */
const MAX_SLOTS = 1 << 20;

const slotOfName = new Map<string, number>();
/** Per slot, its name. */
let names: string[] = [];
/** Per slot, its definition in `definitionsOf`'s catalog: null when the catalog has none, undefined when not looked up yet. */
let definitions: (PropertyDefinition | null | undefined)[] = [];
let definitionsOf: PropertyCatalog | undefined;
/** Per slot, the validation that last met the name, and the index of the assignment that first set it there. */
let metIn = new Int32Array(1024);
let firstAt = new Int32Array(1024);
let validation = 0;
/** Bumped when the slots start over: slots remembered from an older table mean nothing. */
let table = 0;

/** The slots of a file's assignments, each valid while the assignment at its index is the one it was found for. */
interface RememberedSlots {
  readonly table: number;
  readonly owners: (PropertyAssignment | undefined)[];
  readonly slots: Int32Array;
}
const remembered = new WeakMap<readonly PropertyAssignment[], RememberedSlots>();

export interface NameLookup {
  /** The slot of the name of `assignments[index]`, which has one. */
  slotOf(assignments: readonly PropertyAssignment[], index: number): number;
  /** The name's definition in the catalog of this validation. */
  definition(slot: number): PropertyDefinition | undefined;
  /** The index of the assignment that first set the name in this validation; -1 (and remembered as `index`) when this is the first. */
  firstSetAt(slot: number, index: number): number;
  /** True when this validation met `name`. */
  met(name: string): boolean;
}

/** Starts a validation against `catalog`. Valid until the next call: validations run one at a time. */
export function beginNameLookup(catalog: PropertyCatalog): NameLookup {
  if (names.length >= MAX_SLOTS) startOver();
  if (definitionsOf !== catalog) {
    definitions = [];
    definitionsOf = catalog;
  }
  validation = validation === 0x7fffffff ? startOver() : validation + 1;
  return LOOKUP;
}

/**
 * Fewer assignments than this (a contact of a batch file, a small single file) are looked up by name:
 * remembering them would cost more than it saves, 10 000 times over when a batch file opens.
 */
const REMEMBERED_FROM = 64;

const LOOKUP: NameLookup = {
  slotOf(assignments, index) {
    if (assignments.length < REMEMBERED_FROM) return slotFor(assignments[index].name!);
    let known = remembered.get(assignments);
    if (!known || known.table !== table || known.owners.length !== assignments.length) {
      known = { table, owners: new Array<PropertyAssignment | undefined>(assignments.length), slots: new Int32Array(assignments.length) };
      remembered.set(assignments, known);
    }
    const assignment = assignments[index];
    if (known.owners[index] === assignment) return known.slots[index];
    const slot = slotFor(assignment.name!);
    known.owners[index] = assignment;
    known.slots[index] = slot;
    return slot;
  },
  definition(slot) {
    let definition = definitions[slot];
    if (definition === undefined) {
      definition = definitionsOf!.properties.get(names[slot]) ?? null;
      definitions[slot] = definition;
    }
    return definition ?? undefined;
  },
  firstSetAt(slot, index) {
    if (metIn[slot] === validation) return firstAt[slot];
    metIn[slot] = validation;
    firstAt[slot] = index;
    return -1;
  },
  met(name) {
    const slot = slotOfName.get(name);
    return slot !== undefined && metIn[slot] === validation;
  },
};

/** The slot of `name`, given one the first time it is met. */
function slotFor(name: string): number {
  let slot = slotOfName.get(name);
  if (slot === undefined) {
    slot = names.length;
    // Never the name itself: names are cut from document texts, and a kept slice would keep each
    // whole text alive. The catalog's spelling when it has one (no second copy), else a copy.
    const definition = definitionsOf!.properties.get(name);
    const kept = definition?.name ?? (' ' + name).slice(1);
    slotOfName.set(kept, slot);
    names.push(kept);
    definitions[slot] = definition ?? null;
    if (slot >= metIn.length) grow();
  }
  return slot;
}

function grow(): void {
  const size = metIn.length * 2;
  const grownMet = new Int32Array(size);
  grownMet.set(metIn);
  const grownFirst = new Int32Array(size);
  grownFirst.set(firstAt);
  metIn = grownMet;
  firstAt = grownFirst;
}

function startOver(): number {
  table++;
  slotOfName.clear();
  names = [];
  definitions = [];
  metIn = new Int32Array(1024);
  firstAt = new Int32Array(1024);
  return 1;
}
