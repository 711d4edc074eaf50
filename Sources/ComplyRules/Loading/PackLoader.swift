import ComplyExpression
import ComplyModel
import Crypto
import Foundation

/// Loads rule packs in named stages — read files, decode the pack, check definitions, decode and compile the
/// rules, check ids — collecting every diagnostic. A pack with any error is never returned: it is never
/// half-applied.
public enum PackLoader {
  public static let packFileName = "pack.yaml"
  public static let maxRules = 1_000

  /// The packs at `path`: a pack folder, a folder of pack folders, or one rule file (its pack, with that rule
  /// only).
  public static func load(_ path: String) -> (packs: [RulePack], diagnostics: [Diagnostic]) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      return ([], [.error(.packMissing, "no such file or folder", at: Location(file: path, line: 1, column: 0))])
    }
    if !isDirectory.boolValue {
      let url = URL(fileURLWithPath: path)
      let folder = url.deletingLastPathComponent().path
      let result = loadPack(folder, only: url.lastPathComponent == packFileName ? nil : path)
      return (result.pack.map { [$0] } ?? [], result.diagnostics)
    }
    if FileManager.default.fileExists(atPath: join(path, packFileName)) {
      let result = loadPack(path)
      return (result.pack.map { [$0] } ?? [], result.diagnostics)
    }
    let children = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
      .filter { FileManager.default.fileExists(atPath: join(join(path, $0), packFileName)) }
    guard !children.isEmpty else {
      return ([], [.error(.packMissing, "no \(packFileName) here or in a sub-folder", at: Location(file: path, line: 1, column: 0))])
    }
    var packs: [RulePack] = []
    var diagnostics: [Diagnostic] = []
    for child in children {
      let result = loadPack(join(path, child))
      packs += result.pack.map { [$0] } ?? []
      diagnostics += result.diagnostics
    }
    return (packs, diagnostics.sorted())
  }

  /// One pack folder. `only` restricts the rules to one file.
  public static func loadPack(_ folder: String, only: String? = nil) -> (pack: RulePack?, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let packPath = join(folder, packFileName)
    let packDocument = YAMLDocument.load(path: packPath, diagnostics: &diagnostics)
    guard !diagnostics.hasErrors, let packFile = PackFileDecoder.decode(packDocument, &diagnostics), let schema = packFile.schema,
      !diagnostics.hasErrors
    else { return (nil, diagnostics.sorted()) }
    let definitions = DefinitionResolver.resolve(packFile, schema: schema, document: packDocument, &diagnostics)
    var titles: [String: LocalizedText] = [:]
    for definition in packFile.definitions { titles[definition.name] = definition.title }
    let ruleFiles = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
      .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != packFileName }
      .map { join(folder, $0) }
      .filter { only == nil || URL(fileURLWithPath: $0).standardized.path == URL(fileURLWithPath: only ?? "").standardized.path }
    if ruleFiles.count > maxRules {
      diagnostics.append(.error(.ruleLimit, "more than \(maxRules) rules in one pack", at: Location(file: folder, line: 1, column: 0)))
      return (nil, diagnostics.sorted())
    }
    var rules: [Rule] = []
    var seen: [String: Location] = [:]
    for path in ruleFiles {
      let before = diagnostics.count
      let document = YAMLDocument.load(path: path, diagnostics: &diagnostics)
      // Stop after the YAML stage when it failed: refused nodes (aliases) would otherwise read as missing keys.
      guard document.root != nil, !diagnostics[before...].contains(where: { $0.severity == .error }) else { continue }
      let decoder = RuleDecoder(
        document: document, compiler: ExpressionCompiler(document: document, environment: Environment(schema: schema, definitions: definitions)),
        laws: packFile.laws, definitionTitles: titles, exampleAsOf: packFile.exampleAsOf)
      let expectedID = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
      guard let rule = decoder.decode(expectedID: expectedID, &diagnostics) else { continue }
      if let first = seen[rule.id] {
        diagnostics.append(
          .error(.ruleDuplicateId, "duplicate rule id '\(rule.id)'", at: rule.location, notes: [Diagnostic.Note("first declared here", at: first)]))
        continue
      }
      seen[rule.id] = rule.location
      rules.append(rule)
    }
    if ruleFiles.isEmpty, only == nil {
      diagnostics.append(.warning(.packMissing, "the pack has no rule files", at: Location(file: packPath, line: 1, column: 0)))
    }
    guard !diagnostics.hasErrors else { return (nil, diagnostics.sorted()) }
    let pack = RulePack(
      name: packFile.name, version: packFile.version, formatVersion: packFile.formatVersion, title: packFile.title,
      schema: schema, definitions: definitions, definitionTitles: titles, rules: rules, directory: folder,
      contentHash: contentHash(of: [packPath] + ruleFiles), exampleAsOf: packFile.exampleAsOf)
    return (pack, diagnostics.sorted())
  }

  /// SHA-256 over each file's name and bytes, in order.
  static func contentHash(of paths: [String]) -> String {
    var hasher = SHA256()
    for path in paths {
      hasher.update(data: Data(URL(fileURLWithPath: path).lastPathComponent.utf8))
      hasher.update(data: Data([0]))
      hasher.update(data: FileManager.default.contents(atPath: path) ?? Data())
    }
    return Hex.lowercase(hasher.finalize())
  }

  static func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }
}
