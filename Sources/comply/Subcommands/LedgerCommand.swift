import ArgumentParser
import Comply
import Foundation

struct LedgerCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ledger",
    abstract: "Work with rectification ledgers (整改台账).",
    subcommands: [Init.self]
  )

  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Write a ledger skeleton: an entry (status 未整改) for every open finding of a check, to fill in.",
      discussion: """
        Takes the registers and options of 'comply check'. With --ledger, findings the ledger already covers are left \
        out, so the output lists only what is new. The format follows --output's extension: .yaml/.yml (default) or \
        .csv (for Excel). Exit status: 0 written; 2 invalid rules; 3 unreadable input or ledger; 64 usage error.
        """
    )

    @Argument(help: "Register files or folders of registers to check ('-' for standard input).")
    var files: [String] = []

    @OptionGroup var options: CheckArguments

    @Option(help: "Write the skeleton to this file, .yaml or .csv (default: YAML to standard output).")
    var output: String?

    mutating func validate() throws {
      if files.isEmpty { throw ValidationError("give at least one register file, or '-' for standard input") }
      if let output, format(of: output) == nil {
        throw ValidationError("--output must end in .yaml, .yml or .csv, found \(output)")
      }
    }

    private func format(of path: String) -> LedgerSkeleton.Format? {
      switch InputFormat(pathExtensionOf: path) {
      case .yaml: .yaml
      case .csv: path.lowercased().hasSuffix(".txt") ? nil : .csv
      default: nil
      }
    }

    func run() throws {
      let setup = try options.load(files: files)
      var sink = FileSink.standardOutput()
      if let output {
        do throws(OutputError) { sink = try FileSink.file(output) } catch {
          Terminal.error("error: \(error.message)\n")
          throw ExitStatus.usage.exitCode
        }
      }
      let skeleton = LedgerSkeleton(sink: sink, format: output.flatMap(format(of:)) ?? .yaml)
      let summary = setup.checker.check(RegisterFiles.expand(files), reporters: [skeleton], version: ComplyVersion.current)
      let failed = summary.inputs.filter { $0.failure != nil }
      if !failed.isEmpty {
        sink.discard()
        for input in failed { Terminal.error("error: \(input.path): \(input.failure ?? "")\n") }
        throw ExitStatus.unreadableInput.exitCode
      }
      do throws(OutputError) { try sink.close() } catch {
        Terminal.error("error: \(error.message)\n")
        throw ExitStatus.unreadableInput.exitCode
      }
      if let output { Terminal.error("\(skeleton.entries) entries written to \(output)\n") }
    }
  }
}
