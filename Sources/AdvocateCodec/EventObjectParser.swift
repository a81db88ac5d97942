/// One member of an event object: where its key and value are in the input.
struct EventMember: Sendable {
    var key: JSONKey
    var value: JSONToken
}

/// Parses the event objects of one request body: first validates an object's syntax and notes where each
/// member is, then applies the format's field rules to build an `Event` or say what is wrong.
///
/// Keeps its scratch arrays between events, so a request of many events allocates little beyond the
/// events' own strings.
struct EventObjectParser {
    var reader: JSONReader
    let limits: EventLimits
    private var members: [EventMember] = []
    /// For each slot (`EventFieldNames`), the index of its member, or -1.
    private var slots = [Int](repeating: -1, count: EventFieldNames.slotCount)
    private var extraMembers: [Int] = []
    private var scratch: [UInt8] = []

    /// The first duplicate key of the current event: the top-level field it is in, and the key itself.
    private var duplicate: (field: String, key: String)?

    init(buffer: UnsafeRawBufferPointer, limits: EventLimits) {
        reader = JSONReader(buffer: buffer, maxDepth: limits.maxNestingDepth)
        self.limits = limits
    }

    /// Parses the object at the reader's position (an `{`) and leaves the reader after its `}`.
    /// - Returns: the event, or why it was rejected.
    /// - Throws: `JSONSyntaxError` when the object is not valid JSON (so its end is unknown).
    mutating func parseObject(index: Int) throws(JSONSyntaxError) -> Result<Event, EventRejection> {
        let start = reader.position
        try scanMembers()
        let size = reader.position - start
        let id = readableID()
        if size > limits.maxEventBytes {
            let problem = EventRejection.Problem.tooLarge(what: "event", size: size, limit: limits.maxEventBytes)
            return .failure(EventRejection(index: index, id: id, problem: problem))
        }
        var build = Build(parser: self, index: index, id: id)
        // Lend the scratch arrays to the build and take them back, so that neither copies them.
        swap(&slots, &build.slots)
        swap(&extraMembers, &build.extraMembers)
        swap(&scratch, &build.scratch)
        defer {
            swap(&slots, &build.slots)
            swap(&extraMembers, &build.extraMembers)
            swap(&scratch, &build.scratch)
        }
        do throws(EventRejection) {
            return .success(try build.event())
        } catch {
            return .failure(error)
        }
    }

    // MARK: Syntax

    private mutating func scanMembers() throws(JSONSyntaxError) {
        members.removeAll(keepingCapacity: true)
        duplicate = nil
        reader.firstDuplicate = nil
        reader.position += 1
        reader.skipWhitespace()
        if reader.peek() == UInt8(ascii: "}") {
            reader.position += 1
            return
        }
        let base = reader.beginObject()
        defer { reader.endObject(base: base) }
        var keySet: Set<[UInt8]>?
        while true {
            reader.skipWhitespace()
            let key = try reader.scanKey()
            if duplicate == nil, reader.noteKey(key, base: base, set: &keySet) {
                let name = reader.decodeString(key)
                duplicate = (name, name)
            }
            let hadNestedDuplicate = reader.firstDuplicate != nil
            let value = try reader.scanValue(depth: 2)
            if duplicate == nil, !hadNestedDuplicate, let nested = reader.firstDuplicate {
                duplicate = (reader.decodeString(key), nested.key)
            }
            members.append(EventMember(key: key, value: value))
            reader.skipWhitespace()
            switch reader.peek() {
            case UInt8(ascii: ","):
                reader.position += 1
            case UInt8(ascii: "}"):
                reader.position += 1
                return
            default:
                throw reader.error("expected ',' or '}' after an event field, found \(reader.describeCurrent())")
            }
        }
    }

    /// The event's `id` for a rejection, when it is a usable string.
    private func readableID() -> String? {
        for member in members where reader.key(member.key, equals: EventFieldNames.commonBytes[0]) {
            guard member.value.kind == .string else { return nil }
            let length = member.value.contentEnd - member.value.contentStart
            guard length > 0, length <= limits.maxIDLength * 6 else { return nil }
            let id = reader.decodeString(member.value)
            return id.isEmpty || id.utf8.count > limits.maxIDLength ? nil : id
        }
        return nil
    }

    // MARK: Field rules

    /// The field rules applied to one parsed object; a separate value so that rule helpers can throw.
    private struct Build {
        let reader: JSONReader
        let limits: EventLimits
        let members: [EventMember]
        var slots: [Int]
        var extraMembers: [Int]
        var scratch: [UInt8]
        let index: Int
        let id: String?
        let duplicate: (field: String, key: String)?

        init(parser: EventObjectParser, index: Int, id: String?) {
            reader = parser.reader
            limits = parser.limits
            members = parser.members
            slots = []
            extraMembers = []
            scratch = []
            duplicate = parser.duplicate
            self.index = index
            self.id = id
        }

        func reject(_ field: String?, _ problem: EventRejection.Problem) -> EventRejection {
            EventRejection(index: index, id: id, field: field, problem: problem)
        }

        mutating func event() throws(EventRejection) -> Event {
            if let duplicate {
                throw reject(duplicate.field, .duplicateField(key: EventRejection.shorten(duplicate.key)))
            }
            classifyCommonMembers()
            // `readableID` applied the same rules, so its value can be reused.
            let id: String
            if let readable = self.id {
                id = readable
            } else {
                id = try string(EventFieldNames.idSlot, "id", limit: limits.maxIDLength)
            }
            let type = try eventType()
            classifyTypeMembers(type: type)

            let customer: String?
            if type == .disruption {
                customer = try optionalString(EventFieldNames.customerSlot, "customer", limit: limits.maxIDLength)
                if customer?.isEmpty == true { throw reject("customer", .empty) }
            } else {
                customer = try string(EventFieldNames.customerSlot, "customer", limit: limits.maxIDLength)
            }
            let at = try timestamp(EventFieldNames.atSlot, "at")
            let source = try optionalString(EventFieldNames.sourceSlot, "source", limit: limits.maxShortLength)
            let body = try self.body(of: type)
            let extra = try extraFields()
            return Event(id: id, customer: customer, at: at, source: source, body: body, extra: extra)
        }

        /// Puts the common fields in their slots and every other member in `extraMembers` for now.
        private mutating func classifyCommonMembers() {
            for slot in 0..<slots.count { slots[slot] = -1 }
            extraMembers.removeAll(keepingCapacity: true)
            members: for (position, member) in members.enumerated() {
                for (slot, name) in EventFieldNames.commonBytes.enumerated() where reader.key(member.key, equals: name)
                {
                    slots[slot] = position
                    continue members
                }
                extraMembers.append(position)
            }
        }

        /// Moves the type's own fields from `extraMembers` to their slots; what remains is unknown.
        private mutating func classifyTypeMembers(type: EventType) {
            let typeFields = EventFieldNames.fieldBytes(of: type)
            var kept = 0
            members: for index in 0..<extraMembers.count {
                let position = extraMembers[index]
                for (offset, name) in typeFields.enumerated() where reader.key(members[position].key, equals: name) {
                    slots[EventFieldNames.firstTypeSlot + offset] = position
                    continue members
                }
                extraMembers[kept] = position
                kept += 1
            }
            extraMembers.removeSubrange(kept...)
        }

        private func eventType() throws(EventRejection) -> EventType {
            guard let token = try value(EventFieldNames.typeSlot, "type", required: true) else {
                throw reject("type", .missingField(detail: nil))
            }
            guard token.kind == .string else { throw reject("type", wrongType("string", token)) }
            if !token.hasEscapes {
                for (offset, name) in EventFieldNames.typeNameBytes.enumerated() where matches(token, name) {
                    if let type = EventType(code: UInt8(offset + 1)) { return type }
                }
            }
            let text = reader.decodeString(token)
            guard let type = EventType(rawValue: text), !type.isInternal else {
                throw reject("type", .unknownType(EventRejection.shorten(text)))
            }
            return type
        }

        private func matches(_ token: JSONToken, _ name: [UInt8]) -> Bool {
            guard token.contentEnd - token.contentStart == name.count else { return false }
            for offset in 0..<name.count where reader.byte(at: token.contentStart + offset) != name[offset] {
                return false
            }
            return true
        }

        // MARK: Body

        private mutating func body(of type: EventType) throws(EventRejection) -> EventBody {
            let first = EventFieldNames.firstTypeSlot
            let idLimit = limits.maxIDLength
            let shortLimit = limits.maxShortLength
            let textLimit = limits.maxTextLength
            switch type {
            case .purchase:
                return .purchase(
                    Purchase(
                        order: try string(first, "order", limit: idLimit),
                        amount: try amount(first + 1, "amount", required: true) ?? .zero,
                        currency: try currency(first + 2),
                        segment: try optionalString(first + 3, "segment", limit: shortLimit)
                    ))
            case .refund:
                return .refund(
                    Refund(
                        order: try string(first, "order", limit: idLimit),
                        amount: try amount(first + 1, "amount", required: false)
                    ))
            case .supportContact:
                return .supportContact(
                    SupportContact(
                        caseID: try string(first, "case", limit: idLimit),
                        channel: try string(first + 1, "channel", limit: shortLimit)
                    ))
            case .caseResolved:
                return .caseResolved(CaseResolved(caseID: try string(first, "case", limit: idLimit)))
            case .survey:
                let kindText = try string(first, "kind", limit: shortLimit)
                guard let kind = SurveyKind(rawValue: kindText) else {
                    let value = EventRejection.quote(EventRejection.shorten(kindText))
                    throw reject("kind", .outOfRange(value: value, detail: "must be one of nps, csat, ces"))
                }
                let range = kind.range
                let detail = "\(kind.rawValue) scores are \(range.lowerBound)-\(range.upperBound)"
                let score =
                    try integer(
                        first + 1, "score", range: Int64(range.lowerBound)...Int64(range.upperBound),
                        rangeDetail: detail, required: true) ?? 0
                return .survey(
                    Survey(
                        kind: kind,
                        score: Int(score),
                        comment: try optionalString(first + 2, "comment", limit: textLimit),
                        channel: try optionalString(first + 3, "channel", limit: shortLimit)
                    ))
            case .mention:
                return .mention(
                    Mention(
                        channel: try string(first, "channel", limit: shortLimit),
                        text: try string(first + 1, "text", limit: textLimit),
                        reach: try reach(first + 2),
                        url: try optionalString(first + 3, "url", limit: limits.maxURLLength)
                    ))
            case .reply:
                return .reply(
                    Reply(
                        to: try string(first, "to", limit: idLimit),
                        channel: try optionalString(first + 1, "channel", limit: shortLimit)
                    ))
            case .review:
                let platform = try string(first, "platform", limit: shortLimit)
                let rating =
                    try integer(
                        first + 1, "rating", range: 1...5, rangeDetail: "ratings are 1-5",
                        required: true) ?? 1
                return .review(
                    Review(
                        platform: platform,
                        rating: Int(rating),
                        text: try optionalString(first + 2, "text", limit: textLimit),
                        reach: try reach(first + 3)
                    ))
            case .referral:
                return .referral(
                    Referral(
                        code: try string(first, "code", limit: idLimit),
                        referee: try optionalString(first + 1, "referee", limit: idLimit)
                    ))
            case .signup:
                let contactLimit = limits.maxContactLength
                return .signup(
                    Signup(
                        referredBy: try optionalString(first, "referred_by", limit: idLimit),
                        email: try optionalString(first + 1, "email", limit: contactLimit),
                        phone: try optionalString(first + 2, "phone", limit: contactLimit),
                        paymentFingerprint: try optionalString(first + 3, "payment_fingerprint", limit: contactLimit),
                        address: try optionalString(first + 4, "address", limit: contactLimit),
                        segment: try optionalString(first + 5, "segment", limit: shortLimit)
                    ))
            case .onboarding:
                let step = try string(first, "step", limit: shortLimit)
                let statusText = try string(first + 1, "status", limit: shortLimit)
                guard let status = OnboardingStatus(rawValue: statusText) else {
                    let value = EventRejection.quote(EventRejection.shorten(statusText))
                    let detail = "must be one of started, completed, stuck, abandoned"
                    throw reject("status", .outOfRange(value: value, detail: detail))
                }
                return .onboarding(Onboarding(step: step, status: status))
            case .disruption:
                let what = try string(first, "what", limit: textLimit)
                let segment = try optionalString(first + 1, "segment", limit: shortLimit)
                let customers = try customerList(first + 2)
                if segment?.isEmpty ?? true, customers.isEmpty {
                    throw reject("segment", .missingField(detail: "a disruption needs \"segment\" or \"customers\""))
                }
                return .disruption(Disruption(what: what, segment: segment, customers: customers))
            case .suggestion:
                return .suggestion(Suggestion(text: try string(first, "text", limit: textLimit)))
            case .referralConverted:
                // Refused with the type above; producers cannot send internal events.
                throw reject("type", .unknownType(type.rawValue))
            }
        }

        // MARK: Values

        /// The slot's value; nil when absent or (unless the caller handles `null` itself) `null`.
        private func value(_ slot: Int, _ name: String, required: Bool) throws(EventRejection) -> JSONToken? {
            let position = slots[slot]
            guard position >= 0 else {
                if required { throw reject(name, .missingField(detail: nil)) }
                return nil
            }
            let token = members[position].value
            if token.kind == .null {
                if required { throw reject(name, .missingField(detail: nil)) }
                return nil
            }
            return token
        }

        /// A required, non-empty string of at most `limit` bytes.
        private mutating func string(_ slot: Int, _ name: String, limit: Int) throws(EventRejection) -> String {
            guard let text = try optionalString(slot, name, limit: limit, required: true) else {
                throw reject(name, .missingField(detail: nil))
            }
            if text.isEmpty { throw reject(name, .empty) }
            return text
        }

        private mutating func optionalString(
            _ slot: Int, _ name: String, limit: Int, required: Bool = false
        ) throws(EventRejection) -> String? {
            guard let token = try value(slot, name, required: required) else { return nil }
            guard token.kind == .string else { throw reject(name, wrongType("string", token)) }
            let text = reader.decodeString(token)
            let length = text.utf8.count
            if length > limit {
                throw reject(name, .tooLong(value: EventRejection.shorten(text), length: length, limit: limit))
            }
            return text
        }

        private func timestamp(_ slot: Int, _ name: String) throws(EventRejection) -> Timestamp {
            guard let token = try value(slot, name, required: true) else {
                throw reject(name, .missingField(detail: nil))
            }
            guard token.kind == .string else { throw reject(name, wrongType("string", token)) }
            let parsed: Result<Timestamp, Timestamp.RFC3339Problem>
            if token.hasEscapes {
                var text = reader.decodeString(token)
                parsed = text.withUTF8 { utf8 in
                    Timestamp.parseRFC3339(UnsafeRawBufferPointer(utf8), start: 0, end: utf8.count)
                }
            } else {
                parsed = Timestamp.parseRFC3339(reader.buffer, start: token.contentStart, end: token.contentEnd)
            }
            switch parsed {
            case .success(let timestamp):
                return timestamp
            case .failure(let problem):
                let text = EventRejection.shorten(reader.decodeString(token))
                throw reject(name, .badTimestamp(value: text, detail: problem.text))
            }
        }

        private func currency(_ slot: Int) throws(EventRejection) -> String? {
            guard let token = try value(slot, "currency", required: false) else { return nil }
            guard token.kind == .string else { throw reject("currency", wrongType("string", token)) }
            let text = reader.decodeString(token)
            guard text.utf8.count == 3, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") })
            else {
                let value = EventRejection.quote(EventRejection.shorten(text))
                throw reject("currency", .outOfRange(value: value, detail: "must be 3 upper-case letters (ISO 4217)"))
            }
            return text
        }

        private func number(
            _ slot: Int, _ name: String, required: Bool
        ) throws(EventRejection) -> (
            ExactDecimal, String
        )? {
            guard let token = try value(slot, name, required: required) else { return nil }
            guard token.kind == .number,
                let decimal = ExactDecimal.parse(reader.buffer, start: token.start, end: token.end)
            else { throw reject(name, wrongType("number", token)) }
            return (decimal, excerpt(token))
        }

        private func amount(_ slot: Int, _ name: String, required: Bool) throws(EventRejection) -> Money? {
            guard let (decimal, text) = try number(slot, name, required: required) else { return nil }
            if decimal.negative && !decimal.isZero {
                throw reject(name, .outOfRange(value: text, detail: "must not be negative"))
            }
            switch decimal.scaled(by: 4) {
            case .success(let units) where units <= Money.maxEventAmount.units:
                return Money(units: units)
            case .success, .failure(.tooLarge):
                throw reject(name, .outOfRange(value: text, detail: "must be at most 1000000000000"))
            case .failure(.tooPrecise):
                throw reject(name, .outOfRange(value: text, detail: "more than 4 decimal places"))
            }
        }

        private func integer(
            _ slot: Int, _ name: String, range: ClosedRange<Int64>, rangeDetail: String, required: Bool
        ) throws(EventRejection) -> Int64? {
            guard let (decimal, text) = try number(slot, name, required: required) else { return nil }
            switch decimal.scaled(by: 0) {
            case .success(let value) where range.contains(value):
                return value
            case .success, .failure(.tooLarge):
                throw reject(name, .outOfRange(value: text, detail: rangeDetail))
            case .failure(.tooPrecise):
                throw reject(name, .outOfRange(value: text, detail: "must be a whole number"))
            }
        }

        private func reach(_ slot: Int) throws(EventRejection) -> Int64 {
            let range: ClosedRange<Int64> = 0...1_000_000_000_000
            return try integer(slot, "reach", range: range, rangeDetail: "must be 0-1000000000000", required: false)
                ?? 0
        }

        private func customerList(_ slot: Int) throws(EventRejection) -> [String] {
            guard let token = try value(slot, "customers", required: false) else { return [] }
            guard token.kind == .array else { throw reject("customers", wrongType("array of strings", token)) }
            var elements = JSONReader(
                buffer: reader.buffer, start: token.start + 1, end: token.end,
                maxDepth: Int.max)
            var customers: [String] = []
            var position = 0
            while true {
                elements.skipWhitespace()
                guard let next = elements.peek(), next != UInt8(ascii: "]") else { break }
                if next == UInt8(ascii: ",") {
                    elements.position += 1
                    continue
                }
                // The array was validated already, so this cannot fail; stop rather than loop if it did.
                guard let element = try? elements.scanValue(depth: 1) else { break }
                let field = "customers[\(position)]"
                if position >= limits.maxDisruptionCustomers {
                    let count = position + 1 + Self.remainingElements(&elements)
                    throw reject(
                        "customers",
                        .tooMany(what: "customers", count: count, limit: limits.maxDisruptionCustomers))
                }
                guard element.kind == .string else { throw reject(field, wrongType("string", element)) }
                let text = reader.decodeString(element)
                if text.isEmpty { throw reject(field, .empty) }
                let length = text.utf8.count
                if length > limits.maxIDLength {
                    let problem = EventRejection.Problem.tooLong(
                        value: EventRejection.shorten(text), length: length, limit: limits.maxIDLength)
                    throw reject(field, problem)
                }
                customers.append(text)
                position += 1
            }
            return customers
        }

        private static func remainingElements(_ elements: inout JSONReader) -> Int {
            var count = 0
            while true {
                elements.skipWhitespace()
                guard let next = elements.peek(), next != UInt8(ascii: "]") else { return count }
                if next == UInt8(ascii: ",") {
                    elements.position += 1
                    continue
                }
                guard (try? elements.scanValue(depth: 1)) != nil else { return count }
                count += 1
            }
        }

        // MARK: Unknown fields

        private mutating func extraFields() throws(EventRejection) -> [ExtraField] {
            guard !extraMembers.isEmpty else { return [] }
            if extraMembers.count > limits.maxExtraFields {
                throw reject(
                    nil,
                    .tooMany(
                        what: "unknown fields", count: extraMembers.count,
                        limit: limits.maxExtraFields))
            }
            var extra: [ExtraField] = []
            extra.reserveCapacity(extraMembers.count)
            var total = 0
            for position in extraMembers {
                let member = members[position]
                let key = reader.decodeString(member.key)
                scratch.removeAll(keepingCapacity: true)
                reader.appendMinified(start: member.value.start, end: member.value.end, to: &scratch)
                total += key.utf8.count + scratch.count
                if total > limits.maxExtraBytes {
                    throw reject(key, .tooLarge(what: "unknown fields", size: total, limit: limits.maxExtraBytes))
                }
                extra.append(ExtraField(key: key, json: String(decoding: scratch, as: UTF8.self)))
            }
            extra.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            return extra
        }

        // MARK: Messages

        private func wrongType(_ expected: String, _ token: JSONToken) -> EventRejection.Problem {
            .wrongType(expected: expected, found: describe(token))
        }

        /// The token's kind and, for scalars, its value: `string "42.50"`, `number 7`, `boolean true`.
        private func describe(_ token: JSONToken) -> String {
            switch token.kind {
            case .string: "string \(EventRejection.quote(EventRejection.shorten(reader.decodeString(token))))"
            case .number: "number \(excerpt(token))"
            case .trueLiteral: "boolean true"
            case .falseLiteral: "boolean false"
            case .object, .array, .null: token.kind.name
            }
        }

        /// A number's text as sent, shortened.
        private func excerpt(_ token: JSONToken) -> String {
            let raw = UnsafeRawBufferPointer(rebasing: reader.buffer[token.start..<token.end])
            return EventRejection.shorten(String(decoding: raw, as: UTF8.self))
        }
    }
}
