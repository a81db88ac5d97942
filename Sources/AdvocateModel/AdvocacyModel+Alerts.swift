import AdvocateCodec

/// Alerts as a view derived from the state: after every event, each kept alert whose record changed is emitted
/// whole. The last record emitted for an alert is therefore the one the final state derives, in any order of
/// arrival (see `AlertRecord.excerpt` for the one field a late update may leave out).
extension AdvocacyModel {
    /// Adds a trigger. One too old for the window (older than the latest `Aggregates.alertSlots` triggers) is
    /// still reported once, as the kept replies say it stands, but is not followed afterwards.
    func openAlert(
        _ entry: Aggregates.AlertEntry,
        _ context: EventContext,
        _ aggregates: inout Aggregates,
        _ emission: inout Emission
    ) {
        emission.freshExcerpt = entry.excerpt
        guard !aggregates.recordAlert(entry) else { return }
        var closed = entry
        for reply in aggregates.replies where reply.target == entry.triggerHash {
            closed.closedAt = min(closed.closedAt ?? reply.at, reply.at)
        }
        let netUnits = aggregates.orderSummary.netUnits
        emission.append(.alert(alertRecord(closed, customer: context.customer, netUnits: netUnits)))
    }

    func emitAlertChanges(
        from before: Aggregates,
        to after: Aggregates,
        context: EventContext,
        into emission: inout Emission
    ) {
        guard !after.alerts.isEmpty else { return }
        let valueBefore = before.orderSummary.netUnits
        let valueAfter = after.orderSummary.netUnits
        for entry in after.alerts {
            var record = alertRecord(entry, customer: context.customer, netUnits: valueAfter)
            record.excerpt = nil
            let previous = before.alerts.first { utf8Equal($0.trigger, entry.trigger) }
            if let previous {
                var old = alertRecord(previous, customer: context.customer, netUnits: valueBefore)
                old.excerpt = nil
                if old == record { continue }
            }
            // The state drops the text once an alert closes; the closing update still carries it.
            record.excerpt = entry.excerpt ?? previous?.excerpt
            if record.excerpt == nil, utf8Equal(entry.trigger, context.id) {
                record.excerpt = emission.freshExcerpt
            }
            emission.append(.alert(record))
        }
    }

    /// The record of a kept alert; `netUnits` is the customer's net spend, for the severity.
    func alertRecord(_ entry: Aggregates.AlertEntry, customer: String, netUnits: Int64) -> AlertRecord {
        let response = entry.closedAt.map { max(0, $0 - entry.openedAt) }
        return AlertRecord(
            id: "alert:" + entry.trigger,
            trigger: entry.trigger,
            customer: customer,
            status: entry.closedAt == nil ? .open : .closed,
            severity: severity(entry, netUnits: netUnits),
            openedAt: Timestamp(seconds: entry.openedAt),
            closedAt: entry.closedAt.map { Timestamp(seconds: $0) },
            responseSeconds: response,
            reason: entry.reason,
            channel: entry.channel,
            excerpt: entry.excerpt
        )
    }

    /// Points from the text (or the survey score), the reach, and the customer's net spend:
    /// 0-1 low, 2-3 medium, 4-5 high, 6 or more critical.
    func severity(_ entry: Aggregates.AlertEntry, netUnits: Int64) -> AlertRecord.Severity {
        var points = 0
        switch entry.source {
        case .survey:
            points += entry.rating <= 3 ? 2 : 1
        case .mention, .review:
            if entry.compound <= -600 {
                points += 2
            } else if entry.compound <= -300 || entry.complaint {
                points += 1
            }
            if entry.source == .review {
                points = max(points, entry.rating == 1 ? 2 : (entry.rating == 2 ? 1 : 0))
            }
        }
        points += configuration.reachTiers.count { entry.reach >= $0 }
        let netSpend = Double(netUnits) / Double(Money.scale)
        points += configuration.valueTiers.count { netSpend >= $0 }
        switch points {
        case ...1: return .low
        case 2...3: return .medium
        case 4...5: return .high
        default: return .critical
        }
    }
}
