/// The words behind the complaint rules: word classes, numbers and durations, and topic words.
///
/// Written from how customers write to airlines, rail operators, retailers, delivery firms, telecoms and
/// restaurants on social media, in reviews and in survey comments. Words are lower case; apostrophes are "'"
/// (an apostrophe-less spelling such as "cant" or "ive" is added automatically).
enum ComplaintLexicon {
    /// Word classes, referred to in rules as `@name`.
    static let classes: [String: String] = [
        // Guards.
        "neg": """
        not no never nothing none nobody without zero hardly barely neither nor didn't don't doesn't isn't \
        wasn't aren't weren't haven't hasn't hadn't won't wouldn't can't cannot couldn't shouldn't ain't \
        mustn't needn't
        """,
        "transparent": """
        be been being was were is are am get got gotten getting had has have ever a an any single one the my \
        our your their its this that yet even once really actually so too very much many major big real \
        serious significant further more additional other slightest slight of at all
        """,
        "cond": "if unless whether",
        "modal": "would might may could should must",
        "worry": """
        worried worry worrying afraid scared hope hoping hopefully wonder wondering nervous anxious fear \
        fearing pray praying concerned imagine
        """,
        "aux": """
        is are was were will would does do did has have had can could should am shall may might must isn't \
        aren't wasn't weren't won't wouldn't doesn't don't didn't hasn't haven't hadn't can't couldn't what \
        which how who
        """,
        "persist": "still again yet always keep keeps kept constantly continually repeatedly",
        "contrast": "but however although though tho",
        "praise": """
        amazing great brilliant excellent fantastic lovely superb wonderful helpful friendly kind perfect \
        awesome fab fabulous outstanding thanks thank thx cheers worth sorted resolved fixed quick quickly \
        fast promptly professional polite nice good ok okay fine happy pleased grateful appreciated \
        appreciate incredible impressive apologetic understanding
        """,
        "unresolved": """
        to be get getting please can could will would must should need needs needed want wants wanted hope \
        hoping until unless if when yet still never not no how why asap gets expect expected supposed meant \
        promised told say said says claim claimed apparently allegedly supposedly isn't wasn't hasn't \
        haven't hadn't didn't doesn't don't won't can't cannot couldn't wouldn't aren't weren't
        """,
        "addressee": "you your you're you've you'll yours yourself yourselves u ur y'all ya",
        "service": """
        service services customer customers support helpline staff agent agents team company airline \
        airlines flight flights plane airport train trains bus buses station delivery deliveries courier \
        order orders parcel package product products app website site account booking bookings refund bill \
        billing store shop shops restaurant hotel room food meal driver manager call centre center \
        experience price prices subscription contract network wifi broadband internet connection phone \
        line engineer technician branch checkout queue hold ticket tickets seat seats crew cabin luggage \
        baggage bag bags payment charge charged
        """,
        // Counting and repeating.
        "nth": """
        second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth umpteenth \
        nth hundredth thousandth millionth
        """,
        "many": """
        two three four five six seven eight nine ten eleven twelve fifteen twenty thirty fifty hundred \
        several multiple many countless numerous dozens hundreds loads lots endless repeated umpteen various
        """,
        "chase": "update updates news word response reply answer progress feedback joy movement developments followup",
        "when": """
        monday tuesday wednesday thursday friday saturday sunday yesterday last this early earlier morning \
        lunchtime january february march april may june july august september october november december \
        christmas easter the mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep \
        sept oct nov dec
        """,
        // Things customers wait for or lose.
        "luggage": """
        bag bags luggage suitcase suitcases baggage backpack rucksack holdall pram buggy stroller wheelchair \
        skis bike bicycle
        """,
        "goods": """
        order orders parcel parcels package packages delivery deliveries item items shipment purchase \
        purchases goods box boxes product products stuff furniture sofa mattress
        """,
        "vehicle": """
        flight flights train trains bus buses plane tram trams ferry coach service connection taxi cab uber \
        driver engineer technician courier plumber fitter installer
        """,
        "owed": """
        refund refunds money order orders parcel package delivery bag bags luggage suitcase baggage item \
        items compensation replacement tickets ticket confirmation invoice reimbursement voucher receipt \
        cashback deposit food meal taxi cab driver engineer technician courier booking reservation card \
        statement flight train bus reply response answer callback email
        """,
        "driverlike": """
        driver drivers engineer engineers technician technicians taxi cab uber courier bus train plumber \
        fitter fitters installer electrician van
        """,
        "web": """
        app website site webpage page portal login account online checkout system server servers platform \
        website's app's chatbot bot
        """,
        // Staff.
        "rude": """
        rude unhelpful useless dismissive condescending patronising patronizing aggressive arrogant \
        incompetent clueless unprofessional abrupt sarcastic hostile impolite disrespectful obnoxious \
        ignorant lazy grumpy hopeless insulting snotty snooty stroppy uncaring unfriendly unpleasant nasty \
        horrible awful terrible belligerent curt cold miserable moody surly
        """,
        "staff": """
        staff agent agents driver drivers employee employees cashier cashiers waiter waitress waiters \
        manager managers crew attendant attendants rep reps representative representatives receptionist \
        receptionists guy man woman lady girl bloke person member advisor adviser advisors operator steward \
        stewardess conductor guard guards security host server team people assistant assistants worker \
        workers officer supervisor staffer chap gentleman lad
        """,
        "linkint": """
        was were is are been being seemed seems became got just all so extremely very really incredibly \
        utterly completely totally absolutely quite pretty super beyond genuinely unbelievably particularly \
        exceptionally also both
        """,
        // Goods and facilities.
        "damage": """
        lost missing damaged broken smashed crushed ripped torn dented destroyed opened cracked soaked \
        stolen squashed shattered vandalised vandalized tampered ruined wrecked
        """,
        "breaks": """
        broke broken snapped cracked ripped tore torn split shrunk faded leaking leaked peeling peeled bent \
        rusted stained scratched chipped died failed stopped wore burst bobbled frayed disintegrated melted \
        smashed shattered
        """,
        "usage": """
        use uses usage wash washes wear wears wearing go time times day days week weeks month months year \
        years hour hours minute minutes outing trip ride charge charges attempt
        """,
        "food": """
        food meal burger pizza chips fries coffee tea dish steak chicken soup sandwich breakfast dinner \
        lunch takeaway curry noodles rice pasta bread fish salad wrap order starter dessert latte chicken
        """,
        "badfood": """
        cold lukewarm raw undercooked overcooked burnt burned stale soggy mouldy moldy rotten inedible bland \
        greasy tasteless expired rancid pink cremated congealed
        """,
        "badfoodafter": "frozen hard dry tepid rubbery",
        "facility": """
        shower heating aircon toilet lift elevator tv fridge kettle lights radiator boiler lock door window \
        plug socket charger heater fan sink tap taps
        """,
        "network": "wifi internet broadband signal connection network coverage",
        "place": """
        room rooms sheets toilet toilets bathroom bathrooms carriage carriages train bus plane seat seats \
        floor floors towels towel bedding bed beds cutlery glasses cups plates kitchen shower pool carpet \
        carpets hotel cabin loo loos store shop restaurant lobby lift car van taxi vehicle table tables
        """,
        "dirty": """
        dirty filthy stained smelly disgusting unclean grubby sticky mouldy moldy grimy stinking stinky \
        dusty infested vile rank minging manky
        """,
        "badplace": "freezing noisy tiny cramped damp",
    ]

    /// Values of number words in durations and counts.
    static let numberWords: [String: Double] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
        "couple": 2, "few": 3, "several": 3, "many": 5, "dozen": 12, "multiple": 3, "countless": 10,
    ]

    /// Units of durations, in minutes. "ages" and "forever" need no number; parts of the day need one or "all"
    /// ("all morning", not "Sat morning").
    static let durationUnits: [String: Double] = [
        "second": 1.0 / 60, "seconds": 1.0 / 60, "sec": 1.0 / 60, "secs": 1.0 / 60,
        "minute": 1, "minutes": 1, "min": 1, "mins": 1, "m": 1,
        "hour": 60, "hours": 60, "hr": 60, "hrs": 60, "h": 60,
        "morning": 240, "afternoon": 240, "evening": 240, "night": 480, "mornings": 240, "evenings": 240,
        "day": 1_440, "days": 1_440, "weekend": 2_880,
        "week": 10_080, "weeks": 10_080, "wk": 10_080, "wks": 10_080, "fortnight": 20_160,
        "month": 43_200, "months": 43_200, "year": 525_600, "years": 525_600, "yr": 525_600, "yrs": 525_600,
        "ages": 1_000_000, "forever": 1_000_000, "eternity": 1_000_000, "aeons": 1_000_000, "donkey's": 1_000_000,
    ]

    static let partsOfDay: Set<String> = [
        "morning", "afternoon", "evening", "night", "mornings", "evenings", "weekend",
    ]

    /// Words that may stand between or before the number and unit of a duration ("over half an hour").
    static let durationFillers: Set<String> = [
        "over", "nearly", "almost", "about", "around", "approx", "approximately", "more", "than", "at", "least",
        "like", "of", "and", "the", "whole", "full", "entire", "good", "best", "part", "solid", "literally",
        "some", "just", "all", "half", "another", "additional", "extra", "further", "plus", "odd", "or", "so",
    ]

    /// Topic words and the reason they point to, for generic cues. The first list applies to both refinements;
    /// `awaitedTopics` only to waits and chases, where waiting for goods or transport means a delay.
    static let subjectTopics: [ComplaintReason: String] = [
        .refundOrBilling: """
        refund refunds refunded reimbursement reimbursed compensation compensate money cashback deposit \
        charge charged charges charging bill billed billing invoice payment overcharged fee fees chargeback \
        debit debited
        """,
        .lostOrDamaged: "lost missing damaged luggage baggage suitcase suitcases bag bags",
        .cancellation: "cancelled canceled cancellation cancellations cancelling canceling",
        .delay: "delayed delay delays late",
        .bookingOrWebsite: """
        booking bookings reservation reservations app website site login account password online checkout \
        ticket tickets seat seats upgrade app's website's
        """,
        .productQuality: """
        product products quality faulty broken wifi internet broadband signal heating shower replacement \
        repair food meal coffee item
        """,
        .noResponse: """
        reply replies response responses answer answers callback email emails message messages call calls \
        contact contacted
        """,
    ]

    static let awaitedTopics: [ComplaintReason: String] = [
        .delay: """
        order orders parcel parcels package packages delivery deliveries delivered courier driver engineer \
        technician train trains bus buses flight flights plane taxi cab uber shipment shipping shipped \
        dispatch dispatched arrive arrival arrived food meal table
        """
    ]
}
