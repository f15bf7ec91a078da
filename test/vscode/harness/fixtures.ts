// The workspace both end-to-end tests open. Written fresh into each run's workspace folder.

/** An invalid email and an enumeration value given by label ("Lead") instead of its internal value ("lead"). */
export const BAD_CONTACT = `{
  "properties": [
    { "property": "email", "value": "not-an-email" },
    { "property": "lifecyclestage", "value": "Lead" }
  ]
}
`;

export const WORKSPACE_FILES: Readonly<Record<string, string>> = {
  'bad.contact.json': BAD_CONTACT,
};
