import ArgumentParser

struct Explain: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Show every rule's outcome for one project.")
  func run() throws {}
}
