import AdvocateCodec
import Crypto
import Foundation

/// Replaces contact details on `signup` events with keyed hashes (HMAC-SHA256, hex) at the front door,
/// so no stage ever stores or logs them in clear, while equal details still compare equal for fraud checks.
///
/// Values are normalised first so that trivial variations match: e-mail trimmed and lower-cased, phone
/// reduced to its digits (and a leading +), address lower-cased with runs of spaces folded.
public struct ContactHasher: Sendable {
    /// The key's bytes; `SymmetricKey` itself is not `Sendable`, so it is made per use.
    private let key: [UInt8]

    /// - Parameter key: the secret; deployments set `ADVOCATE_CONTACT_KEY`, which must stay the same
    ///   for the life of the data (a new key makes old and new hashes differ).
    public init(key: String) {
        self.key = Array(key.utf8)
    }

    /// The event with its contact fields hashed (events without contact fields are returned unchanged).
    public func protect(_ event: Event) -> Event {
        guard case .signup(var signup) = event.body else { return event }
        signup.email = signup.email.map { hash("email", $0.trimmingCharacters(in: .whitespaces).lowercased()) }
        signup.phone = signup.phone.map { hash("phone", Self.digits($0)) }
        signup.paymentFingerprint = signup.paymentFingerprint.map { hash("payment", $0) }
        signup.address = signup.address.map { hash("address", Self.folded($0)) }
        var protected = event
        protected.body = .signup(signup)
        return protected
    }

    /// The keyed hash of `value` in the `field` domain, as 64 hex digits.
    public func hash(_ field: String, _ value: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data((field + "\u{0}" + value).utf8), using: SymmetricKey(data: key))
        return mac.map { byte in
            let hex = Array("0123456789abcdef".utf8)
            return String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
        }.joined()
    }

    static func digits(_ phone: String) -> String {
        let trimmed = phone.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.filter(\.isASCII).filter(\.isNumber)
        return trimmed.hasPrefix("+") ? "+" + digits : digits
    }

    static func folded(_ address: String) -> String {
        address.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," }).joined(separator: " ")
    }
}
