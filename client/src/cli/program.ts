// `contact-payloads`: picks the command and returns its exit status. A usage error anywhere ends in
// exit status 2 with a pointer to the command's --help; any other failure is left to the caller.
import { accountCommand } from './accountCommand';
import { checkCommand } from './checkCommand';
import { UsageError, type CommandContext } from './commandLine';
import { convertCommand } from './convertCommand';
import { ExitCode } from './exitCodes';
import { ACCOUNT_HELP, CHECK_HELP, CONVERT_HELP, CREATE_HELP, MAIN_HELP, SEED_HELP, UPDATE_HELP } from './help';
import { seedCommand } from './seedCommand';
import { createCommand, updateCommand } from './sendCommand';

type Command = (args: readonly string[], context: CommandContext) => Promise<ExitCode>;

const COMMANDS: Readonly<Record<string, { readonly run: Command; readonly help: string }>> = {
  check: { run: checkCommand, help: CHECK_HELP },
  convert: { run: convertCommand, help: CONVERT_HELP },
  create: { run: createCommand, help: CREATE_HELP },
  update: { run: updateCommand, help: UPDATE_HELP },
  seed: { run: seedCommand, help: SEED_HELP },
  account: { run: accountCommand, help: ACCOUNT_HELP },
};

export async function runProgram(argv: readonly string[], context: CommandContext): Promise<ExitCode> {
  const { terminal } = context;
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    terminal.out(MAIN_HELP);
    return name === undefined ? ExitCode.UsageOrFiles : ExitCode.Success;
  }
  if (name === '--version' || name === '-V') {
    terminal.out(context.version);
    return ExitCode.Success;
  }
  if (name === 'help') {
    const topic = args[0] === undefined ? undefined : commandNamed(args[0]);
    terminal.out(topic?.help ?? MAIN_HELP);
    return args[0] === undefined || topic ? ExitCode.Success : ExitCode.UsageOrFiles;
  }
  const command = commandNamed(name);
  if (!command) return usageProblem(context, `"${name}" is not a command; the commands are ${Object.keys(COMMANDS).join(', ')}.`, undefined);
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError) return usageProblem(context, error.message, name);
    throw error;
  }
}

function commandNamed(name: string) {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

function usageProblem({ terminal }: CommandContext, message: string, command: string | undefined): ExitCode {
  terminal.err(`contact-payloads: ${message}`);
  terminal.err(`Run "contact-payloads ${command ? `${command} ` : ''}--help" for usage.`);
  return ExitCode.UsageOrFiles;
}
