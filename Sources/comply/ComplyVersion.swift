/// comply's version, printed by `--version` and recorded in every report.
enum ComplyVersion {
  static let current = "0.1.0"
}
