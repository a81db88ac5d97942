import AdvocateModel
import AdvocateSentiment
import AdvocateStorage

/// Profiles customers with the advocacy model: scores decayed to the customer's latest event, flags,
/// and the events that moved each score most.
public struct ModelProfiler: CustomerProfiler {
    let model: AdvocacyModel

    public init(model: AdvocacyModel = AdvocacyModel(judge: TextAssessor())) {
        self.model = model
    }

    public func profile(of record: CustomerRecord) throws -> [(String, JSON)] {
        let state: CustomerState
        do {
            state = try CustomerState(serialized: record.state)
        } catch {
            throw StorageError(.corrupt("state of customer \(record.id): \(error)"))
        }
        let profile = model.profile(of: state, customer: record.id)
        let scores = profile.scores
        let explanation = profile.explanation.map { contribution -> JSON in
            .object([
                ("score", .string(contribution.score.rawValue)), ("event", .string(contribution.eventID)),
                ("type", .string(contribution.type)), ("delta", .double(Self.rounded(contribution.delta))),
                ("reason", .string(contribution.reason)),
            ])
        }
        return [
            ("stage", .string(profile.stage.rawValue)), ("flags", .array(profile.flags.map(JSON.string))),
            (
                "scores",
                .object([
                    ("loyalty", .double(scores.loyalty)), ("advocacy", .double(scores.advocacy)),
                    ("effort", .double(scores.effort)), ("sentiment", .double(scores.sentiment)),
                ])
            ),
            ("explanation", .array(explanation)), ("as_of", .string(profile.asOf.rfc3339)),
        ]
    }

    static func rounded(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
