// Realistic property names and values for the benchmark payloads, whatever their shape.
import type { Random } from '../test/unit/service/randomPayloads';
import { bundledDefaultCatalog } from '../server/src/service/catalog';

/** Writable default properties, in the order a person fills a contact in; a long file repeats them. */
export const NAMES = [
  'email', 'firstname', 'lastname', 'phone', 'company', 'jobtitle', 'lifecyclestage', 'city', 'country', 'website',
  'hs_lead_status', 'mobilephone', 'address', 'state', 'zip', 'industry', 'numemployees', 'annualrevenue', 'closedate',
  'salutation', 'date_of_birth', 'twitterhandle', 'hs_linkedin_url', 'seniority', 'school', 'degree', 'field_of_study',
  'associatedcompanyid', 'message', 'work_email',
];
/** Free-text properties whose values the edits change. */
export const EDITABLE = new Set(['firstname', 'lastname', 'city', 'company', 'jobtitle', 'address']);

export const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken', 'Radia', 'Tim', 'Hedy', 'Dennis', 'Sophie'];
export const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Dijkstra', 'Liskov', 'Knuth', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee', 'Lamarr', 'Ritchie', 'Wilson'];
export const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella GmbH', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Pied Piper', 'Vandelay Industries', 'Soylent SA'];
const CITIES = ['Boston', 'Dublin', 'Berlin', 'São Paulo', 'Singapore', 'Nairobi', 'Toronto', 'Kraków', 'Lyon', 'Osaka'];
const COUNTRIES = ['United States', 'Ireland', 'Germany', 'Brazil', 'Singapore', 'Kenya', 'Canada', 'Poland', 'France', 'Japan'];
const JOB_TITLES = ['VP Engineering', 'Head of Growth', 'Account Executive', 'CTO', 'Marketing Manager', 'Data Analyst', 'Office Manager'];
const INDUSTRIES = ['Computer Software', 'Financial Services', 'Hospital & Health Care', 'Retail', 'Logistics and Supply Chain'];

export function valueFor(name: string, random: Random): string {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  switch (name) {
    case 'email':
    case 'work_email': return `${first}.${last}${Math.floor(random() * 1000)}@example.com`.toLowerCase();
    case 'firstname': return first;
    case 'lastname': return last;
    case 'salutation': return pick(random, ['Dr.', 'Ms.', 'Mr.', 'Mx.']);
    case 'phone':
    case 'mobilephone': return `+1 617-555-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
    case 'company': return pick(random, COMPANIES);
    case 'jobtitle':
    case 'seniority': return pick(random, JOB_TITLES);
    case 'city': return pick(random, CITIES);
    case 'country': return pick(random, COUNTRIES);
    case 'state': return pick(random, ['MA', 'CA', 'NY', 'Leinster', 'Bavaria']);
    case 'zip': return String(10_000 + Math.floor(random() * 89_999));
    case 'address': return `${1 + Math.floor(random() * 400)} ${pick(random, ['Main Street', 'Harbour Road', 'Elm Avenue', 'Rua Augusta'])}`;
    case 'website': return `https://www.${pick(random, COMPANIES).toLowerCase().replace(/\W+/g, '')}.example`;
    case 'industry': return pick(random, INDUSTRIES);
    case 'annualrevenue': return String(Math.floor(random() * 50) * 100_000);
    case 'closedate': return String(1_700_000_000_000 + Math.floor(random() * 1e10));
    case 'date_of_birth': return `19${60 + Math.floor(random() * 40)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`;
    case 'twitterhandle': return `@${first.toLowerCase()}_${last.toLowerCase()}`;
    case 'hs_linkedin_url': return `https://www.linkedin.com/in/${first.toLowerCase()}-${last.toLowerCase()}`;
    case 'associatedcompanyid': return String(Math.floor(random() * 1e9));
    case 'school': return pick(random, ['MIT', 'Trinity College Dublin', 'TU München', 'USP']);
    case 'degree': return pick(random, ['BSc', 'MSc', 'PhD', 'MBA']);
    case 'field_of_study': return pick(random, ['Computer Science', 'Mathematics', 'Economics']);
    case 'message': return `Met ${first} at the ${pick(random, CITIES)} meetup; follow up about pricing.`;
    default: return optionValueFor(name, random) ?? `${first} ${last}`;
  }
}

/** A valid option value for enumerations (lifecyclestage, hs_lead_status, numemployees), from the bundled catalog. */
function optionValueFor(name: string, random: Random): string | undefined {
  const options = bundledDefaultCatalog().properties.get(name)?.options;
  return options && options.length > 0 ? pick(random, options).value : undefined;
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}
