import Testing

@testable import ComplyEngine
@testable import ComplyModel

/// Evidence keeps its item's name and title in one object its rule's findings share; it still compares, hashes
/// and changes by value.
@Suite struct EvidenceTests {
  func item(_ name: String, _ label: EvidenceLabel? = nil) -> Evidence {
    Evidence(
      label: label ?? EvidenceLabel(name: name, title: LocalizedText(zh: "开工日期", en: "Construction start")),
      header: "开工日期", raw: "2018-03-01", value: "2018-03-01", note: nil)
  }

  @Test func labelsCompareByTheirTexts() {
    let title = LocalizedText(zh: "开工日期", en: "Construction start")
    let shared = EvidenceLabel(name: "construction_start", title: title)
    let (a, b) = (item("construction_start", shared), item("construction_start"))
    #expect(a == b)
    #expect(Set([a, b]).count == 1)
    var renamed = a
    renamed.name = "start"
    #expect(renamed != a && renamed.name == "start" && renamed.title == a.title)
    #expect(a.name == "construction_start" && shared.name == "construction_start")
    var retitled = a
    retitled.title = LocalizedText(zh: "开工", en: "Start")
    #expect(retitled != a && retitled.name == a.name)
  }
}
