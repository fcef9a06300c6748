import { CliError } from './errors'
import { runCli } from './index'

/** The CliError a command line fails with (a test of the refusal's wording). */
export async function failure(args: string[]): Promise<CliError> {
  try {
    await runCli(args)
  } catch (e) {
    if (e instanceof CliError) return e
    throw e
  }
  throw new Error('expected the command to fail')
}
