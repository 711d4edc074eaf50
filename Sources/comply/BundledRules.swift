import Foundation

/// Finds the bundled rule packs when `--rules` is not given.
///
/// Searched in order: `$COMPLY_RULES`; `share/comply/Rules` beside the binary's `bin/` (an installed comply);
/// `Rules/` beside the binary; `Rules/` in the working directory; the source checkout the binary was built from
/// (so `swift run comply` works from anywhere in the repo).
enum BundledRules {
  static let defaultPack = "eia"

  static func root() -> String? {
    let fm = FileManager.default
    var candidates: [String] = []
    if let env = ProcessInfo.processInfo.environment["COMPLY_RULES"], !env.isEmpty { candidates.append(env) }
    // The running binary's own path (on Linux, /proc/self/exe), whatever PATH lookup found it.
    let binary = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
    let executable = binary.resolvingSymlinksInPath().deletingLastPathComponent()
    candidates.append(executable.deletingLastPathComponent().appendingPathComponent("share/comply/Rules").path)
    candidates.append(executable.appendingPathComponent("Rules").path)
    candidates.append(fm.currentDirectoryPath + "/Rules")
    let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    candidates.append(checkout.appendingPathComponent("Rules").path)
    return candidates.first { fm.fileExists(atPath: $0) }
  }

  /// The default pack's folder.
  static func defaultPackPath() -> String? {
    guard let root = root() else { return nil }
    let pack = root + "/" + defaultPack
    return FileManager.default.fileExists(atPath: pack) ? pack : root
  }
}
