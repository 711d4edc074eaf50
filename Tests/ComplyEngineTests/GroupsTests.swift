import Testing

@testable import ComplyEngine

/// A finding's groups come in field-name order, however they were given.
@Suite struct GroupsTests {
  @Test func aLiteralIsKeptInNameOrder() {
    let groups: Groups = ["sector": "交通", "county": "吉隆县", "basin": "雅鲁藏布江"]
    #expect(groups.map(\.name) == ["basin", "county", "sector"])
    #expect(groups.map(\.value) == ["雅鲁藏布江", "吉隆县", "交通"])
    #expect(groups["county"] == "吉隆县")
    #expect(groups["township"] == nil)
    #expect(groups == ["county": "吉隆县", "basin": "雅鲁藏布江", "sector": "交通"])
    #expect(groups != ["county": "吉隆县", "basin": "雅鲁藏布江", "sector": "农业"])
  }

  @Test func settingKeepsNameOrder() {
    var groups: Groups = ["county": "吉隆县"]
    groups["sector"] = "交通"
    groups["basin"] = "雅鲁藏布江"
    groups["county"] = "普兰县"
    #expect(groups.map(\.name) == ["basin", "county", "sector"])
    #expect(groups["county"] == "普兰县")
    groups["basin"] = nil
    #expect(groups.map(\.name) == ["county", "sector"])
  }
}
