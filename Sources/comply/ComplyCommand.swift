import ArgumentParser

@main
struct ComplyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "comply",
    abstract: "Check construction-project registers against legal rules, and check the rules themselves.",
    discussion: """
      Exit status: 0 clean; 1 findings at or above --fail-on, or a failed rule example; 2 invalid rules; \
      3 unreadable input; 64 usage error.
      """,
    version: ComplyVersion.current,
    subcommands: [Check.self, Explain.self, Validate.self, Test.self, LedgerCommand.self]
  )
}
