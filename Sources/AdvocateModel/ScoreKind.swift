/// The four per-customer scores.
public enum ScoreKind: String, Sendable, Hashable, CaseIterable {
    case loyalty
    case advocacy
    case effort
    case sentiment

    /// Position in the state format; never reorder.
    var code: UInt8 {
        switch self {
        case .loyalty: 0
        case .advocacy: 1
        case .effort: 2
        case .sentiment: 3
        }
    }

    init?(code: UInt8) {
        guard let kind = ScoreKind.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }
}
