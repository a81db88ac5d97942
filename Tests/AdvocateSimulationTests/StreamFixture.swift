import AdvocateCodec
import AdvocateSimulation

/// Streams shared by several tests, made once per test process.
enum StreamFixture {
    /// The default 20,000-event stream (800 customers, seed 1).
    static let standard: [Event] = make(SimulationOptions(events: 20_000))

    static func make(_ options: SimulationOptions) -> [Event] {
        do {
            var events: [Event] = []
            events.reserveCapacity(options.events)
            var simulator = try EventSimulator(options: options)
            while let event = simulator.next() { events.append(event) }
            return events
        } catch {
            preconditionFailure("fixture options are valid: \(error)")
        }
    }
}

/// A canonical one-line rendering of an event that does not depend on the JSON encoder or on how
/// Swift prints values, for fingerprints and readable failures.
enum EventLine {
    static func render(_ event: Event) -> String {
        var parts = [event.id, event.type.rawValue, event.customer ?? "-", String(event.at.microseconds)]
        parts.append(event.source ?? "-")
        switch event.body {
        case .purchase(let p):
            parts += [p.order, String(p.amount.units), p.currency ?? "-", p.segment ?? "-"]
        case .refund(let r):
            parts += [r.order, r.amount.map { String($0.units) } ?? "-"]
        case .supportContact(let s):
            parts += [s.caseID, s.channel]
        case .caseResolved(let c):
            parts += [c.caseID]
        case .survey(let s):
            parts += [s.kind.rawValue, String(s.score), s.comment ?? "-", s.channel ?? "-"]
        case .mention(let m):
            parts += [m.channel, m.text, String(m.reach), m.url ?? "-"]
        case .reply(let r):
            parts += [r.to, r.channel ?? "-"]
        case .review(let r):
            parts += [r.platform, String(r.rating), r.text ?? "-", String(r.reach)]
        case .referral(let r):
            parts += [r.code, r.referee ?? "-"]
        case .signup(let s):
            parts += [s.referredBy ?? "-", s.email ?? "-", s.phone ?? "-", s.paymentFingerprint ?? "-"]
            parts += [s.address ?? "-", s.segment ?? "-"]
        case .onboarding(let o):
            parts += [o.step, o.status.rawValue]
        case .disruption(let d):
            parts += [d.what, d.segment ?? "-", d.customers.joined(separator: ",")]
        case .suggestion(let s):
            parts += [s.text]
        case .referralConverted(let c):
            parts += [c.code, c.referee, c.trigger]
        }
        return parts.joined(separator: "|")
    }

    /// 64-bit FNV-1a of the rendered lines, a fingerprint of a whole stream.
    static func fingerprint(_ events: [Event]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for event in events {
            for byte in render(event).utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            hash = (hash ^ 0x0A) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
