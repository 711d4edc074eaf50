import ComplyModel

/// One legal basis: a law of the pack's `laws` table, an article and optionally a paragraph.
public struct LawReference: Sendable, Hashable {
  public var law: String
  public var lawTitle: LocalizedText
  public var article: String
  public var paragraph: String?

  /// `《中华人民共和国环境影响评价法》第25条第1款` / `Environmental Impact Assessment Law art. 25 ¶1`.
  public var text: LocalizedText {
    let zhParagraph = paragraph.map { "第\($0)款" } ?? ""
    let enParagraph = paragraph.map { " ¶\($0)" } ?? ""
    return LocalizedText(
      zh: "《\(lawTitle.zh)》第\(article)条\(zhParagraph)", en: "\(lawTitle.en) art. \(article)\(enParagraph)")
  }
}
