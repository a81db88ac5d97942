/// What a customer-service complaint is about.
public enum ComplaintReason: String, Sendable, CaseIterable {
    /// Late flights, trains, deliveries, engineers: something did not come when promised.
    case delay
    /// A flight, order, booking or appointment cancelled by the company.
    case cancellation
    /// Luggage or goods lost, missing, or arriving damaged.
    case lostOrDamaged = "lost_or_damaged"
    /// Refunds not paid, wrong or double charges, compensation.
    case refundOrBilling = "refund_or_billing"
    /// Long holds, queues and waits.
    case waitingTime = "waiting_time"
    /// Nobody answers, replies or calls back; the customer has to chase.
    case noResponse = "no_response"
    /// Rude, unhelpful or dismissive staff.
    case staff
    /// Bookings, accounts, the app or the website failing.
    case bookingOrWebsite = "booking_or_website"
    /// Faulty, broken, dirty or poor-quality products and facilities.
    case productQuality = "product_quality"
    /// A complaint without a more specific reason.
    case other
}
