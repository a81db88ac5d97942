/// The state's binary form (format version 1), designed to be small: a presence mask so that absent facts cost
/// nothing, varints, times as distances back from the latest event, time-sorted windows written as gaps, strings
/// once each in a front-coded table, common words as one byte, and a CRC-32 at the end.
///
/// Layout: version byte; event count; latest time (zigzag seconds); span back to the earliest; presence mask
/// (`Section`); string table; then each present section in the order of `Section`'s cases as listed in
/// `encoded()`; CRC-32 (little-endian) of everything before it.
extension Aggregates {
    /// No valid state is larger (the bounds allow about 7 KiB at most).
    static let maxSerializedBytes = 16 * 1024
    /// Version byte, four empty varints, an empty string table and the checksum.
    static let minSerializedBytes = 10

    /// Presence bits, commonest first so that a light customer's mask fits one byte. Never renumber.
    private enum Section: Int, CaseIterable {
        case purchases, contributors, orders, segments, signup, referral, refunds, nps, ces, sentiment
        case advocacyPoints, onboarding, contacts, resolutions, support, praise, negativeMentions, goodReviews
        case referralsSent, referralsConverted, alerts, replies

        var bit: UInt64 { 1 << UInt64(rawValue) }
        static let all: UInt64 = (1 << UInt64(allCases.count)) - 1
    }

    private enum AlertBits {
        static let source: UInt8 = 0b0000_0011
        static let closed: UInt8 = 0b0000_0100
        static let complaint: UInt8 = 0b0000_1000
        static let all: UInt8 = 0b0000_1111
    }

    private var presence: UInt64 {
        var mask: UInt64 = 0
        func mark(_ section: Section, _ present: Bool) {
            if present { mask |= section.bit }
        }
        mark(.purchases, purchaseCount > 0)
        mark(.contributors, !contributors.isEmpty)
        mark(.orders, !orders.isEmpty)
        mark(.segments, !segments.isEmpty)
        mark(.signup, signupAt != nil)
        mark(.referral, referral != nil)
        mark(.refunds, refundCount > 0)
        mark(.nps, npsCount > 0)
        mark(.ces, cesCount > 0)
        mark(.sentiment, !sentiment.isEmpty)
        mark(.advocacyPoints, advocacyPoints > 0)
        mark(.onboarding, latestOnboarding != nil)
        mark(.contacts, contactCount > 0)
        mark(.resolutions, resolvedCount > 0)
        mark(.support, !support.isEmpty)
        mark(.praise, praiseCount > 0)
        mark(.negativeMentions, negativeMentionCount > 0)
        mark(.goodReviews, goodReviewCount > 0)
        mark(.referralsSent, referralsSent > 0)
        mark(.referralsConverted, referralsConverted > 0)
        mark(.alerts, !alerts.isEmpty)
        mark(.replies, !replies.isEmpty)
        return mask
    }

    /// Every string the encoding writes, in the order it writes them (the conditions match `encoded()`).
    private var strings: [String] {
        var strings: [String] = []
        strings.reserveCapacity(4 + alerts.count + contributors.count)
        if let referral { strings.append(referral.code) }
        if purchaseCount > 0, let firstPurchase { strings += [firstPurchase.eventID, firstPurchase.order] }
        if npsCount > 0, latestNPS != nil, promoterCount > 0, let latestPromoter {
            strings.append(latestPromoter.eventID)
        }
        strings += alerts.map(\.trigger)
        strings += contributors.map(\.eventID)
        return strings
    }

    func encoded() -> [UInt8] {
        let table = StringTable(strings)
        var references = table.references.makeIterator()
        /// The table position of the next string written; `strings` lists them in writing order.
        func reference() -> Int {
            guard let position = references.next() else { preconditionFailure("string table out of step") }
            return position
        }
        return ByteWriter.encode(capacity: Self.maxSerializedBytes) { writer in
            write(to: &writer, table: table, reference: reference)
            precondition(references.next() == nil, "string table out of step")
            writer.uint32(CRC32.checksum(writer.written))
        }
    }

    private func write(to writer: inout ByteWriter, table: StringTable, reference: () -> Int) {
        let ago = { (time: Int64) in lastAt - time }
        writer.byte(CustomerState.formatVersion)
        writer.count(eventCount)
        writer.signed(lastAt)
        writer.distance(lastAt - firstAt)
        writer.varint(presence)
        table.write(to: &writer)

        if let signupAt { writer.distance(ago(signupAt)) }
        if let referral {
            writer.distance(ago(referral.at))
            writer.count(reference())
        }
        if purchaseCount > 0, let firstPurchase {
            writer.count(purchaseCount)
            writer.signed(purchaseUnits)
            writer.distance(ago(lastPurchaseAt))
            writer.distance(ago(firstPurchase.at))
            writer.count(reference())
            writer.count(reference())
            writer.signed(firstPurchase.units)
        }
        if refundCount > 0 {
            writer.count(refundCount)
            writer.signed(refundUnits)
            writer.count(wholeRefundCount)
        }
        if !orders.isEmpty {
            writer.count(orders.count)
            for slot in orders {
                writer.uint32(slot.hash)
                // The three counts in one byte when each is below 4 (nearly always: one purchase, maybe a refund).
                if slot.purchases < 4 && slot.refunds < 4 && slot.wholeRefunds < 4 {
                    writer.count(slot.purchases | slot.refunds << 2 | slot.wholeRefunds << 4)
                } else {
                    writer.count(64)
                    writer.count(slot.purchases)
                    writer.count(slot.refunds)
                    writer.count(slot.wholeRefunds)
                }
                writer.signed(slot.purchasedUnits)
                if slot.refunds > 0 { writer.signed(slot.refundedUnits) }
            }
        }
        if !segments.isEmpty {
            writer.count(segments.count)
            var previous = lastAt
            for segment in segments {
                writer.uint32(segment.hash)
                writer.distance(previous - segment.lastAt)
                previous = segment.lastAt
            }
        }
        if npsCount > 0, let latestNPS {
            writer.count(npsCount)
            writer.count(promoterCount)
            writer.count(detractorCount)
            writer.distance(ago(latestNPS.at))
            writer.count(latestNPS.value)
            if promoterCount > 0, let latestPromoter {
                writer.distance(ago(latestPromoter.at))
                writer.count(reference())
                writer.count(latestPromoter.score)
            }
        }
        if cesCount > 0 {
            writer.count(cesCount)
            writer.count(cesSum)
        }
        if let latestOnboarding {
            writer.distance(ago(latestOnboarding.at))
            writer.count(latestOnboarding.value)
        }
        if contactCount > 0 { writer.count(contactCount) }
        if resolvedCount > 0 { writer.count(resolvedCount) }
        if !support.isEmpty {
            writer.count(support.count)
            var previous = lastAt
            for mark in support {
                writer.distance(previous - mark.at)
                writer.uint16(mark.caseHash)
                writer.byte(mark.channel)
                previous = mark.at
            }
        }
        if praiseCount > 0 {
            writer.count(praiseCount)
            writer.distance(ago(lastPraiseAt))
            writer.distance(lastPraiseAt - firstPraiseAt)
        }
        if negativeMentionCount > 0 { writer.count(negativeMentionCount) }
        if goodReviewCount > 0 { writer.count(goodReviewCount) }
        if referralsSent > 0 { writer.count(referralsSent) }
        if referralsConverted > 0 { writer.count(referralsConverted) }
        if advocacyPoints > 0 { writer.distance(advocacyPoints) }
        if !sentiment.isEmpty {
            writer.count(sentiment.count)
            var previousPeriod = lastAt.floorDivided(by: Self.sentimentPeriod)
            for bucket in sentiment {
                writer.distance(previousPeriod - bucket.period)
                writer.distance(bucket.weight)
                writer.signed(bucket.score)
                previousPeriod = bucket.period
            }
        }
        if !alerts.isEmpty {
            writer.count(alerts.count)
            for alert in alerts {
                writer.count(reference())
                writer.distance(ago(alert.openedAt))
                var bits = alert.source.rawValue
                if alert.closedAt != nil { bits |= AlertBits.closed }
                if alert.complaint { bits |= AlertBits.complaint }
                writer.byte(bits)
                if let closedAt = alert.closedAt { writer.distance(ago(closedAt)) }
                writer.word(alert.reason)
                writer.word(alert.channel)
                writer.signed(Int64(alert.compound))
                writer.count(alert.rating)
                writer.distance(alert.reach)
                if alert.closedAt == nil { writer.text(alert.excerpt ?? "") }
            }
        }
        if !replies.isEmpty {
            writer.count(replies.count)
            var previous = lastAt
            for reply in replies {
                writer.uint32(reply.target)
                writer.distance(previous - reply.at)
                previous = reply.at
            }
        }
        if !contributors.isEmpty {
            writer.count(contributors.count)
            for contributor in contributors {
                writer.byte(contributor.kind.rawValue)
                writer.count(reference())
                switch contributor.kind.clock {
                case .none: break
                case .exact: writer.distance(ago(contributor.at))
                case .period:
                    let period = contributor.at.floorDivided(by: Self.sentimentPeriod)
                    writer.distance(lastAt.floorDivided(by: Self.sentimentPeriod) - period)
                }
                if contributor.kind.score == .sentiment {
                    writer.signed(contributor.value)
                } else {
                    writer.distance(contributor.value)
                }
                writer.distance(contributor.detail)
            }
        }

    }

    /// Reads and validates the binary form. With `verifyChecksum: false` (bytes this process validated or wrote
    /// itself) the CRC is skipped; every structural check still runs.
    init(decoding bytes: [UInt8], verifyChecksum: Bool = true) throws(CustomerStateError) {
        guard bytes.count >= Self.minSerializedBytes else { throw .tooShort(size: bytes.count) }
        guard bytes.count <= Self.maxSerializedBytes else {
            throw .tooLarge(size: bytes.count, limit: Self.maxSerializedBytes)
        }
        let result = bytes.withUnsafeBytes { raw -> Result<Aggregates, CustomerStateError> in
            do throws(CustomerStateError) {
                return .success(try Aggregates(raw: raw, verifyChecksum: verifyChecksum))
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }

    private init(raw bytes: UnsafeRawBufferPointer, verifyChecksum: Bool) throws(CustomerStateError) {
        let contentEnd = bytes.count - 4
        if verifyChecksum {
            var trailer = ByteReader(bytes, start: contentEnd, end: bytes.count)
            let stored = try trailer.uint32("checksum")
            let computed = CRC32.checksum(UnsafeRawBufferPointer(rebasing: bytes[..<contentEnd]))
            guard stored == computed else { throw .checksumMismatch(stored: stored, computed: computed) }
        }
        var reader = ByteReader(bytes, start: 0, end: contentEnd)
        let version = try reader.byte("version")
        guard version == CustomerState.formatVersion else { throw .unsupportedVersion(version) }
        self.init()
        var context = try DecodingContext(&reader, into: &self)
        try decodeFacts(&reader, &context)
        try decodeVoice(&reader, &context)
        try decodeAlerts(&reader, &context)
        try decodeContributors(&reader, &context)
        guard reader.isAtEnd else { throw reader.invalid("content", "unexpected bytes before the checksum") }
    }

    /// What every section needs while decoding: the time range, the presence mask and the string table.
    private struct DecodingContext {
        let firstAt: Int64
        let lastAt: Int64
        let mask: UInt64
        let table: [String]

        init(_ reader: inout ByteReader, into aggregates: inout Aggregates) throws(CustomerStateError) {
            aggregates.eventCount = try reader.count("event count", limit: Int(Int32.max) * 1024)
            lastAt = try reader.signed("latest time")
            let span = try reader.distance("time span", limit: Int64.max)
            guard lastAt >= Int64.min + span else {
                throw reader.invalid("time span", "reaches before the representable range")
            }
            firstAt = lastAt - span
            aggregates.lastAt = lastAt
            aggregates.firstAt = firstAt
            let start = reader.offset
            mask = try reader.varint("presence mask")
            guard mask & ~Section.all == 0 else {
                throw .invalid(field: "presence mask", offset: start, reason: "unknown sections \(mask)")
            }
            guard aggregates.eventCount > 0 || (mask == 0 && span == 0) else {
                throw .invalid(field: "presence mask", offset: start, reason: "an empty state has no facts")
            }
            table = try StringTable.read(from: &reader, countLimit: 15, limit: Aggregates.maxStringBytes)
        }

        func has(_ section: Section) -> Bool { mask & section.bit != 0 }

        /// A time no earlier than the earliest event.
        func time(_ reader: inout ByteReader, _ field: String) throws(CustomerStateError) -> Int64 {
            lastAt - (try reader.distance(field, limit: lastAt - firstAt))
        }

        /// The next time of a newest-first window, no later than `previous`.
        func gap(
            _ reader: inout ByteReader, _ field: String, after previous: Int64
        ) throws(CustomerStateError)
            -> Int64
        {
            previous - (try reader.distance(field, limit: previous - firstAt))
        }
    }

    private mutating func decodeFacts(
        _ reader: inout ByteReader, _ context: inout DecodingContext
    )
        throws(CustomerStateError)
    {
        let table = context.table
        if context.has(.signup) { signupAt = try context.time(&reader, "signup time") }
        if context.has(.referral) {
            referral = ReferralMark(
                at: try context.time(&reader, "referral time"),
                code: try reader.string("referral code", in: table)
            )
        }
        if context.has(.purchases) {
            purchaseCount = try reader.positive("purchase count", limit: eventCount)
            purchaseUnits = try reader.signed("purchase units")
            lastPurchaseAt = try context.time(&reader, "latest purchase time")
            firstPurchase = PurchaseMark(
                at: try context.time(&reader, "first purchase time"),
                eventID: try reader.string("first purchase id", in: table),
                order: try reader.string("first purchase order", in: table),
                units: try reader.signed("first purchase units")
            )
        }
        if context.has(.refunds) {
            refundCount = try reader.positive("refund count", limit: eventCount)
            refundUnits = try reader.signed("refund units")
            wholeRefundCount = try reader.count("whole refund count", limit: refundCount)
        }
        if context.has(.orders) {
            let count = try reader.positive("order slots", limit: Self.orderSlots)
            for _ in 0..<count {
                var slot = OrderSlot(hash: try reader.uint32("order hash"))
                let shape = try reader.count("order counts", limit: 64)
                if shape < 64 {
                    (slot.purchases, slot.refunds, slot.wholeRefunds) = (shape & 3, shape >> 2 & 3, shape >> 4)
                } else {
                    slot.purchases = try reader.count("order purchases", limit: purchaseCount)
                    slot.refunds = try reader.count("order refunds", limit: refundCount)
                    slot.wholeRefunds = try reader.count("order whole refunds", limit: wholeRefundCount)
                    if slot.purchases < 4 && slot.refunds < 4 && slot.wholeRefunds < 4 {
                        throw reader.invalid("order counts", "small counts written long")
                    }
                }
                guard slot.purchases <= purchaseCount, slot.refunds <= refundCount,
                    slot.wholeRefunds <= wholeRefundCount
                else { throw reader.invalid("order counts", "more than the customer's totals") }
                slot.purchasedUnits = try reader.signed("order purchased units")
                if slot.refunds > 0 { slot.refundedUnits = try reader.signed("order refunded units") }
                orders.append(slot)
            }
            try require(orders, &reader, "order slots") { $0.hash < $1.hash }
        }
        if context.has(.segments) {
            let count = try reader.positive("segments", limit: Self.segmentSlots)
            var previous = lastAt
            for _ in 0..<count {
                let hash = try reader.uint32("segment hash")
                previous = try context.gap(&reader, "segment time", after: previous)
                segments.append(SegmentMark(hash: hash, lastAt: previous))
            }
            try require(segments, &reader, "segments", Self.segmentPrecedes)
        }
        if context.has(.nps) {
            npsCount = try reader.positive("NPS count", limit: eventCount)
            promoterCount = try reader.count("promoter count", limit: npsCount)
            detractorCount = try reader.count("detractor count", limit: npsCount - promoterCount)
            latestNPS = TimedValue(
                at: try context.time(&reader, "latest NPS time"),
                value: try reader.count("NPS", limit: 10)
            )
            if promoterCount > 0 {
                latestPromoter = PromoterMark(
                    at: try context.time(&reader, "promoter time"),
                    eventID: try reader.string("promoter id", in: table),
                    score: try reader.count("promoter score", limit: 10)
                )
            }
        }
        if context.has(.ces) {
            cesCount = try reader.positive("CES count", limit: eventCount)
            cesSum = try reader.count("CES sum", limit: cesCount * 7)
        }
        if context.has(.onboarding) {
            latestOnboarding = TimedValue(
                at: try context.time(&reader, "onboarding time"),
                value: try reader.count("onboarding status", limit: 255)
            )
        }
        if context.has(.contacts) { contactCount = try reader.positive("contact count", limit: eventCount) }
        if context.has(.resolutions) { resolvedCount = try reader.positive("resolved count", limit: eventCount) }
        if context.has(.support) {
            let count = try reader.positive("support window", limit: Self.supportSlots)
            var previous = lastAt
            for _ in 0..<count {
                previous = try context.gap(&reader, "support time", after: previous)
                support.append(
                    SupportMark(
                        at: previous,
                        caseHash: try reader.uint16("support case"),
                        channel: try reader.byte("support channel")
                    )
                )
            }
            try require(support, &reader, "support window", Self.supportPrecedes)
        }
    }

    private mutating func decodeVoice(
        _ reader: inout ByteReader, _ context: inout DecodingContext
    )
        throws(CustomerStateError)
    {
        if context.has(.praise) {
            praiseCount = try reader.positive("praise count", limit: eventCount)
            lastPraiseAt = try context.time(&reader, "praise time")
            firstPraiseAt = try context.gap(&reader, "praise span", after: lastPraiseAt)
        }
        if context.has(.negativeMentions) {
            negativeMentionCount = try reader.positive("negative mention count", limit: eventCount)
        }
        if context.has(.goodReviews) { goodReviewCount = try reader.positive("good review count", limit: eventCount) }
        if context.has(.referralsSent) { referralsSent = try reader.positive("referrals sent", limit: eventCount) }
        if context.has(.referralsConverted) {
            referralsConverted = try reader.positive("referrals converted", limit: eventCount)
        }
        if context.has(.advocacyPoints) {
            advocacyPoints = try reader.distance("advocacy points", limit: Int64.max)
            guard advocacyPoints > 0 else { throw reader.invalid("advocacy points", "present but zero") }
        }
        if context.has(.sentiment) {
            let count = try reader.positive("sentiment buckets", limit: Self.sentimentBuckets)
            var period = lastAt.floorDivided(by: Self.sentimentPeriod)
            let firstPeriod = firstAt.floorDivided(by: Self.sentimentPeriod)
            for index in 0..<count {
                let gap = try reader.distance("sentiment period", limit: period - firstPeriod)
                if index > 0 && gap == 0 { throw reader.invalid("sentiment period", "two buckets for one period") }
                period -= gap
                let weight = try reader.distance("sentiment weight", limit: Int64.max)
                sentiment.append(
                    SentimentBucket(period: period, weight: weight, score: try reader.signed("sentiment score"))
                )
            }
        }
    }

    private mutating func decodeAlerts(
        _ reader: inout ByteReader, _ context: inout DecodingContext
    )
        throws(CustomerStateError)
    {
        if context.has(.alerts) {
            let count = try reader.positive("alerts", limit: Self.alertSlots)
            for _ in 0..<count {
                alerts.append(try decodeAlert(&reader, context))
            }
            try require(alerts, &reader, "alerts", Self.alertPrecedes)
        }
        if context.has(.replies) {
            let count = try reader.positive("replies", limit: Self.replySlots)
            var previous = lastAt
            for _ in 0..<count {
                let target = try reader.uint32("reply target")
                previous = try context.gap(&reader, "reply time", after: previous)
                replies.append(ReplyMark(at: previous, target: target))
            }
            try require(replies, &reader, "replies", Self.replyPrecedes)
        }
    }

    private func decodeAlert(
        _ reader: inout ByteReader, _ context: DecodingContext
    ) throws(CustomerStateError)
        -> AlertEntry
    {
        let trigger = try reader.string("alert trigger", in: context.table)
        let openedAt = try context.time(&reader, "alert time")
        let bits = try reader.byte("alert flags")
        guard bits & ~AlertBits.all == 0, let source = AlertSource(rawValue: bits & AlertBits.source) else {
            throw reader.invalid("alert flags", "unknown flags \(bits)")
        }
        let closedAt = bits & AlertBits.closed != 0 ? try context.time(&reader, "alert close time") : nil
        let reason = try reader.word("alert reason", limit: 64)
        let channel = try reader.word("alert channel", limit: Self.maxStringBytes)
        let compound = try reader.signed("alert compound")
        guard (-1_000...1_000).contains(compound) else {
            throw reader.invalid("alert compound", "\(compound) is outside -1000...1000")
        }
        let rating = try reader.count("alert rating", limit: 10)
        let reach = try reader.distance("alert reach", limit: Int64.max)
        let excerpt = closedAt == nil ? try reader.text("alert excerpt", limit: Self.maxExcerptBytes) : nil
        return AlertEntry(
            trigger: trigger, openedAt: openedAt, closedAt: closedAt, source: source, reason: reason,
            channel: channel, compound: Int(compound), complaint: bits & AlertBits.complaint != 0, rating: rating,
            reach: reach, excerpt: excerpt
        )
    }

    private mutating func decodeContributors(
        _ reader: inout ByteReader, _ context: inout DecodingContext
    )
        throws(CustomerStateError)
    {
        guard context.has(.contributors) else { return }
        let count = try reader.positive("contributors", limit: Self.contributorsPerScore * ScoreKind.allCases.count)
        for _ in 0..<count {
            let code = try reader.byte("contributor kind")
            guard let kind = ContributionKind(rawValue: code) else {
                throw reader.invalid("contributor kind", "unknown kind \(code)")
            }
            let eventID = try reader.string("contributor id", in: context.table)
            let at: Int64
            switch kind.clock {
            case .none: at = 0
            case .exact: at = try context.time(&reader, "contributor time")
            case .period:
                let last = lastAt.floorDivided(by: Self.sentimentPeriod)
                let first = firstAt.floorDivided(by: Self.sentimentPeriod)
                at = (last - (try reader.distance("contributor period", limit: last - first))) * Self.sentimentPeriod
            }
            contributors.append(
                Contributor(
                    kind: kind,
                    eventID: eventID,
                    at: at,
                    value: kind.score == .sentiment
                        ? try reader.signed("contributor value")
                        : try reader.distance("contributor value", limit: Int64.max),
                    detail: try reader.distance("contributor detail", limit: Int64.max)
                )
            )
        }
        try require(contributors, &reader, "contributors") { $0.score.code < $1.score.code }
        for score in ScoreKind.allCases
        where contributors.count(where: { $0.score == score }) > Self.contributorsPerScore {
            throw reader.invalid("contributors", "more than \(Self.contributorsPerScore) for \(score.rawValue)")
        }
    }

    private func require<Element>(
        _ elements: [Element],
        _ reader: inout ByteReader,
        _ field: String,
        _ precedes: (Element, Element) -> Bool
    ) throws(CustomerStateError) {
        guard elements.isSorted(by: precedes) else { throw reader.invalid(field, "not in canonical order") }
    }
}

extension ByteReader {
    /// A count of a section marked present: at least 1.
    mutating func positive(_ field: String, limit: Int) throws(CustomerStateError) -> Int {
        let start = offset
        let value = try count(field, limit: limit)
        guard value > 0 else { throw .invalid(field: field, offset: start, reason: "present but zero") }
        return value
    }
}
