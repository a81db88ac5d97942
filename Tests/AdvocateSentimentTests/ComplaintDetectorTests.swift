import AdvocateSentiment
import Testing

struct ComplaintDetectorTests {
    let detector = ComplaintDetector()

    @Test("finds complaints and their reason", arguments: ComplaintExamples.complaints)
    func findsComplaint(example: (reason: ComplaintReason, text: String)) {
        let finding = detector.detect(example.text)
        #expect(finding?.reason == example.reason, "found \(String(describing: finding))")
    }

    @Test("leaves praise, thanks, questions and solved problems alone", arguments: ComplaintExamples.nonComplaints)
    func ignoresNonComplaint(text: String) {
        #expect(detector.detect(text) == nil)
    }

    @Test("every reason has examples")
    func coversEveryReason() {
        for reason in ComplaintReason.allCases {
            #expect(ComplaintExamples.complaints.filter { $0.reason == reason }.count >= 10, "\(reason)")
        }
    }

    @Test(
        "quotes the cue as written",
        arguments: [
            ("Been on hold for 40 minutes!!", "on hold for 40 minutes"),
            ("still waiting for my refund", "waiting for my refund"),
            ("@AirCo where is my bag?", "where is my bag"),
            ("Third time I’ve asked", "Third time I’ve asked"),
            ("The engineer never turned up", "engineer never turned up"),
            ("can't log in to the app", "can't log in"),
        ]
    )
    func quotesCue(text: String, cue: String) {
        #expect(detector.detect(text)?.cue == cue)
    }

    @Test(
        "guards: negation, condition, inquiry, praise after but, resolution",
        arguments: [
            "My flight wasn't delayed",
            "Never been cancelled on in ten years",
            "If my train is cancelled do I get a refund?",
            "Is the 10:15 delayed?",
            "Worried my bag might get lost on the transfer",
            "Flight delayed an hour but the crew were fantastic",
            "They lost my bag but found it within hours and delivered it to the hotel",
            "Waited 20 minutes for a table, worth the wait",
        ]
    )
    func guards(text: String) {
        #expect(detector.detect(text) == nil)
    }

    @Test(
        "the complaint survives what does not cancel it",
        arguments: [
            ("Is my flight delayed AGAIN?", ComplaintReason.delay),
            ("Can't believe it's cancelled again", .cancellation),
            ("Great crew but my bag was lost", .lostOrDamaged),
            ("No seats, standing for 2 hours", .waitingTime),
            ("Why hasn't my refund come through?", .refundOrBilling),
        ]
    )
    func survives(text: String, reason: ComplaintReason) {
        #expect(detector.detect(text)?.reason == reason)
    }

    @Test("the most specific reason wins")
    func mostSpecificReason() {
        #expect(detector.detect("On hold for an hour and they still lost my bag")?.reason == .lostOrDamaged)
        #expect(detector.detect("Still waiting for a reply about my refund")?.reason == .refundOrBilling)
        #expect(detector.detect("Flight cancelled and on hold for 2 hours")?.reason == .cancellation)
    }

    @Test("durations below a quarter of an hour are no wait", arguments: ["Waited 5 minutes", "On hold for 2 mins"])
    func shortWait(text: String) {
        #expect(detector.detect(text) == nil)
    }

    @Test("text beyond the size limit is ignored, and odd input is safe")
    func limitsAndOddInput() {
        let long = String(repeating: "lovely ", count: ComplaintDetector.maxTextBytes / 7) + "on hold for 2 hours"
        #expect(detector.detect(long) == nil)
        for text in ["", "???", "'''", "40", "3rd", "1.5.5,5", "on hold for", "@", "\u{2019}s", "é’é", "🙂🙂"] {
            #expect(detector.detect(text) == nil)
        }
    }
}
