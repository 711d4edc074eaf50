import ComplyModel
import Foundation

/// What a workbook's parts say about it: its worksheets in order, its date system, and where its shared strings
/// and styles are.
struct XLSXWorkbook {
  struct Sheet: Equatable {
    var name: String
    /// The sheet's part in the package (`xl/worksheets/sheet1.xml`).
    var part: String
    var hidden: Bool
  }

  /// Worksheets in workbook order (chart sheets left out).
  var sheets: [Sheet] = []
  /// The 1904 date system (serial 0 is 1904-01-01) rather than the 1900 one.
  var date1904 = false
  var sharedStringsPart: String?
  var stylesPart: String?

  init(package: XLSXPackage) throws(InputError) {
    let rootRels = try XLSXWorkbook.elements(package, "_rels/.rels")
    let workbookPart =
      rootRels?.elements.first { $0.name == "Relationship" && ($0.attribute("Type") ?? "").hasSuffix("/officeDocument") }
      .flatMap { $0.attribute("Target") }.map { XLSXWorkbook.resolve($0, from: "") } ?? "xl/workbook.xml"
    guard let workbook = try XLSXWorkbook.elements(package, workbookPart) else {
      throw .notWorkbook(path: package.path, reason: "it has no workbook part (\(workbookPart))")
    }
    let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
    let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/"
      + (workbookPart.split(separator: "/").last.map(String.init) ?? "workbook.xml") + ".rels"
    var targets: [String: (type: String, target: String)] = [:]
    for rel in try XLSXWorkbook.elements(package, relsPart)?.elements ?? [] where rel.name == "Relationship" {
      guard let id = rel.attribute("Id"), let target = rel.attribute("Target") else { continue }
      let type = rel.attribute("Type") ?? ""
      targets[id] = (type, XLSXWorkbook.resolve(target, from: folder))
      if type.hasSuffix("/sharedStrings") { sharedStringsPart = targets[id]?.target }
      if type.hasSuffix("/styles") { stylesPart = targets[id]?.target }
    }
    for element in workbook.elements {
      switch element.name {
      case "workbookPr":
        date1904 = ["1", "true"].contains(element.attribute("date1904")?.lowercased() ?? "")
      case "sheet":
        guard let name = element.attribute("name"), let id = element.attribute("id"),
          let rel = targets[id], rel.type.hasSuffix("/worksheet")
        else { continue }
        let state = element.attribute("state") ?? "visible"
        sheets.append(Sheet(name: name, part: rel.target, hidden: state != "visible"))
      default: continue
      }
    }
    if sharedStringsPart == nil, package.contains("xl/sharedStrings.xml") { sharedStringsPart = "xl/sharedStrings.xml" }
    if stylesPart == nil, package.contains("xl/styles.xml") { stylesPart = "xl/styles.xml" }
  }

  /// The sheets `selection` names, in workbook order.
  func select(_ selection: SheetSelection, path: String) throws(InputError) -> [Sheet] {
    let visible = sheets.filter { !$0.hidden }
    switch selection {
    case .first:
      guard let first = visible.first ?? sheets.first else {
        throw .notWorkbook(path: path, reason: "it has no worksheet")
      }
      return [first]
    case .all:
      guard !visible.isEmpty else { throw .notWorkbook(path: path, reason: "it has no worksheet") }
      return visible
    case .named(let name):
      if let sheet = sheets.first(where: { $0.name == name }) { return [sheet] }
      let wanted = TextNormalization.header(name).lowercased()
      if let sheet = sheets.first(where: { TextNormalization.header($0.name).lowercased() == wanted }) {
        return [sheet]
      }
      throw .noSheet(path: path, name: name, available: sheets.map(\.name))
    }
  }

  /// A relationship target as a package path: relative to `folder`, or absolute from the package root.
  static func resolve(_ target: String, from folder: String) -> String {
    var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
    for part in target.split(separator: "/") {
      switch part {
      case ".": continue
      case "..": if !parts.isEmpty { parts.removeLast() }
      default: parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }

  /// The start elements of a part, nil when the package lacks it.
  static func elements(_ package: XLSXPackage, _ part: String) throws(InputError) -> XMLElementList? {
    guard let data = try package.read(part) else { return nil }
    switch XMLElementList.parse(data) {
    case .success(let list): return list
    case .failure(let failure):
      throw .notWorkbook(path: package.path, reason: "its part \(part) is not well-formed XML (\(failure.message))")
    }
  }
}
