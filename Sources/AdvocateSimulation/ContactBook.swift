/// A simulated person's contact details, as a signup carries them.
struct ContactDetails: Sendable {
    var firstName: String
    var lastName: String
    var email: String
    var phone: String
    var paymentFingerprint: String
}

/// Derives names, e-mail addresses and phone numbers from a customer's index, without storing them.
///
/// The e-mail address and phone number are bijections of the index, so no two customers of a stream
/// share one by accident: a fraud check that finds a shared address finds a planted one.
struct ContactBook: Sendable {
    private let seed: UInt64
    private let emailOffset: Int
    private let phoneOffset: Int

    static let firstNames = [
        "ann", "ben", "chloe", "david", "emma", "farid", "grace", "hugo", "isla", "jack", "kofi", "lena", "mia",
        "noah", "olga", "priya", "quinn", "rosa", "sam", "tariq", "uma", "victor", "wen", "ximena", "yusuf",
        "zoe", "aiko", "bruno", "carmen", "dmitri", "elif", "finn", "gita", "hana", "ivan", "julia", "kai",
        "leila", "marco", "nadia", "oscar", "pia", "rahul", "sofia", "tom", "ugo", "vera", "will", "yara", "zain",
    ]
    static let lastNames = [
        "smith", "jones", "garcia", "muller", "rossi", "dubois", "silva", "kowalski", "novak", "jensen",
        "murphy", "tanaka", "kim", "patel", "singh", "nguyen", "okafor", "mensah", "ahmed", "cohen", "larsen",
        "bianchi", "fernandes", "martin", "bernard", "weber", "schmidt", "walsh", "brennan", "reyes", "lopez",
        "ito", "sato", "chen", "wang", "haddad", "nasser", "kaya", "demir", "popescu", "horvat", "varga",
        "nielsen", "berg", "lindqvist", "virtanen", "oconnor", "campbell", "stewart", "young",
    ]
    private static let emailSpace = 2_500_000  // 50 first names x 50 last names x 1000 numbers
    private static let phoneSpace = 10_000_000

    init(seed: UInt64) {
        self.seed = seed
        emailOffset = Int(RandomSource.hash(seed, 0xE3A1) % UInt64(ContactBook.emailSpace))
        phoneOffset = Int(RandomSource.hash(seed, 0x9F0E) % UInt64(ContactBook.phoneSpace))
    }

    /// The details of the customer at `index` living in `market`.
    func contact(of index: Int, market: Market) -> ContactDetails {
        precondition(index >= 0 && index < ContactBook.emailSpace, "customer index \(index) out of range")
        // 1_234_567 is coprime with 2_500_000 = 2^5 x 5^7, so the map is a permutation.
        let code = (index * 1_234_567 + emailOffset) % ContactBook.emailSpace
        let first = ContactBook.firstNames[code % 50]
        let last = ContactBook.lastNames[(code / 50) % 50]
        let number = code / 2_500
        let suffix = number == 0 ? "" : String(number)
        let style = RandomSource.hash(seed ^ 0x51, UInt64(index))
        let email: String
        switch style % 3 {
        case 0: email = "\(first).\(last)\(suffix)@example.com"
        case 1: email = "\(first)\(last)\(suffix)@example.net"
        default: email = "\(first)_\(last)\(suffix)@example.org"
        }
        // 7_654_321 is coprime with 10^7.
        let digits = (index * 7_654_321 + phoneOffset) % ContactBook.phoneSpace
        let phone = market.phonePrefix + IdentifierFormat.padded(digits, width: 7)
        let card = RandomSource.hash(seed ^ 0xCA4D, UInt64(index))
        return ContactDetails(
            firstName: first,
            lastName: last,
            email: email,
            phone: phone,
            paymentFingerprint: "pf_" + ContactBook.hex(card)
        )
    }

    /// Whether the customer gives a phone number at signup (about a third do).
    func givesPhone(_ index: Int) -> Bool {
        RandomSource.hash(seed ^ 0x9407E, UInt64(index)) % 100 < 35
    }

    /// Whether the signup carries the fingerprint of a payment card (a little under half do).
    func givesCard(_ index: Int) -> Bool {
        RandomSource.hash(seed ^ 0xCA4D_0001, UInt64(index)) % 100 < 45
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 16)
        var rest = value
        for position in stride(from: 15, through: 0, by: -1) {
            bytes[position] = digits[Int(rest & 0xF)]
            rest >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
