/// A German Land (federal state), by its ISO 3166-2:DE code without the `DE-` prefix.
///
/// Public holidays are law of the Land (Reg. 1182/71 Art. 2 refers to the Member State's
/// designation; in Germany each Land designates them in its Feiertagsgesetz).
public enum Land: String, CaseIterable, Sendable, Codable {
    // The official codes, as policies and `--land` name them.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    case BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH

    /// The Land's name in German.
    public var name: String {
        switch self {
        case .BW: "Baden-Württemberg"
        case .BY: "Bayern"
        case .BE: "Berlin"
        case .BB: "Brandenburg"
        case .HB: "Bremen"
        case .HH: "Hamburg"
        case .HE: "Hessen"
        case .MV: "Mecklenburg-Vorpommern"
        case .NI: "Niedersachsen"
        case .NW: "Nordrhein-Westfalen"
        case .RP: "Rheinland-Pfalz"
        case .SL: "Saarland"
        case .SN: "Sachsen"
        case .ST: "Sachsen-Anhalt"
        case .SH: "Schleswig-Holstein"
        case .TH: "Thüringen"
        }
    }

    /// The Land of a code, in any letter case, with or without the `DE-` prefix.
    public init?(code: String) {
        let upper = code.uppercased()
        self.init(rawValue: upper.hasPrefix("DE-") ? String(upper.dropFirst(3)) : upper)
    }
}
