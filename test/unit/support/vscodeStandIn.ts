// The stand-in that vscodeStub.ts resolves the vscode module to: only l10n.t, which formats as VS Code
// does with no translation loaded — `{0}`, `{1}`… from the args, or `{name}` from a single record.
type Value = string | number | boolean;
type Args = readonly Value[] | Readonly<Record<string, Value>>;

function format(message: string, args: Args = []): string {
  const values = new Map(Object.entries(args));
  return message.replace(/\{([^}]+)\}/g, (match, key: string) => {
    const value = values.get(key);
    return value === undefined ? match : String(value);
  });
}

export const l10n = {
  t(message: string | { readonly message: string; readonly args?: Args }, ...args: Value[] | [Readonly<Record<string, Value>>]): string {
    if (typeof message !== 'string') return format(message.message, message.args);
    const [first] = args;
    return format(message, typeof first === 'object' ? first : (args as Value[]));
  },
};
