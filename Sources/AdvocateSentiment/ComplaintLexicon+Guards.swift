// Phrases that keep praise, harmless questions and solved problems from reading as complaints.

extension ComplaintLexicon {
    static let guardRules: [ComplaintRule] = suppressors + resolutions + waitPraise

    /// Cues overlapping these do not count.
    static let suppressors: [ComplaintRule] = ComplaintRule.guarding(
        .suppressor,
        [
            "no|zero|without {problem|problems|issue|issues|complaints|complaint|trouble|troubles|worries|worry|delay|"
                + "delays|hassle|fuss|wait|waiting|queue|queues|quibble|quibbles|drama|dramas|stress|bother|faults|"
                + "fault|hiccups|hitches|glitches|questions asked|nonsense|messing about|messing around}",
            "{not|wasn't|isn't|never|weren't|aren't} {a|an|any||} problem|issue|bother|hassle|trouble|worry",
            "{never|not|haven't|hasn't|didn't|never once|not once|not ever|zero|without|with no|with zero|hardly|"
                + "rarely|seldom} {had|have|experienced|seen|been|got|encountered|faced|suffered||} "
                + "{a|an|any|single|one|a single||} problem|problems|issue|issues|delay|delays|complaint|complaints|"
                + "trouble|hitch|hitches|glitch|glitches|hiccup|hiccups|fault|faults|cancellation|cancellations|wait|"
                + "waiting|queue|queues",
            "{can't|cannot|couldn't|could not|can not} wait|complain|fault|thank|recommend|praise|stop|imagine|rate|"
                + "{believe how|be happier|ask for|speak highly|say enough|get over how|fly with anyone|"
                + "use anyone|go anywhere|shop anywhere}",
            "why not",
            "nothing but praise|good|great|positive|love|compliments|thanks|kindness|respect|admiration|smiles|"
                + "excellent|brilliant|amazing|fantastic|lovely|kind|helpful|friendly",
            "{i'm|i am|we're|we are|i'll be|i will be|i was|we were|am|i'm just|i am just} {not||} working",
            "{late|last minute} {check out|checkout|check in|checkin|night|nights|booking|bookings|deal|deals|"
                + "availability|opening|openings|breakfast|lunch|dinner|show|shows|flight|train|bus|notice}",
            "{i|we|i've|we've|i'd|we'd|i have|we have|i had|we had|i just|we just|i then|i finally|i already|"
                + "we already|i've just|we've just|i've already|i successfully|i eventually} cancelled|canceled",
            "{i'm|i am|we're|we are|am|are} {cancelling|canceling}",
            "still {not sure|unsure|undecided|deciding|thinking|can't believe how|can't get over how|can't stop|"
                + "can't wait|haven't decided|not decided|no complaints|no problems|no issues|not had a|the best|"
                + "my favourite|my favorite|love|loving|the same great|going strong}",
            "no {reply|response|answer} {needed|necessary|required|expected}",
            "{anyone|anybody|anywhere|any one|nobody|no one|anything} else",
            "{with|from|at|by|to|use|using|fly|flying|book|booking|order|ordering|shop|shopping} {anyone|anybody|"
                + "anywhere|any other|another|someone|somebody|any} else|airline|company|one|provider|store|shop|"
                + "retailer|brand|network|bank|supplier|operator",
            "{all year|all my life|my whole life|all summer|all winter|for years|all season|so long|forever} "
                + "for this|these|it|you",
            "never {disappoint|disappoints|disappointed|fails|fail|failed|let me down|let us down|lets me down|"
                + "lets us down|had a bad}",
            "{no one|nobody|noone} {does it|can beat|beats|compares|comes close|else|does|is better|can compete}",
            "{missing|miss|missed} {you|u|ya|you guys|going|flying|travelling|traveling|being|this place|the old}",
            "cancel culture",
            "{worked|work|working|works} out",
            "wouldn't change|trade",
        ])

    /// Cues before these do not count: the problem was put right. The negation guard applies to them, so
    /// "not fixed" and "to be sorted" are no resolution.
    static let resolutions: [ComplaintRule] = ComplaintRule.guarding(
        .resolution, negatable: true,
        [
            "sorted|resolved|fixed|solved|found|refunded|replaced|rectified|reimbursed|compensated|reunited|recovered",
            "{all good|all sorted|all fixed|all resolved|all is well|sorted now|working again|working now|"
                + "back up|back online|up and running|no harm done|no worries|not to worry|never mind|no big deal|"
                + "not a big deal|these things happen|it happens|things happen|totally understandable|"
                + "completely understandable|understandable}",
            "{thanks|thank you|thank u|thankyou|thx|ty|cheers|grateful|appreciate|appreciated} "
                + "{so much|very much|again|a lot|loads||} {for|to} ..3 sorting|fixing|resolving|finding|replacing|"
                + "refunding|helping|help|responding|replying|dealing|handling|rebooking|understanding|everything|"
                + "{the quick|your quick|the fast|your fast|the speedy|your speedy|the prompt|your prompt|"
                + "getting back|sorting out|looking into|the refund|the replacement|the compensation|the voucher|"
                + "the upgrade|your help|the help|your support|the support|making it right|putting it right|"
                + "the update|the updates|keeping us|keeping me|letting me know|letting us know|the info|"
                + "the information|the heads up|the apology|your patience|being so|being patient|all your|"
                + "the great|the amazing|the lovely|the excellent|your kindness|the kind|a quick|a fast|your great|"
                + "your amazing|your lovely|the swift|your swift|the goodwill|the gesture}",
            "{great|excellent|brilliant|amazing|fantastic|quick|fast|speedy|swift|prompt|superb|outstanding|lovely|"
                + "good|impressive|first class|top notch|5 star|five star|fab|wonderful|helpful|friendly|kind} "
                + "service|response|recovery|job|work|support|help|communication|handling|resolution|turnaround|"
                + "reply|team|staff|crew|agent|{customer service}",
            "{arrived|landed|got|made it|still|delivered|came|turned up|departed|left|got there|got here|made|"
                + "got in|arriving|arrive} ..2 {on time|early|ahead of schedule|in time|on schedule|"
                + "with time to spare|earlier than expected|sooner than expected|quicker than expected|"
                + "faster than expected}",
            "{got|received|had|getting} {my|our|a|the|full|a full} refund|compensation|reimbursement|replacement|"
                + "{money back}",
            "{refund|refunds|compensation|money|replacement} {has|have||} {arrived|received|came through|"
                + "come through|processed|been processed|was quick|was fast|quickly|promptly|done|sorted|issued|"
                + "credited|went through|gone through|hit my account|in my account|back}",
        ])

    /// Waiting cues anywhere in the text do not count: the wait was worth it.
    static let waitPraise: [ComplaintRule] = ComplaintRule.guarding(
        .waitPraise,
        [
            "worth {the wait|waiting|it|every|the time|the queue|queuing|queueing}",
            "well worth",
            "{didn't|did not|don't|doesn't|never} {mind|minded} {the|waiting|a|queuing}",
        ])
}
