import ArgumentParser

/// comply's exit statuses, listed once (and in the README). With several inputs the most serious wins, in the
/// order usage > invalid rules > unreadable input > findings > success.
enum ExitStatus: Int32, CaseIterable {
  /// No finding at or above `--fail-on`; rules valid; every example passed.
  case success = 0
  /// Findings at or above `--fail-on`, a failed rule example, or a CI gate (`--fail-on-undetermined`,
  /// `--max-rejected`) tripped.
  case findings = 1
  /// The rules are invalid.
  case invalidRules = 2
  /// An input could not be read at all (missing file, undecodable encoding, no header), or a report could not be
  /// written (a full disk).
  case unreadableInput = 3
  /// The command line is wrong.
  case usage = 64

  var seriousness: Int {
    switch self {
    case .success: 0
    case .findings: 1
    case .unreadableInput: 2
    case .invalidRules: 3
    case .usage: 4
    }
  }

  static func worst(_ statuses: [ExitStatus]) -> ExitStatus {
    statuses.max { $0.seriousness < $1.seriousness } ?? .success
  }

  var exitCode: ExitCode { ExitCode(rawValue) }
}
