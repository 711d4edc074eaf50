import Foundation

/// Runs the built `comply` binary and captures what it prints and its exit status.
struct CLIResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

enum CLI {
  /// The repository root, found from this file so tests do not depend on the working directory.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  /// The `comply` executable beside the test bundle.
  static var executable: URL {
    var dir = Bundle.main.bundleURL
    for _ in 0..<3 {
      let candidate = dir.appendingPathComponent("comply")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return root.appendingPathComponent(".build/debug/comply")
  }

  /// `stdoutPath` sends standard output to a file (`/dev/full`) instead of capturing it.
  static func run(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], stdoutPath: String? = nil
  ) throws -> CLIResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = root
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    // stderr goes to a file, so that neither stream can fill a pipe and block the child while we read the other.
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("comply-stderr-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let err = try FileHandle(forWritingTo: errURL)
    if let stdoutPath {
      process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
      try out.fileHandleForWriting.close()
    } else {
      process.standardOutput = out
    }
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try err.close()
    let errData = (try? Data(contentsOf: errURL)) ?? Data()
    return CLIResult(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Parses a JSON report.
  static func json(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return object as? [String: Any] ?? [:]
  }
}
