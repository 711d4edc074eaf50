import ArgumentParser

struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Check registers against the rules.")
  func run() throws {}
}
