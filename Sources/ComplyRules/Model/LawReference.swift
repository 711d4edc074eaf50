import ComplyModel

/// One legal basis: a law of the pack's `laws` table, an article and optionally a paragraph.
public struct LawReference: Sendable, Hashable {
  public var law: String
  public var lawTitle: LocalizedText
  public var article: String
  public var paragraph: String?

  /// `《中华人民共和国环境影响评价法》第25条第1款` / `Environmental Impact Assessment Law art. 25 ¶1`. An article that
  /// is not a number names a part of the text instead: `《…整改方案》（整改时限）` / `… (整改时限)`.
  public var text: LocalizedText {
    guard article.allSatisfy(\.isNumber) else {
      return LocalizedText(zh: "《\(lawTitle.zh)》（\(article)）", en: "\(lawTitle.en) (\(article))")
    }
    let zhParagraph = paragraph.map { "第\($0)款" } ?? ""
    let enParagraph = paragraph.map { " ¶\($0)" } ?? ""
    return LocalizedText(
      zh: "《\(lawTitle.zh)》第\(article)条\(zhParagraph)", en: "\(lawTitle.en) art. \(article)\(enParagraph)")
  }
}
