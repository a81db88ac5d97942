import AdvocateCodec

/// Completes a referral once both halves are stored, the same way on every backend: the referee's
/// conversion candidate gets its referrer, and a `referral_converted` event is derived for the referrer's
/// partition under an id made from the converting purchase, so that ingest journals it once.
public enum ReferralJoin {
    /// - Parameters:
    ///   - conversion: the stored conversion candidate (a one-candidate wire message).
    ///   - trigger: the converting event's id, as stored with the conversion.
    ///   - code: the referral code both halves name.
    ///   - referrer: the customer the code belongs to.
    /// - Throws: `corrupt` when the stored conversion does not decode or names no referee.
    public static func complete(
        conversion: [UInt8], trigger: String, code: String, referrer: String
    ) throws -> (candidate: RewardCandidate, forward: Event) {
        guard case .candidates(let batch) = try? WireMessage(decoding: conversion),
            var candidate = batch.candidates.first, let referee = candidate.referee
        else {
            throw StorageError(.corrupt("conversion \(trigger) does not decode"))
        }
        candidate.referrer = referrer
        let forward = Event(
            id: "advocate:referral_converted:\(candidate.trigger)", customer: referrer, at: candidate.at,
            source: "advocate",
            body: .referralConverted(ReferralConverted(code: code, referee: referee, trigger: trigger))
        )
        return (candidate, forward)
    }
}
